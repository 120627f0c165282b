import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { startSecondProcess, type SecondProcess } from './support/second-process.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { formatMoney } from '../src/common/money.js';
import { shanghaiToday } from './support/fixtures.js';
import { assessClaim, registerResident, verifiedFireClaim } from './support/workflow-steps.js';
import { lockWaiters, waitFor } from './support/wait-for.js';

/**
 * DESIGN.md: concurrent approvals never push a policy past its aggregate
 * limit, and a payment is recorded once per Idempotency-Key — with several
 * app processes on one database. Every race here is split between the
 * in-test app and a second app process (the built dist/src/main.js).
 */
describe('payouts under concurrency, two app processes', () => {
  let t: TestApp;
  let second: SecondProcess;
  let policyId: string;
  const AGGREGATE_LIMIT_FEN = 1_000_000n; // 10,000.00 yuan
  const claims: { id: string; fen: bigint }[] = [];
  const winners: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    second = await startSecondProcess(t.databaseUrl);
    [{ id: policyId }] = await t.db.query(`SELECT id FROM policy WHERE district_code = '350205' AND year = 2026`);
    await t.db.query('UPDATE policy SET aggregate_limit = $2 WHERE id = $1', [policyId, AGGREGATE_LIMIT_FEN.toString()]);

    // 30 fire claims of 30 residents, 300.00 to 735.00 each (15,525.00 in all, well over the 10,000.00 limit).
    const today = shanghaiToday();
    for (const cadre of ['hc.cadre1', 'hc.cadre2', 'picc.adjuster', 'picc.manager', 'admin']) await t.login(cadre);
    for (let batch = 0; batch < 3; batch++) {
      await Promise.all(Array.from({ length: 10 }, async (_, i) => {
        const n = batch * 10 + i;
        const amount = `${300 + n * 15}.00`;
        const residentId = await registerResident(t, 'hc.cadre1');
        const claim = await verifiedFireClaim(t, residentId, { incidentDate: today, claimedAmount: amount, verifiedLoss: amount });
        await assessClaim(t, claim.id, 'picc.adjuster');
        claims.push({ id: claim.id, fen: BigInt(n * 1500 + 30000) });
      }));
    }
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await t?.close();
  });

  /** Alternates between the two processes. */
  const server = (i: number) => (i % 2 === 0 ? request(t.app.getHttpServer()) : request(second.url));

  it('runs a second app process on the same database', async () => {
    const res = await request(second.url).get(`${API}/claims/${claims[0].id}`).set('Authorization', await t.login('picc.manager'));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('assessed');
  });

  it('30 concurrent approvals over the aggregate limit: the approved total stays within it, every loser is told why', async () => {
    const auth = await t.login('picc.manager');
    const responses = await Promise.all(claims.map((claim, i) =>
      server(i).post(`${API}/claims/${claim.id}/decision`).set('Authorization', auth).send({ decision: 'approve' })));

    const losers: bigint[] = [];
    responses.forEach((res, i) => {
      if (res.status === 200) {
        expect(res.body).toMatchObject({ status: 'approved', approvedAmount: formatMoney(claims[i].fen) });
        winners.push(claims[i].id);
      } else {
        expect({ status: res.status, rule: res.body.details?.[0]?.field }).toEqual({ status: 422, rule: 'AGGREGATE_LIMIT_EXHAUSTED' });
        losers.push(claims[i].fen);
      }
    });
    const [{ total }] = await t.db.query('SELECT coalesce(sum(approved_amount), 0)::text AS total FROM claim WHERE policy_id = $1', [policyId]);
    const approvedTotal = BigInt(total);
    expect(approvedTotal).toBeLessThanOrEqual(AGGREGATE_LIMIT_FEN);
    expect(approvedTotal).toBe(claims.filter((c) => winners.includes(c.id)).reduce((sum, c) => sum + c.fen, 0n));
    expect(winners.length).toBeGreaterThan(0);
    expect(losers.length).toBeGreaterThan(0);
    // What is left only shrinks, so a rightly refused claim still does not fit at the end.
    for (const fen of losers) expect(fen).toBeGreaterThan(AGGREGATE_LIMIT_FEN - approvedTotal);

    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM claim WHERE policy_id = $1 AND status = 'approved'`, [policyId]);
    expect(n).toBe(winners.length);
  });

  it('20 parallel payments with one Idempotency-Key: one payment row, one answer', async () => {
    const claimId = winners[0];
    const auth = await t.login('picc.manager');
    const body = { paidAt: new Date().toISOString(), bankReference: 'ICBC-20261125-0001' };
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      server(i).post(`${API}/claims/${claimId}/payment`).set('Authorization', auth).set('Idempotency-Key', `pay-${claimId}`).send(body)));

    const successes = responses.filter((res) => res.status === 200);
    expect(successes.length).toBeGreaterThan(0);
    for (const res of responses) {
      if (res.status === 200) expect(res.text).toBe(successes[0].text);
      else expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_CONFLICT' });
    }
    expect(successes[0].body).toMatchObject({ status: 'paid', paidAmount: successes[0].body.approvedAmount });
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM payment WHERE claim_id = $1', [claimId]);
    expect(n).toBe(1);
  });

  it('a request arriving while another with its key is still running waits, then answers 409 "in flight"', async () => {
    const claimId = winners[1];
    const auth = await t.login('picc.manager');
    const body = { paidAt: new Date().toISOString(), bankReference: 'ICBC-20261125-0002' };
    const pay = (i: number) => server(i).post(`${API}/claims/${claimId}/payment`).set('Authorization', auth).set('Idempotency-Key', 'slow-key').send(body);

    // Hold the claim row, so the first request stops after taking the key and before it can finish.
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM claim WHERE id = $1 FOR UPDATE', [claimId]);
      const first = pay(1).then((res) => res);
      await waitFor(lockWaiters(blocker, 1));

      const meanwhile = await pay(0);
      expect(meanwhile.status).toBe(409);
      expect(meanwhile.body).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', message: expect.stringContaining('in flight') });

      await blocker.query('ROLLBACK');
      const done = await first;
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('paid');
      const replay = await pay(0);
      expect(replay.text).toBe(done.text);
    } finally {
      await blocker.end();
    }
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM payment WHERE claim_id = $1', [claimId]);
    expect(n).toBe(1);
  }, 30_000);

  it('kept the audit chain whole and in order through every race', async () => {
    const res = await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('admin'));
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM audit_event');
    expect(res.body).toMatchObject({ ok: true, checked: n, firstBrokenSeq: null });
    const [{ approvals }] = await t.db.query(`SELECT count(*)::int AS approvals FROM audit_event WHERE action = 'claim.approve'`);
    expect(approvals).toBe(winners.length);
  });
});
