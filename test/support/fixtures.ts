/**
 * Residents, claims and documents created through the HTTP API, for any e2e
 * test. Defaults make a clean claim: a burglary in Haicang street 350205001
 * (file it as `hc.cadre1` or `hc.cadre2`), two days ago, under the per-claim
 * limit, with a police report number and a payee account no other claim uses,
 * so it raises no flag. Override what a test is about.
 *
 *   const auth = await t.login('hc.cadre1');
 *   const { resident } = await createResident(t, auth);
 *   const claim = await fileClaim(t, auth, resident.id, { eventType: 'fire', policeReportNo: undefined });
 *   await uploadDocument(t, auth, claim.id, 'fire_certificate').expect(201);
 */
import type { Response } from 'supertest';
import { idNumberCheckCharacter } from '../../src/common/id-number.js';
import { API, type TestApp } from './test-app.js';
import { shanghaiToday } from '../../src/common/business-date.js';

/**
 * Small whole files of each accepted type (the upload decodes them fully): a
 * one-page A4 PDF, a 4×3 red PNG and a 16×16 green JPEG, the images made with sharp.
 */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n'
  + '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n'
  + 'trailer <</Root 1 0 R>>\n%%EOF\n');
export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000040000000308020000003b9639910000000970485973000003e8000003e801b57b526b0000'
  + '00114944415408996338c3c0004708163a0700c42f09913bc8155d0000000049454e44ae426082', 'hex');
export const JPEG_BYTES = Buffer.from('ffd8ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d3c3933383740485c4e404457453738506d51575f'
  + '626768673e4d71797064785c656763ffdb0043011112121815182f1a1a2f6342384263636363636363636363636363636363636363636363'
  + '63636363636363636363636363636363636363636363636363636363ffc00011080010001003012200021101031101ffc400150001010000'
  + '0000000000000000000000000003ffc40014100100000000000000000000000000000000ffc4001401010000000000000000000000000000'
  + '0006ffc40014110100000000000000000000000000000000ffda000c03010002110311003f009803e2efffd9', 'hex');

// Random start so that two test files sharing a database would still not collide.
let counter = Math.floor(Math.random() * 5000);

/** A valid GB 11643 ID number (checksum, real birth date) not returned before in this process. */
export function uniqueIdNumber(addressCode = '350205'): string {
  counter += 1;
  const birthDate = new Date(Date.UTC(1950, 0, 1) + counter * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${addressCode}${birthDate}${String(counter % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

export function uniquePhone(): string {
  counter += 1;
  return `139${String(counter).padStart(8, '0')}`;
}

/** A 19-digit bank card number. */
export function uniqueAccountNo(): string {
  counter += 1;
  return `6222${String(counter).padStart(15, '0')}`;
}

export function uniquePoliceReportNo(): string {
  counter += 1;
  return `J350205${String(counter).padStart(13, '0')}`;
}

/** Today in Asia/Shanghai, the business date the API judges "future" and "late" by. */
export { shanghaiToday };

/**
 * `days` days before today (Shanghai), but not before 1 January of this year:
 * the seeded running-year policies start then, and earlier years have no
 * running policy. In the first days of January several offsets give the same date.
 */
export function recentDate(days: number): string {
  const today = shanghaiToday();
  const date = new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
  return date < `${today.slice(0, 4)}-01-01` ? `${today.slice(0, 4)}-01-01` : date;
}

export interface ResidentInput {
  name: string;
  idNumber: string;
  phone: string;
  streetCode: string;
  address: string;
  coverBasis: 'registered' | 'resident' | 'worker' | 'student';
}

export interface ResidentBody {
  id: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  districtCode: string;
  streetCode: string;
  address: string;
  coverBasis: string;
  createdAt: string;
}

/** A resident of `input.streetCode` (default 350205001); returns the response and the plaintext input. */
export async function createResident(t: TestApp, auth: string, overrides: Partial<ResidentInput> = {}): Promise<{ resident: ResidentBody; input: ResidentInput }> {
  const streetCode = overrides.streetCode ?? '350205001';
  const input: ResidentInput = {
    name: '陈美玲',
    idNumber: uniqueIdNumber(streetCode.slice(0, 6)),
    phone: uniquePhone(),
    streetCode,
    address: '厦门市海沧区新垵村128号',
    coverBasis: 'registered',
    ...overrides,
  };
  const res = await t.http().post(`${API}/residents`).set('Authorization', auth).send(input);
  if (res.status !== 201) throw new Error(`createResident: ${res.status} ${JSON.stringify(res.body)}`);
  return { resident: res.body as ResidentBody, input };
}

export interface ClaimInput {
  residentId: string;
  eventType: string;
  incidentDate: string;
  incidentPlace: string;
  description: string;
  claimedAmount: string;
  policeReportNo?: string;
  payee: { accountName: string; bankName: string; accountNo: string };
}

/** A clean burglary claim body for the resident; `undefined` in overrides drops a field (e.g. policeReportNo). */
export function claimInput(residentId: string, overrides: Partial<ClaimInput> = {}): ClaimInput {
  const input: ClaimInput = {
    residentId,
    eventType: 'burglary',
    incidentDate: recentDate(2),
    incidentPlace: '海沧街道新垵村128号',
    description: '夜间入室盗窃，丢失现金及电动车一辆。',
    claimedAmount: '8000.00',
    policeReportNo: uniquePoliceReportNo(),
    payee: { accountName: '陈美玲', bankName: '中国工商银行厦门海沧支行', accountNo: uniqueAccountNo() },
    ...overrides,
  };
  return input;
}

/** POST /claims; the raw response, for tests about the outcome. */
export async function postClaim(t: TestApp, auth: string, residentId: string, overrides: Partial<ClaimInput> = {}): Promise<Response> {
  return t.http().post(`${API}/claims`).set('Authorization', auth).send(claimInput(residentId, overrides));
}

/** Files a claim and returns its body; throws unless 201. */
export async function fileClaim(t: TestApp, auth: string, residentId: string, overrides: Partial<ClaimInput> = {}) {
  const res = await postClaim(t, auth, residentId, overrides);
  if (res.status !== 201) throw new Error(`fileClaim: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; claimNo: string; status: string; policyId: string; flags: { code: string; relatedClaimId: string | null }[]; [field: string]: unknown };
}

/** POST /claims/:id/documents as multipart; chain `.expect(201)` or await for the response. */
export function uploadDocument(t: TestApp, auth: string, claimId: string, type: string, content: Buffer = PDF_BYTES, fileName = `${type}.pdf`) {
  return t.http().post(`${API}/claims/${claimId}/documents`).set('Authorization', auth)
    .field('type', type).attach('file', content, { filename: fileName });
}
