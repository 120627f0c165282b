import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { shanghaiToday, uniqueIdNumber } from './support/fixtures.js';
import { assessClaim, expectStatus, registerResident, verifiedFireClaim } from './support/workflow-steps.js';
import { lockWaiters, waitFor } from './support/wait-for.js';

/** DESIGN.md "Audit": an append-only, hash-chained log of every write, checked by GET /audit/verify. */
describe('audit chain', () => {
  let t: TestApp;
  let claimId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const today = shanghaiToday();
    const residentId = await registerResident(t, 'hc.cadre1');
    claimId = (await verifiedFireClaim(t, residentId, { incidentDate: today, claimedAmount: '2000.00', verifiedLoss: '2000.00' })).id as string;
    await assessClaim(t, claimId, 'picc.adjuster');
    const manager = await t.login('picc.manager');
    expectStatus(await t.http().post(`${API}/claims/${claimId}/decision`).set('Authorization', manager).send({ decision: 'approve' }), 200);
    expectStatus(await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', manager).set('Idempotency-Key', 'audit-pay-1')
      .send({ paidAt: new Date().toISOString(), bankReference: 'ICBC-AUDIT-1' }), 200);
    expectStatus(await t.http().post(`${API}/claims/${claimId}/close`).set('Authorization', manager), 200);
    // A system-wide event, outside every district: an insurer joins.
    expectStatus(await t.http().post(`${API}/insurers`).set('Authorization', await t.login('admin')).send({ name: '中国太平洋财产保险股份有限公司厦门分公司' }), 201);
  });
  afterAll(async () => { await t.close(); });

  const verify = async () => (await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('admin'))).body;
  const eventCount = async (): Promise<number> => (await t.db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n;

  it('holds after a full claim flow', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: await eventCount(), firstBrokenSeq: null });
    expect(result.chains.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it("keeps one chain per district and one for system-wide events, each linked from its own start", async () => {
    const chains: { chain: string; n: number; first: string; last: string }[] = await t.db.query(
      `SELECT chain, count(*)::int AS n, min(chain_seq)::text AS first, max(chain_seq)::text AS last FROM audit_event GROUP BY chain ORDER BY chain`);
    expect(chains.map((c) => c.chain)).toEqual(expect.arrayContaining(['350205', 'system']));
    for (const c of chains) expect([c.first, c.last]).toEqual(['1', String(c.n)]);
    const [{ chain }] = await t.db.query(`SELECT DISTINCT chain FROM audit_event WHERE entity = 'claim' AND entity_id = $1`, [claimId]);
    expect(chain).toBe('350205');
    const result = await verify();
    expect(result.chains.map((c: { chain: string }) => c.chain)).toEqual(chains.map((c) => c.chain));
    expect(result.chains.find((c: { chain: string }) => c.chain === '350205')).toEqual({
      chain: '350205', ok: true, checked: chains.find((c) => c.chain === '350205')!.n, firstBrokenSeq: null,
    });
  });

  it("lets a district officer verify their district's chain only", async () => {
    const res = await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('hc.officer')).expect(200);
    expect(res.body.chains.map((c: { chain: string }) => c.chain)).toEqual(['350205']);
    expect(res.body).toMatchObject({ ok: true, checked: res.body.chains[0].checked, firstBrokenSeq: null });
  });

  it("lists a claim's events, each transition with its actor", async () => {
    const res = await t.http().get(`${API}/audit`).query({ entity: 'claim', entityId: claimId }).set('Authorization', await t.login('hc.officer'));
    expect(res.status).toBe(200);
    const events = res.body.items as { seq: string; action: string; entityId: string; actorId: string; data: { from?: string; to?: string } }[];
    expect(res.body.total).toBe(events.length);
    const chronological = [...events].sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)));
    expect(chronological.map((e) => e.action)).toEqual([
      'claim.file', ...Array(5).fill('claim.document_upload'), 'claim.start_verification', 'claim.verify', 'claim.assess', 'claim.approve', 'claim.pay', 'claim.close',
    ]);
    // The list is ordered by seq (newest first), not shuffled.
    expect(events).toEqual([...chronological].reverse());
    expect(events.every((e) => e.entityId === claimId)).toBe(true);
    const [{ id: manager }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'picc.manager'`);
    expect(chronological.find((e) => e.action === 'claim.approve')).toMatchObject({ actorId: manager, data: { from: 'assessed', to: 'approved' } });
  });

  it('is readable by admins and district officers only', async () => {
    expect((await t.http().get(`${API}/audit`).set('Authorization', await t.login('hc.cadre1'))).status).toBe(403);
    expect((await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('picc.manager'))).status).toBe(403);
    // Another district's officer sees none of this district's events.
    const other = await t.http().get(`${API}/audit`).query({ entity: 'claim', entityId: claimId }).set('Authorization', await t.login('jm.officer'));
    expect(other.body).toMatchObject({ items: [], total: 0 });
  });

  it('rejects UPDATE, DELETE and TRUNCATE of audit events', async () => {
    await expect(t.db.query(`UPDATE audit_event SET action = 'claim.nothing' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_event WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('keeps its order when many writes race', async () => {
    const cadre = await t.login('hc.cadre1');
    const before = await eventCount();
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => t.http().post(`${API}/residents`).set('Authorization', cadre).send({
      name: `并发居民${i}`, idNumber: uniqueIdNumber(), phone: '13912345678', streetCode: '350205001', address: '海沧街道', coverBasis: 'resident',
    })));
    expect(results.map((r) => r.status)).toEqual(Array(15).fill(201));
    const links: { chain_seq: string }[] = await t.db.query(`SELECT chain_seq FROM audit_event WHERE chain = '350205' ORDER BY chain_seq`);
    expect(links.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: links.length }, (_, i) => i + 1));
    expect(await verify()).toMatchObject({ ok: true, checked: before + 15, firstBrokenSeq: null });
  });

  it("lets one district write while another district's chain is held", async () => {
    const resident = (i: number, streetCode: string) => ({
      name: `链居民${i}`, idNumber: uniqueIdNumber(), phone: '13912345678', streetCode, address: '测试地址', coverBasis: 'resident',
    });
    const held = new pg.Client({ connectionString: t.databaseUrl });
    await held.connect();
    try {
      await held.query('BEGIN');
      await held.query(`SELECT 1 FROM audit_chain WHERE chain = '350205' FOR UPDATE`);
      const haicang = t.http().post(`${API}/residents`).set('Authorization', await t.login('hc.cadre1')).send(resident(1, '350205001')).then((r) => r);
      await waitFor(lockWaiters(held, 1));
      // 海沧 (350205) waits for its chain; 集美 (350211) is not held up by it.
      const jimei = await t.http().post(`${API}/residents`).set('Authorization', await t.login('jm.cadre')).send(resident(2, '350211001'));
      expect(jimei.status).toBe(201);
      expect(await lockWaiters(held, 1)()).toBe(true);
      await held.query('ROLLBACK');
      expect((await haicang).status).toBe(201);
    } finally {
      await held.end();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('names the first row altered behind its back, even with the trigger disabled', async () => {
    const [{ seq }] = await t.db.query(`SELECT seq FROM audit_event WHERE entity = 'claim' AND entity_id = $1 AND action = 'claim.approve'`, [claimId]);
    // What a database superuser could do: switch the guard off and quietly raise an approved amount.
    await t.db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    try {
      await t.db.query(`UPDATE audit_event SET data = jsonb_set(data, '{amount}', '"20000.00"') WHERE seq = $1`, [seq]);
    } finally {
      await t.db.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    }
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: String(seq) });
    const [{ chain_seq: chainSeq }] = await t.db.query('SELECT chain_seq FROM audit_event WHERE seq = $1', [seq]);
    const district = result.chains.find((c: { chain: string }) => c.chain === '350205');
    expect(district).toEqual({ chain: '350205', ok: false, checked: Number(chainSeq) - 1, firstBrokenSeq: String(seq) });
    // The other chains are not touched by the break and still hold.
    expect(result.chains.filter((c: { chain: string }) => c.chain !== '350205').every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it("notices events cut from a chain's end, though every remaining link holds", async () => {
    const [{ seq, chain }] = await t.db.query(`SELECT seq, chain FROM audit_event WHERE chain = 'system' ORDER BY chain_seq DESC LIMIT 1`);
    await t.db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    try {
      await t.db.query('DELETE FROM audit_event WHERE seq = $1', [seq]);
    } finally {
      await t.db.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    }
    const system = (await verify()).chains.find((c: { chain: string }) => c.chain === chain);
    expect(system).toMatchObject({ chain: 'system', ok: false });
  });
});

