import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { ClaimsRepository } from '../../src/claims/claims.repository.js';
import { Database } from '../../src/database/database.js';
import { PoliciesRepository } from '../../src/policies/policies.repository.js';
import { asUser, verifiedFire } from '../support/domain-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const LOCK_NOT_AVAILABLE = { driverError: expect.objectContaining({ code: '55P03' }) };

/**
 * Runs `work` in a transaction that stays open until the returned `end` is
 * called, so a second transaction can meet its locks.
 */
async function holdOpen(db: Database, work: (tx: EntityManager) => Promise<unknown>, outcome: 'commit' | 'rollback' = 'commit') {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => { end = resolve; });
  let started!: () => void;
  const ready = new Promise<void>((resolve) => { started = resolve; });
  const done = db.transaction(async (tx) => {
    const result = await work(tx);
    started();
    await ended;
    if (outcome === 'rollback') throw new RolledBack();
    return result;
  }).catch((error: unknown) => { if (!(error instanceof RolledBack)) throw error; });
  await ready;
  return { end: async () => { end(); await done; } };
}

class RolledBack extends Error {}

/** A second transaction that gives up after 300 ms instead of waiting for a lock. */
function impatiently<T>(db: Database, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL lock_timeout = '300ms'`);
    return work(tx);
  });
}

describe('row locks and counters, on PostgreSQL itself', () => {
  let t: TestApp;
  let db: Database;
  let claims: ClaimsRepository;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(Database);
    claims = t.app.get(ClaimsRepository);
  });
  afterAll(() => t.close());

  it('lockInScope holds the claim against a second change, answers 404 out of scope, and lets other claims reference it', async () => {
    const claim = await verifiedFire(t, '1000.00');
    const other = await verifiedFire(t, '1000.00');
    const adjuster = await asUser(t, 'picc.adjuster');

    await expect(db.transaction((tx) => claims.lockInScope(tx, adjuster, claim.id))).resolves.toMatchObject({ id: claim.id });
    await expect(db.transaction(async (tx) => claims.lockInScope(tx, await asUser(t, 'jm.officer'), claim.id)))
      .rejects.toMatchObject({ code: 'NOT_FOUND' });

    const held = await holdOpen(db, (tx) => claims.lockInScope(tx, adjuster, claim.id));
    await expect(impatiently(db, (tx) => claims.lockInScope(tx, adjuster, claim.id))).rejects.toMatchObject(LOCK_NOT_AVAILABLE);
    // FOR NO KEY UPDATE: a flag of another claim naming the locked one only needs a key share lock.
    await impatiently(db, (tx) => claims.insertFlags(tx, other.id, [{ code: 'DUPLICATE_EVENT', relatedClaimId: claim.id, detail: 'test' }]));
    await held.end();
    await expect(impatiently(db, (tx) => claims.lockInScope(tx, adjuster, claim.id))).resolves.toMatchObject({ id: claim.id });
  });

  it('the policy lock queues approvals of one policy but not the filing of claims under it', async () => {
    const policies = t.app.get(PoliciesRepository);
    const claim = await verifiedFire(t, '1000.00');
    const held = await holdOpen(db, (tx) => policies.findForUpdate(tx, claim.policyId));
    await expect(impatiently(db, (tx) => policies.findForUpdate(tx, claim.policyId))).rejects.toMatchObject(LOCK_NOT_AVAILABLE);
    const filed = await verifiedFire(t, '1000.00');
    expect(filed.policyId).toBe(claim.policyId);
    await held.end();
  });

  it('claim numbers: a second filing waits for the first, and a rolled-back number is given again', async () => {
    const year = 2091;
    const first = await db.transaction((tx) => claims.nextSeq(tx, '350205', year));
    expect(first).toBe(1);

    const held = await holdOpen(db, async (tx) => expect(await claims.nextSeq(tx, '350205', year)).toBe(2), 'rollback');
    await expect(impatiently(db, (tx) => claims.nextSeq(tx, '350205', year))).rejects.toMatchObject(LOCK_NOT_AVAILABLE);
    // Another district or year has its own counter and does not wait.
    await expect(impatiently(db, (tx) => claims.nextSeq(tx, '350211', year))).resolves.toBe(1);
    await held.end();

    await expect(db.transaction((tx) => claims.nextSeq(tx, '350205', year))).resolves.toBe(2);
    await expect(db.transaction((tx) => claims.nextSeq(tx, '350205', year))).resolves.toBe(3);
  });
});
