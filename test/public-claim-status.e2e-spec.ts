import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClaimLifecycleService } from '../src/claim-lifecycle/claim-lifecycle.service.js';
import type { ClaimResponse } from '../src/claim-lifecycle/dto/claim.response.js';
import { approve, asUser, assess, pay, verifiedFire } from './support/domain-steps.js';
import { claimInput, createResident, type ResidentInput } from './support/fixtures.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

const lookup = (t: TestApp, body: object) => t.http().post(`${API}/public/claim-status`).send(body);

/** A resident of 海沧街道 with a fire claim filed by hc.cadre1. */
async function residentWithClaim(t: TestApp, name = '郑阿婆'): Promise<{ input: ResidentInput; claim: ClaimResponse }> {
  const { resident, input } = await createResident(t, await t.login('hc.cadre1'), { name });
  const claim = await t.app.get(ClaimLifecycleService).file(await asUser(t, 'hc.cadre1'),
    claimInput(resident.id, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '2000.00' }));
  return { input, claim };
}

/** POST /public/claim-status: the resident's own lookup, without a login. */
describe('public claim status', () => {
  let t: TestApp;
  let input: ResidentInput;
  let claim: ClaimResponse;

  beforeAll(async () => {
    t = await createTestApp();
    ({ input, claim } = await residentWithClaim(t));
  });
  afterAll(async () => { await t.close(); });

  it('answers the progress of a claim to its claim number and the last six of the ID number, without a token', async () => {
    const res = await lookup(t, { claimNo: claim.claimNo, idNumberLast6: input.idNumber.slice(-6) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      claimNo: claim.claimNo, eventType: 'fire', eventTypeZh: '火灾', status: 'reported', statusZh: '已报案',
      filedAt: claim.reportedAt, lastChangeAt: claim.history.at(-1)!.at,
      nextStep: '已受理报案，所在街镇综治干部将尽快与您联系并进行现场核查。',
    });
  });

  it('tells nothing personal: no name, ID number, phone, address, payee or bank, masked or not', async () => {
    const res = await lookup(t, { claimNo: claim.claimNo, idNumberLast6: input.idNumber.slice(-6) });
    const text = JSON.stringify(res.body);
    const personal = [input.name, input.idNumber, input.phone, input.address, input.idNumber.slice(-4), input.phone.slice(-4),
      claim.payee!.accountName, claim.payee!.bankName, claim.payee!.accountNoMasked, claim.incidentPlace, claim.resident.id, claim.resident.idNumberMasked];
    expect(personal.filter((value) => text.includes(value))).toEqual([]);
    expect(Object.keys(res.body).sort()).toEqual(['claimNo', 'eventType', 'eventTypeZh', 'filedAt', 'lastChangeAt', 'nextStep', 'status', 'statusZh']);
  });

  it('follows the claim to payment: the last change, the next step and the amount paid', async () => {
    const { resident, input: paidInput } = await createResident(t, await t.login('hc.cadre1'), { name: '何大伯' });
    const filed = await verifiedFire(t, '2000.00', resident.id);
    await assess(t, filed.id);
    await approve(t, filed.id);
    const paid = await pay(t, filed.id);
    const res = await lookup(t, { claimNo: filed.claimNo, idNumberLast6: paidInput.idNumber.slice(-6) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'paid', statusZh: '已赔付', paidAmount: '2000.00', lastChangeAt: paid.history.at(-1)!.at });
    expect(res.body.nextStep).toContain('赔款已支付');
  });

  it('answers an unknown number and a wrong ID number alike: the same 404, the same body', async () => {
    const wrong = await lookup(t, { claimNo: claim.claimNo, idNumberLast6: input.idNumber.slice(-6) === '000000' ? '000001' : '000000' });
    const unknown = await lookup(t, { claimNo: '350205-2022-999999', idNumberLast6: input.idNumber.slice(-6) });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Claim not found', details: [] });
    expect(wrong.headers['content-length']).toBe(unknown.headers['content-length']);
  });

  it('accepts a lower-case x as the check character and rejects malformed input with a 400', async () => {
    const withX = await residentWithClaim(t, '林小妹');
    const last6 = withX.input.idNumber.slice(-6);
    if (last6.endsWith('X')) expect((await lookup(t, { claimNo: withX.claim.claimNo, idNumberLast6: last6.toLowerCase() })).status).toBe(200);
    for (const body of [{}, { claimNo: withX.claim.claimNo }, { claimNo: 'abc', idNumberLast6: '123456' },
      { claimNo: withX.claim.claimNo, idNumberLast6: '12345' }, { claimNo: withX.claim.claimNo, idNumberLast6: 123456 },
      { claimNo: withX.claim.claimNo, idNumberLast6: last6, name: '林小妹' }]) {
      const res = await lookup(t, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('public claim status rate limits', () => {
  let t: TestApp;
  let input: ResidentInput;
  let claim: ClaimResponse;
  let other: { input: ResidentInput; claim: ClaimResponse };

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_LOOKUP_CLAIM_LIMIT: '3', PUBLIC_LOOKUP_RATE_LIMIT: '6' });
    ({ input, claim } = await residentWithClaim(t));
    other = await residentWithClaim(t, '郑阿公');
  });
  afterAll(async () => { await t.close(); });

  it('limits the attempts on one claim number, even with the right answer, and not those on another; then the address', async () => {
    for (let i = 0; i < 3; i++) expect((await lookup(t, { claimNo: claim.claimNo, idNumberLast6: '000000' })).status).toBe(404);
    const limited = await lookup(t, { claimNo: claim.claimNo, idNumberLast6: input.idNumber.slice(-6) });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // The same limit whatever way the number is spelled.
    expect((await lookup(t, { claimNo: ` ${claim.claimNo.toLowerCase()} `, idNumberLast6: input.idNumber.slice(-6) })).status).toBe(429);

    expect((await lookup(t, { claimNo: other.claim.claimNo, idNumberLast6: other.input.idNumber.slice(-6) })).status).toBe(200);
    // The seventh lookup from this address in the minute, on a number nobody has tried.
    const byAddress = await lookup(t, { claimNo: '350205-2022-888888', idNumberLast6: '000000' });
    expect(byAddress.status).toBe(429);
    expect(byAddress.body.code).toBe('RATE_LIMITED');
  });
});
