/**
 * The claim's steps through the services themselves, no HTTP: for the
 * integration tests of the rules that the e2e tests reach only indirectly.
 * The claims are fires in 海沧街道 (350205001), filed by hc.cadre1 and
 * verified by hc.cadre2 under the running year's policy.
 */
import type { AuthUser } from '../../src/auth/auth-user.js';
import { ClaimLifecycleService } from '../../src/claim-lifecycle/claim-lifecycle.service.js';
import type { ClaimResponse } from '../../src/claim-lifecycle/dto/claim.response.js';
import { ClaimDocumentsService } from '../../src/claims/claim-documents.service.js';
import { ResidentsService } from '../../src/residents/residents.service.js';
import { CallerRepository } from '../../src/auth/caller.repository.js';
import { UsersRepository } from '../../src/users/users.repository.js';
import { claimInput, PDF_BYTES, uniqueIdNumber, uniquePhone } from './fixtures.js';
import type { TestApp } from './test-app.js';
import { FIRE_DOCUMENTS, siteVisit } from './workflow-steps.js';

/** The demo user as the guard would load it for a request. */
export async function asUser(t: TestApp, username: string): Promise<AuthUser> {
  const users = t.app.get(UsersRepository);
  const user = await users.findByUsername(t.db.manager, username);
  const caller = user && (await t.app.get(CallerRepository).findActive(t.db.manager, user.id));
  if (!caller) throw new Error(`no active demo user ${username}`);
  return caller;
}

/** A new resident of 海沧街道 and a fire claim for them with every document, verified at `verifiedLoss`. */
export async function verifiedFire(t: TestApp, verifiedLoss: string, residentId?: string): Promise<ClaimResponse> {
  const filer = await asUser(t, 'hc.cadre1');
  const resident = residentId ?? (await t.app.get(ResidentsService).register(filer, {
    name: '陈美玲', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001',
    address: '厦门市海沧区新垵村128号', coverBasis: 'registered',
  })).id;
  const lifecycle = t.app.get(ClaimLifecycleService);
  const claim = await lifecycle.file(filer,
    claimInput(resident, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '50000.00' }));
  const documents = t.app.get(ClaimDocumentsService);
  for (const type of FIRE_DOCUMENTS) await documents.upload(filer, claim.id, { type }, { originalname: `${type}.pdf`, buffer: PDF_BYTES });
  const verifier = await asUser(t, 'hc.cadre2');
  await lifecycle.startVerification(verifier, claim.id);
  return lifecycle.recordVerification(verifier, claim.id, { ...siteVisit(verifiedLoss), recommendation: 'pay' });
}

export async function assess(t: TestApp, claimId: string): Promise<ClaimResponse> {
  return t.app.get(ClaimLifecycleService).assess(await asUser(t, 'picc.adjuster'), claimId, {});
}

/** Approved by the manager (who may approve flagged and large claims), not the assessor. */
export async function approve(t: TestApp, claimId: string): Promise<ClaimResponse> {
  return t.app.get(ClaimLifecycleService).decide(await asUser(t, 'picc.manager'), claimId, { decision: 'approve' });
}

export type ClaimState = 'reported' | 'verifying' | 'needs_info' | 'verified' | 'assessed' | 'approved' | 'denied' | 'paid';

/** A fire claim of hc.cadre1's resident (claimed 1,000.00), with every document, brought to `state` through the services. */
export async function claimInState(t: TestApp, residentId: string, state: ClaimState): Promise<string> {
  const filer = await asUser(t, 'hc.cadre1');
  const verifier = await asUser(t, 'hc.cadre2');
  const lifecycle = t.app.get(ClaimLifecycleService);
  const claim = await lifecycle.file(filer,
    claimInput(residentId, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '1000.00' }));
  if (state === 'reported') return claim.id;
  const documents = t.app.get(ClaimDocumentsService);
  for (const type of FIRE_DOCUMENTS) await documents.upload(filer, claim.id, { type }, { originalname: `${type}.pdf`, buffer: PDF_BYTES });
  await lifecycle.startVerification(verifier, claim.id);
  if (state === 'verifying') return claim.id;
  if (state === 'needs_info') {
    await lifecycle.returnForInformation(verifier, claim.id, { reason: '请补充现场照片' });
    return claim.id;
  }
  await lifecycle.recordVerification(verifier, claim.id, { ...siteVisit('1000.00'), recommendation: 'pay' });
  if (state === 'verified') return claim.id;
  await assess(t, claim.id);
  if (state === 'assessed') return claim.id;
  if (state === 'denied') {
    await lifecycle.decide(await asUser(t, 'picc.manager'), claim.id, { decision: 'deny', reasonCode: 'other' });
    return claim.id;
  }
  await approve(t, claim.id);
  if (state === 'approved') return claim.id;
  await pay(t, claim.id);
  return claim.id;
}

export async function pay(t: TestApp, claimId: string): Promise<ClaimResponse> {
  const paid = await t.app.get(ClaimLifecycleService).pay(await asUser(t, 'picc.manager'), claimId, `pay-${claimId}`, {
    paidAt: new Date().toISOString(), bankReference: `PICC-${claimId.slice(0, 8)}`,
  });
  return paid.body;
}
