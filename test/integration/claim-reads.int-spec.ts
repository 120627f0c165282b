import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthUser } from '../../src/auth/auth-user.js';
import { Role } from '../../src/auth/role.js';
import { ClaimDetailsRepository } from '../../src/claim-lifecycle/claim-details.repository.js';
import { ClaimListRepository } from '../../src/claims/claim-list.repository.js';
import { ClaimsRepository } from '../../src/claims/claims.repository.js';
import { ClaimDocument } from '../../src/claims/entities/claim-document.entity.js';
import { ClaimStatusChange } from '../../src/claims/entities/claim-status-change.entity.js';
import { Claim } from '../../src/claims/entities/claim.entity.js';
import { DeadlinesRepository } from '../../src/deadlines/deadlines.repository.js';
import { ClaimAssessment } from '../../src/payouts/entities/claim-assessment.entity.js';
import { ClaimDecision } from '../../src/payouts/entities/claim-decision.entity.js';
import { Payment } from '../../src/payouts/entities/payment.entity.js';
import { ResidentsService } from '../../src/residents/residents.service.js';
import { ClaimVerification } from '../../src/verification/entities/claim-verification.entity.js';
import { asUser, claimInState, type ClaimState } from '../support/domain-steps.js';
import { uniqueIdNumber, uniquePhone } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const STATES: ClaimState[] = ['reported', 'verifying', 'needs_info', 'verified', 'assessed', 'approved', 'denied', 'paid'];

/**
 * The claim view's one statement is SQL text and its rows are hydrated from
 * JSON by converters worked out per entity: here it must give, for a claim in
 * every state (each stage's row present or absent), exactly the entities
 * TypeORM's own loads give, and answer each scope shape in the same
 * statement. The list's lines, one JSON value each, must hold what the rows do.
 */
describe('the claim view and list reads', () => {
  let t: TestApp;
  const claims = new Map<ClaimState, string>();
  beforeAll(async () => {
    t = await createTestApp();
    const resident = await t.app.get(ResidentsService).register(await asUser(t, 'hc.cadre1'), {
      name: '林志明', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001', address: '海沧街道', coverBasis: 'registered',
    });
    for (const state of STATES) claims.set(state, await claimInState(t, resident.id, state));
  }, 120_000);
  afterAll(() => t.close());

  it.each(STATES)('reads a %s claim as TypeORM loads its rows', async (state) => {
    const id = claims.get(state)!;
    const db = t.db.manager;
    const record = await t.app.get(ClaimDetailsRepository).find(db, id);
    const one = <T extends object>(entity: new () => T) => db.getRepository(entity).findOneBy({ claimId: id } as never);
    expect(record).toStrictEqual({
      claim: await db.getRepository(Claim).findOneByOrFail({ id }),
      policyNo: expect.any(String),
      eventTypeNameZh: '火灾',
      resident: { id: expect.any(String), name: '林志明', idNumberMasked: expect.stringMatching(/\*/) },
      requiredDocuments: expect.any(Array),
      documents: await db.getRepository(ClaimDocument).find({ where: { claimId: id }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
      flags: await t.app.get(ClaimsRepository).listFlags(db, id),
      history: await db.getRepository(ClaimStatusChange).find({ where: { claimId: id }, order: { id: 'ASC' } }),
      verification: await one(ClaimVerification),
      assessment: await one(ClaimAssessment),
      decision: await one(ClaimDecision),
      payment: await one(Payment),
      openClocks: (await t.app.get(DeadlinesRepository).openClocks(db, [id])).get(id) ?? [],
    });
  });

  it('has each stage present in some states and absent in others', async () => {
    const present = async (state: ClaimState) => {
      const record = (await t.app.get(ClaimDetailsRepository).find(t.db.manager, claims.get(state)!))!;
      return (['verification', 'assessment', 'decision', 'payment'] as const).filter((stage) => record[stage] !== null);
    };
    expect(await present('reported')).toEqual([]);
    expect(await present('verifying')).toEqual(['verification']);
    expect(await present('denied')).toEqual(['verification', 'assessment', 'decision']);
    expect(await present('paid')).toEqual(['verification', 'assessment', 'decision', 'payment']);
  });

  it('finds the claim for every scope that holds it and nothing for one that does not', async () => {
    const otherInsurer: AuthUser = { ...(await asUser(t, 'picc.adjuster')), insurerId: '00000000-0000-4000-8000-000000000001' };
    const noStreet: AuthUser = { ...(await asUser(t, 'hc.cadre1')), streetCode: null };
    const inScope = await Promise.all(['admin', 'hc.officer', 'hc.cadre1', 'picc.adjuster', 'picc.manager'].map((u) => asUser(t, u)));
    const outOfScope = [...await Promise.all(['jm.officer', 'xy.cadre', 'jm.cadre'].map((u) => asUser(t, u))), otherInsurer, noStreet];
    expect(new Set([...inScope, ...outOfScope].map((caller) => caller.role))).toEqual(new Set(Object.values(Role)));
    const details = t.app.get(ClaimDetailsRepository);
    for (const id of claims.values()) {
      const unscoped = await details.find(t.db.manager, id);
      for (const caller of inScope) expect(await details.find(t.db.manager, id, caller)).toStrictEqual(unscoped);
      for (const caller of outOfScope) expect(await details.find(t.db.manager, id, caller)).toBeNull();
    }
    expect(await details.find(t.db.manager, '00000000-0000-4000-8000-000000000002')).toBeNull();
  });

  it('lists the claims with the values their rows hold, newest first, counted in scope', async () => {
    const repository = t.app.get(ClaimListRepository);
    const officer = await asUser(t, 'hc.officer');
    const [rows, total] = await repository.listInScope(t.db.manager, officer, {}, 0, 50);
    expect(total).toBe(STATES.length);
    const expected = await Promise.all([...claims.values()].reverse().map(async (id) => {
      const claim = await t.db.getRepository(Claim).findOneByOrFail({ id });
      return {
        id, claimNo: claim.claimNo, status: claim.status, districtCode: claim.districtCode, streetCode: claim.streetCode,
        eventType: 'fire', eventTypeNameZh: '火灾', residentId: claim.residentId, residentName: '林志明', residentIdNumberMasked: expect.stringMatching(/\*/),
        incidentDate: claim.incidentDate, claimedAmount: claim.claimedAmount.toString(), approvedAmount: claim.approvedAmount?.toString() ?? null,
        reportedAt: claim.reportedAt,
        flags: [...new Set((await t.app.get(ClaimsRepository).listFlags(t.db.manager, id)).map((flag) => flag.code))].sort(),
      };
    }));
    expect(rows).toStrictEqual(expected);
    expect(rows.some((row) => row.approvedAmount !== null)).toBe(true);
    const [paid, paidTotal] = await repository.listInScope(t.db.manager, officer, { status: ['paid'], q: '林志明' }, 0, 50);
    expect([paid.map((row) => row.id), paidTotal]).toEqual([[claims.get('paid')], 1]);
    expect(await repository.listInScope(t.db.manager, await asUser(t, 'jm.officer'), {}, 0, 50)).toEqual([[], 0]);
  });
});
