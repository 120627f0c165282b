import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { shanghaiToday, uniqueIdNumber } from './support/fixtures.js';
import { assessClaim, expectStatus, registerResident, verifiedFireClaim } from './support/workflow-steps.js';

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
  });
  afterAll(async () => { await t.close(); });

  const verify = async () => (await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('admin'))).body;
  const eventCount = async (): Promise<number> => (await t.db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n;

  it('holds after a full claim flow', async () => {
    expect(await verify()).toEqual({ ok: true, checked: await eventCount(), firstBrokenSeq: null });
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
    const seqs: { seq: string }[] = await t.db.query('SELECT seq FROM audit_event ORDER BY seq');
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: before + 15 }, (_, i) => i + 1));
    expect(await verify()).toEqual({ ok: true, checked: before + 15, firstBrokenSeq: null });
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
    expect(result.checked).toBe(Number(seq) - 1);
  });
});

