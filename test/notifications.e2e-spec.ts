import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClaimLifecycleService } from '../src/claim-lifecycle/claim-lifecycle.service.js';
import { approve, asUser, assess, pay, verifiedFire } from './support/domain-steps.js';
import { claimInput, createResident, type ResidentInput } from './support/fixtures.js';
import { startSecondProcess } from './support/second-process.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

interface ProviderRequest { key: string; to: string; text: string }

/**
 * A fake SMS gateway that honours the idempotency key as a real one does: the
 * first request with a key delivers the message, later ones with the same key
 * are answered without sending again. It can fail the next requests, or take
 * them and never answer (the sender dies waiting).
 */
class FakeSmsProvider {
  readonly requests: ProviderRequest[] = [];
  readonly delivered = new Map<string, ProviderRequest>();
  failNext = 0;
  hang = false;
  private server: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      req.on('end', () => {
        const { to, text } = JSON.parse(body) as { to: string; text: string };
        const request = { key: String(req.headers['idempotency-key']), to, text };
        this.requests.push(request);
        if (this.failNext > 0) {
          this.failNext -= 1;
          res.writeHead(503).end('gateway busy');
          return;
        }
        if (!this.delivered.has(request.key)) this.delivered.set(request.key, request);
        if (this.hang) return;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/send`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SMS = (url: string) => ({ NOTIFY_CHANNEL: 'sms', SMS_PROVIDER_URL: url, SMS_PROVIDER_KEY: 'test-provider-key-0123456789', NOTIFY_POLL_SECONDS: '1' });

/** The outbox of messages to residents, their delivery, and GET /claims/:id/notifications. */
describe('notifications', () => {
  let t: TestApp;
  let provider: FakeSmsProvider;
  let resident: { id: string; input: ResidentInput };

  beforeAll(async () => {
    provider = new FakeSmsProvider();
    t = await createTestApp({ ...SMS(await provider.start()), NOTIFY_WORKER: 'true', NOTIFY_RETRY_LIMIT: '3', NOTIFY_RETRY_DELAY_SECONDS: '0' });
    const created = await createResident(t, await t.login('hc.cadre1'), { name: '黄阿伯' });
    resident = { id: created.resident.id, input: created.input };
  });
  afterAll(async () => {
    await t.close();
    await provider.stop();
  });

  const rowsOf = (claimId: string): Promise<{ id: string; template: string; status: string; attempts: number; last_error: string | null }[]> =>
    t.db.query(`SELECT id, template, status, attempts, last_error FROM notification WHERE claim_id = $1 ORDER BY created_at, id`, [claimId]);
  const file = async () => t.app.get(ClaimLifecycleService).file(await asUser(t, 'hc.cadre1'),
    claimInput(resident.id, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '1000.00' }));

  it('writes a message for each transition the resident cares about, in its transaction, and delivers it once', async () => {
    const claim = await file();
    const [filed] = await rowsOf(claim.id);
    expect(filed).toMatchObject({ template: 'claim_filed' });
    const jobs = await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'notificationId' = $1`, [filed.id]);
    expect(jobs[0].n).toBe(1);

    await until('the filing message sent', async () => (await rowsOf(claim.id))[0].status === 'sent');
    const sent = provider.delivered.get(filed.id)!;
    expect(sent.to).toBe(resident.input.phone);
    expect(sent.text).toBe(`【综治保险】您的理赔申请已受理，理赔编号 ${claim.claimNo}。已受理报案，所在街镇综治干部将尽快与您联系并进行现场核查。`);

    // A withdrawal tells the resident nothing; a failed action writes nothing.
    await t.app.get(ClaimLifecycleService).withdraw(await asUser(t, 'hc.cadre1'), claim.id, { reason: '误报' });
    await expect(t.app.get(ClaimLifecycleService).withdraw(await asUser(t, 'hc.cadre1'), claim.id, { reason: '再次' })).rejects.toThrow();
    expect((await rowsOf(claim.id)).map((r) => r.template)).toEqual(['claim_filed']);
  });

  it('tells the resident of the return, the approval and the payment, naming the claim, its state and what to do', async () => {
    const lifecycle = t.app.get(ClaimLifecycleService);
    const verified = await verifiedFire(t, '1000.00', resident.id);
    await lifecycle.returnForInformation(await asUser(t, 'picc.adjuster'), verified.id, { reason: '请补充损失清单' });
    await lifecycle.resubmit(await asUser(t, 'hc.cadre1'), verified.id);
    await assess(t, verified.id);
    await approve(t, verified.id);
    await pay(t, verified.id);
    expect((await rowsOf(verified.id)).map((r) => r.template)).toEqual(['claim_filed', 'claim_returned', 'claim_approved', 'claim_paid']);
    const ids = (await rowsOf(verified.id)).map((r) => r.id);
    await until('all four sent', async () => (await rowsOf(verified.id)).every((r) => r.status === 'sent'));
    expect(provider.delivered.get(ids[1])!.text).toBe(`【综治保险】理赔编号 ${verified.claimNo}：待补充材料。需要补充材料：请尽快联系所在街镇综治办，按要求补交材料后继续办理。`);
    expect(provider.delivered.get(ids[3])!.text).toContain(`理赔编号 ${verified.claimNo}：已赔付，赔款 1000.00 元。`);
  });

  it('retries a failing provider with the same key until it answers, and counts the attempts', async () => {
    provider.failNext = 2;
    const claim = await file();
    const [row] = await rowsOf(claim.id);
    const done = await until('delivered after two failures', async () => {
      const [now] = await rowsOf(claim.id);
      return now.status === 'sent' && now;
    });
    expect(done).toMatchObject({ attempts: 3, last_error: expect.stringContaining('SMS provider answered 503') });
    expect(provider.requests.filter((r) => r.key === row.id)).toHaveLength(3);
    const [job] = await t.db.query(`SELECT retry_limit AS "retryLimit", retry_backoff AS "retryBackoff" FROM pgboss.job WHERE data->>'notificationId' = $1`, [row.id]);
    expect(job).toEqual({ retryLimit: 3, retryBackoff: true });
  });

  it('gives up after the last retry and says so', async () => {
    provider.failNext = 10;
    const claim = await file();
    const failed = await until('failed for good', async () => {
      const [now] = await rowsOf(claim.id);
      return now.status === 'failed' && now;
    });
    expect(failed).toMatchObject({ attempts: 4, last_error: expect.stringContaining('503') });
    provider.failNext = 0;
  });

  it('lists a claim\'s notifications to staff in scope, the phone masked; 404 outside it', async () => {
    const claim = await file();
    await until('sent', async () => (await rowsOf(claim.id))[0].status === 'sent');
    const res = await t.http().get(`${API}/claims/${claim.id}/notifications`).set('Authorization', await t.login('picc.adjuster'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{
      id: expect.any(String), channel: 'sms', template: 'claim_filed', status: 'sent', attempts: 1, lastError: null,
      recipient: `${resident.input.phone.slice(0, 3)}****${resident.input.phone.slice(-4)}`, createdAt: expect.any(String), sentAt: expect.any(String),
    }]);
    expect(JSON.stringify(res.body)).not.toContain(resident.input.phone);
    expect((await t.http().get(`${API}/claims/${claim.id}/notifications`).set('Authorization', await t.login('xy.cadre'))).status).toBe(404);
  });
});

describe('notification delivery across a crash', () => {
  let t: TestApp;
  let provider: FakeSmsProvider;
  let url: string;

  beforeAll(async () => {
    provider = new FakeSmsProvider();
    url = await provider.start();
    // This app writes the outbox (its jobs, retried at once, expire two seconds after their worker took them); only the second processes deliver.
    t = await createTestApp({ ...SMS(url), NOTIFY_WORKER: 'false', NOTIFY_EXPIRE_SECONDS: '2', NOTIFY_RETRY_DELAY_SECONDS: '0' });
  });
  afterAll(async () => {
    await t.close();
    await provider.stop();
  });

  it('delivers a message exactly once when the worker is killed between the provider\'s receipt and the mark', async () => {
    const { resident, input } = await createResident(t, await t.login('hc.cadre1'), { name: '吴阿姨' });
    const claim = await t.app.get(ClaimLifecycleService).file(await asUser(t, 'hc.cadre1'),
      claimInput(resident.id, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '1000.00' }));
    const [{ id }] = await t.db.query(`SELECT id FROM notification WHERE claim_id = $1`, [claim.id]);
    const env = { ...SMS(url), NOTIFY_WORKER: 'true', NOTIFY_EXPIRE_SECONDS: '2' };

    provider.hang = true;
    const first = await startSecondProcess(t.databaseUrl, env);
    await until('the provider reached', async () => provider.requests.some((r) => r.key === id));
    await first.kill();
    expect((await t.db.query(`SELECT status FROM notification WHERE id = $1`, [id]))[0].status).toBe('queued');

    provider.hang = false;
    const second = await startSecondProcess(t.databaseUrl, env);
    try {
      await until('sent after the restart', async () => (await t.db.query(`SELECT status FROM notification WHERE id = $1`, [id]))[0].status === 'sent');
    } finally {
      await second.stop();
    }
    expect(provider.requests.filter((r) => r.key === id).length).toBeGreaterThanOrEqual(2);
    expect([...provider.delivered.values()].filter((r) => r.to === input.phone)).toHaveLength(1);
    expect((await t.db.query(`SELECT status, attempts FROM notification WHERE id = $1`, [id]))[0]).toEqual({ status: 'sent', attempts: 1 });
  });
});
