/**
 * The steps after intake, over HTTP, for the workflow, payout and audit
 * tests: documents for a whole claim, site verification, assessment. Filing
 * builds on fixtures.ts.
 */
import type { Response } from 'supertest';
import { createResident, fileClaim, JPEG_BYTES, PDF_BYTES, PNG_BYTES, uploadDocument, type ClaimInput, type ResidentInput } from './fixtures.js';
import { API, type TestApp } from './test-app.js';

/** The claim as the API answers it; tests read the fields they check. */
export type ClaimBody = Record<string, any>;

export const FIRE_DOCUMENTS = ['id_card', 'fire_certificate', 'loss_list', 'photo', 'bank_card'];

/** Fails with the response body, so a broken step says why. */
export function expectStatus(res: Response, status: number): Response {
  if (res.status !== status) {
    throw new Error(`${res.request.method} ${res.request.url} answered ${res.status}, expected ${status}: ${res.text}`);
  }
  return res;
}

/** A resident of 海沧街道 (350205001) unless overridden; returns the id. */
export async function registerResident(t: TestApp, cadre = 'hc.cadre1', overrides: Partial<ResidentInput> = {}): Promise<string> {
  return (await createResident(t, await t.login(cadre), overrides)).resident.id;
}

/** A fire in a shop (no police report needed) filed by `cadre`. */
export async function fileFireClaim(t: TestApp, cadre: string, residentId: string, overrides: Partial<ClaimInput> = {}): Promise<ClaimBody> {
  return fileClaim(t, await t.login(cadre), residentId, {
    eventType: 'fire', policeReportNo: undefined, incidentPlace: '海沧街道新垵村商铺',
    description: '店铺后仓电线老化起火，货架及库存烧毁。', ...overrides,
  });
}

/** One document per type, as PDF, PNG and JPEG in turn. */
export async function uploadDocuments(t: TestApp, cadre: string, claimId: string, types: string[]): Promise<void> {
  const files: [Buffer, string][] = [[PDF_BYTES, 'pdf'], [PNG_BYTES, 'png'], [JPEG_BYTES, 'jpg']];
  for (const [index, type] of types.entries()) {
    const [content, extension] = files[index % files.length];
    expectStatus(await uploadDocument(t, await t.login(cadre), claimId, type, content, `${type}.${extension}`), 201);
  }
}

export interface SiteVisit {
  visitedAt: string;
  participants: string[];
  findings: string;
  verifiedLoss: string;
  recommendation: string;
}

/** A site visit a minute ago, unless `visitedAt` says when. */
export function siteVisit(verifiedLoss: string, visitedAt = new Date(Date.now() - 60_000).toISOString()): SiteVisit {
  return {
    visitedAt,
    participants: ['海沧街道 黄网格', '人保理赔员 张敏', '店主 李建国'],
    findings: '现场核实：后仓货架及库存烧毁，消防出具火灾事故认定书。',
    verifiedLoss,
    recommendation: 'pay',
  };
}

/** Start and record the site verification (the verifier must not be the cadre who filed the claim). */
export async function verifyClaim(t: TestApp, claimId: string, verifiedLoss: string, verifier = 'hc.cadre2', visitedAt?: string): Promise<ClaimBody> {
  const auth = await t.login(verifier);
  expectStatus(await t.http().post(`${API}/claims/${claimId}/verification/start`).set('Authorization', auth), 200);
  const res = await t.http().post(`${API}/claims/${claimId}/verification`).set('Authorization', auth).send(siteVisit(verifiedLoss, visitedAt));
  return expectStatus(res, 200).body as ClaimBody;
}

export async function assessClaim(t: TestApp, claimId: string, assessor = 'picc.adjuster', body: Record<string, unknown> = {}): Promise<ClaimBody> {
  const res = await t.http().post(`${API}/claims/${claimId}/assessment`).set('Authorization', await t.login(assessor)).send(body);
  return expectStatus(res, 200).body as ClaimBody;
}

/** A fire claim filed by hc.cadre1 with all its documents, verified by hc.cadre2: ready for assessment. */
export async function verifiedFireClaim(t: TestApp, residentId: string, overrides: Partial<ClaimInput> & { verifiedLoss: string }): Promise<ClaimBody> {
  const { verifiedLoss, ...claim } = overrides;
  const filed = await fileFireClaim(t, 'hc.cadre1', residentId, claim);
  await uploadDocuments(t, 'hc.cadre1', filed.id as string, FIRE_DOCUMENTS);
  return verifyClaim(t, filed.id as string, verifiedLoss);
}
