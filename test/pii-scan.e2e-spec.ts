import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createResident, uniqueAccountNo } from './support/fixtures.js';
import { findUnmaskedPii } from './support/pii-scan.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

/** The scan every e2e response goes through (test/support/pii-scan.ts), shown to find what it must and only that. */
describe('PII scan of e2e responses', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('finds ID numbers with a valid check character, mobile numbers and account numbers', () => {
    const accountNo = uniqueAccountNo();
    expect(findUnmaskedPii(`{"idNumber":"11010519491231002X","phone":"13812345678","accountNo":"${accountNo}","card":"6222021234567890"}`)).toEqual([
      { kind: 'ID number', value: '11010519491231002X' },
      { kind: 'phone number', value: '13812345678' },
      { kind: 'account number', value: accountNo },
      { kind: 'account number', value: '6222021234567890' },
    ]);
  });

  it('leaves masked values, hashes, ids, codes, times and money alone', () => {
    const text = JSON.stringify({
      idNumberMasked: '350205********123X', phoneMasked: '138****5678', payeeAccountMasked: '**** **** **** 8901',
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', id: '7f6a2e2c-4d31-4c4b-9a57-1a2b3c4d5e6f',
      claimNo: '350205-2026-000123', policeReportNo: 'J3502052026112000001', at: '2026-12-03T10:00:00.000Z',
      expiresIn: 28800, paidAmount: '35000.00', ms: 1764756000000,
    });
    expect(findUnmaskedPii(text)).toEqual([]);
  });

  it('records a response that carries PII, naming the request, and lets /reveal through', async () => {
    const cadre = await t.login('hc.cadre1');
    const { resident, input } = await createResident(t, cadre);
    const revealed = await t.http().post(`${API}/residents/${resident.id}/reveal`).set('Authorization', cadre);
    expect(revealed.body.idNumber).toBe(input.idNumber);
    expect(t.piiLeaks).toEqual([]);

    // A masking bug, simulated in the stored masked value, is caught on the way out.
    await t.db.query('UPDATE resident SET id_number_masked = $1 WHERE id = $2', [input.idNumber, resident.id]);
    expect((await t.http().get(`${API}/residents/${resident.id}`).set('Authorization', cadre)).status).toBe(200);
    expect(t.piiLeaks).toEqual([{
      request: `GET ${API}/residents/${resident.id} → 200`, findings: [{ kind: 'ID number', value: input.idNumber }],
    }]);
    t.piiLeaks.length = 0;
  });
});
