import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { extractPdfLines } from './support/pdf.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { fileClaim, recentDate, shanghaiToday } from './support/fixtures.js';
import {
  assessClaim, expectStatus, FIRE_DOCUMENTS, fileFireClaim, registerResident, siteVisit, uploadDocuments, verifiedFireClaim, verifyClaim,
  type ClaimBody,
} from './support/workflow-steps.js';

/** Assessment, approval, payment and closing: DESIGN.md "Claim workflow" and "Money and the payout calculator". */
describe('payouts', () => {
  let t: TestApp;
  let policy2022: string;
  let policy2026: string;
  /** Paid the moment the 2022 fire is approved (a payment may not predate its approval). */
  const payment = { paidAt: '', bankReference: 'ICBC-20220620-000381' };

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: policy2022 }] = await t.db.query(`SELECT id FROM policy WHERE policy_no = 'PICC-ZZ-350205-2022'`);
    [{ id: policy2026 }] = await t.db.query(`SELECT id FROM policy WHERE district_code = '350205' AND year = 2026`);
    // The 2022 Haicang fire cover paid at most 35,000.00 per claim (the catalogue default is 50,000.00).
    await t.db.query(`UPDATE coverage SET per_claim_limit = 3500000 WHERE policy_id = $1 AND event_type = 'fire'`, [policy2022]);
  });
  afterAll(async () => { await t.close(); });

  const as = (username: string) => t.login(username);
  const post = async (username: string, path: string, body: object = {}) =>
    t.http().post(`${API}/claims/${path}`).set('Authorization', await as(username)).send(body);
  const getClaim = async (id: string): Promise<ClaimBody> =>
    expectStatus(await t.http().get(`${API}/claims/${id}`).set('Authorization', await as('picc.manager')), 200).body as ClaimBody;
  const paymentRows = async (claimId: string): Promise<number> =>
    Number((await t.db.query('SELECT count(*) AS n FROM payment WHERE claim_id = $1', [claimId]))[0].n);
  
  describe('the 2022-06-03 shop fire in 新垵村, 海沧街道', () => {
    let claimId: string;

    it('is reported by one cadre and verified by another: loss 40,000.00', async () => {
      const residentId = await registerResident(t, 'hc.cadre1', { name: '李建国' });
      const claim = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: '2022-06-03', claimedAmount: '40000.00' });
      claimId = claim.id as string;
      expect(claim).toMatchObject({ status: 'reported', policyId: policy2022 });
      // Reported years later: accepted, but flagged for a manager.
      expect((claim.flags as { code: string }[]).map((f) => f.code)).toContain('LATE_REPORT');

      await uploadDocuments(t, 'hc.cadre1', claimId, FIRE_DOCUMENTS);
      const verified = await verifyClaim(t, claimId, '40000.00', 'hc.cadre2', '2022-06-05T10:30:00+08:00');
      expect(verified).toMatchObject({ status: 'verified', verifiedLoss: '40000.00' });
      expect(verified.verification).toMatchObject({ verifiedLoss: '40000.00', recommendation: 'pay', visitedAt: '2022-06-05T02:30:00.000Z' });
    });

    it('is quoted at 35,000.00, limited by the per-claim limit, with every step shown', async () => {
      const res = await t.http().get(`${API}/claims/${claimId}/payout-quote`).set('Authorization', await as('picc.adjuster'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        verifiedLoss: '40000.00', deductible: '0.00', ratioBp: 10000, afterRatio: '40000.00',
        perClaimLimit: '35000.00', perPersonAnnualLeft: '50000.00', aggregateLeft: '4500000.00',
        payable: '35000.00', limitedBy: 'per_claim_limit',
      });
      expect((res.body.steps as { step: string }[]).map((s) => s.step)).toEqual([
        'verified_loss', 'deductible', 'after_deductible', 'payout_ratio', 'per_claim_limit', 'per_person_annual_left', 'aggregate_left', 'payable',
      ]);
      expect(res.body.steps[3]).toEqual({ step: 'payout_ratio', name: '按比例赔付金额', note: '免赔后金额 × 赔付比例 100%，四舍五入到分', amount: '40000.00' });
      // The district reads it too; the street does not.
      expect((await t.http().get(`${API}/claims/${claimId}/payout-quote`).set('Authorization', await as('hc.officer'))).body.payable).toBe('35000.00');
      expect((await t.http().get(`${API}/claims/${claimId}/payout-quote`).set('Authorization', await as('hc.cadre1'))).status).toBe(403);
    });

    it('is assessed at the quote, keeping the quote with the assessment', async () => {
      const assessed = await assessClaim(t, claimId, 'picc.adjuster');
      expect(assessed).toMatchObject({ status: 'assessed', assessedAmount: '35000.00' });
      expect(assessed.assessment).toMatchObject({ quotedAmount: '35000.00', amount: '35000.00', reason: null });
      expect(assessed.assessment.quote).toMatchObject({ payable: '35000.00', limitedBy: 'per_claim_limit' });
    });

    it('needs a manager because it is flagged, and picc.manager approves 35,000.00', async () => {
      const byAdjuster = await post('picc.adjuster', `${claimId}/decision`, { decision: 'approve' });
      expect(byAdjuster.status).toBe(422);
      expect(byAdjuster.body.details[0].field).toBe('MANAGER_REQUIRED');

      const approved = await post('picc.manager', `${claimId}/decision`, { decision: 'approve', note: '经核查损失属实，按每次事故限额赔付' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', approvedAmount: '35000.00' });
      expect(approved.body.approval).toMatchObject({ decision: 'approve', amount: '35000.00', reasonCode: null });
      expect(approved.body.decidedAt).not.toBeNull();
      payment.paidAt = approved.body.decidedAt;
    });

    it('reserves the amount against the policy aggregate', async () => {
      const res = await t.http().get(`${API}/policies/${policy2022}`).set('Authorization', await as('hc.officer'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ aggregateUsed: '35000.00', aggregateLeft: '4465000.00' });
    });

    it('has no payout notice before it is paid (409 naming the state)', async () => {
      const res = await t.http().get(`${API}/claims/${claimId}/notice.pdf`).set('Authorization', await as('picc.manager'));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ currentStatus: 'approved' }] });
    });

    it('refuses a payment without a usable Idempotency-Key, or by an adjuster', async () => {
      const auth = await as('picc.manager');
      const missing = await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', auth).send(payment);
      expect(missing.status).toBe(400);
      expect(missing.body.details[0].field).toBe('Idempotency-Key');
      const tooLong = await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', auth).set('Idempotency-Key', 'k'.repeat(201)).send(payment);
      expect(tooLong.status).toBe(400);
      const adjuster = await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', await as('picc.adjuster'))
        .set('Idempotency-Key', 'adjuster-try').send(payment);
      expect(adjuster.status).toBe(403);
      expect(await paymentRows(claimId)).toBe(0);
    });

    it('is paid once: the same key and body replay the stored response', async () => {
      const pay = async (body: object) => t.http().post(`${API}/claims/${claimId}/payment`)
        .set('Authorization', await as('picc.manager')).set('Idempotency-Key', 'pay-350205-2022-fire-1').send(body);
      const first = await pay(payment);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'paid', paidAmount: '35000.00', paidAt: payment.paidAt });
      expect(first.body.payment).toMatchObject({ amount: '35000.00', bankReference: payment.bankReference });

      const replay = await pay(payment);
      expect(replay.status).toBe(first.status);
      expect(replay.text).toBe(first.text);
      expect(replay.headers['idempotent-replayed']).toBe('true');

      const otherBody = await pay({ ...payment, bankReference: 'ICBC-20220620-999999' });
      expect(otherBody.status).toBe(409);
      expect(otherBody.body.code).toBe('IDEMPOTENCY_CONFLICT');

      // A new key is a new payment request, and the claim is already paid.
      const newKey = await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', await as('picc.manager'))
        .set('Idempotency-Key', 'pay-350205-2022-fire-2').send(payment);
      expect(newKey.status).toBe(409);
      expect(newKey.body).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ currentStatus: 'paid' }] });
      // A request that fails leaves no trace of its key: the key, the payment and the response commit together or not at all.
      const keys: { key: string }[] = await t.db.query('SELECT key FROM idempotency_key');
      expect(keys.map((row) => row.key)).toEqual(['pay-350205-2022-fire-1']);

      expect(await paymentRows(claimId)).toBe(1);
      const [row] = await t.db.query('SELECT amount FROM payment WHERE claim_id = $1', [claimId]);
      expect(row.amount).toBe('3500000');
    });

    it('is closed, and its history shows every step with who and when', async () => {
      const closed = await post('hc.officer', `${claimId}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      expect(closed.body.closedAt).not.toBeNull();

      const claim = await getClaim(claimId);
      expect((claim.history as { from: string | null; to: string }[]).map((h) => `${h.from ?? ''}>${h.to}`)).toEqual([
        '>reported', 'reported>verifying', 'verifying>verified', 'verified>assessed', 'assessed>approved', 'approved>paid', 'paid>closed',
      ]);
      expect(claim).toMatchObject({ verifiedLoss: '40000.00', assessedAmount: '35000.00', approvedAmount: '35000.00', paidAmount: '35000.00' });

      const again = await post('hc.officer', `${claimId}/close`);
      expect(again.status).toBe(409);
      expect(again.body.details[0].currentStatus).toBe('closed');
    });

    it('has a payout notice (理赔通知书) for the street, the district and the insurer, not for another district', async () => {
      const notice = async (username: string) => t.http().get(`${API}/claims/${claimId}/notice.pdf`)
        .set('Authorization', await as(username)).buffer(true)
        .parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); });
      const res = await notice('hc.cadre1');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const claim = await getClaim(claimId);
      expect(res.headers['content-disposition']).toContain(`filename="${claim.claimNo}-payout-notice.pdf"`);
      const lines = (await extractPdfLines(res.body as Buffer)).flat().map((l) => l.text);
      // What the workflow stored (calculation steps, on-site verification) printed in the words of templates/.
      expect(lines).toContain('核定损失 现场核查核定的损失金额 40,000.00');
      expect(lines).toContain('每次事故赔偿限额 本事件类型每次事故的最高赔付 35,000.00');
      expect(lines).toContain('核查情况 现场核实：后仓货架及库存烧毁，消防出具火灾事故认定书。');
      expect(lines.some((l) => l.startsWith('核查时间') && l.endsWith('核查意见 建议赔付'))).toBe(true);
      expect(lines).toContain('中国人民财产保险股份有限公司厦门市分公司 海沧区社会治安综合治理办公室');
      const text = lines.join('\n');
      expect(text).not.toMatch(/verified_loss|per_claim_limit|payable/);
      for (const expected of [claim.claimNo, '李建国', claim.resident.idNumberMasked, '火灾', '2022-06-03', '40,000.00', '35,000.00', payment.bankReference, 'PICC-ZZ-350205-2022']) {
        expect(text).toContain(expected);
      }
      expect((await notice('hc.officer')).status).toBe(200);
      expect((await notice('picc.adjuster')).status).toBe(200);
      expect((await notice('jm.officer')).status).toBe(404);
      expect((await notice('xy.cadre')).status).toBe(404);
      const exports: { action: string }[] = await t.db.query(`SELECT action FROM audit_event WHERE entity = 'claim' AND entity_id = $1 AND action = 'claim.notice_export'`, [claimId]);
      expect(exports).toHaveLength(3);
    });
  });

  describe('assessment', () => {
    let claimId: string;

    beforeAll(async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '12000.00', verifiedLoss: '12000.00' })).id;
    });

    it('is for insurer staff only', async () => {
      expect((await post('hc.cadre2', `${claimId}/assessment`)).status).toBe(403);
      expect((await post('hc.officer', `${claimId}/assessment`)).status).toBe(403);
    });

    it('rejects malformed amounts and unknown fields', async () => {
      for (const body of [{ amount: 11000 }, { amount: '11000.001' }, { amount: '-1.00' }, { amount: '1e4' }, { amount: '11000', reason: 7 },
        { amount: '11000', reason: '  ' }, { amount: '11000', reason: '理'.repeat(1001) }, { discount: '10' }]) {
        const res = await post('picc.adjuster', `${claimId}/assessment`, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('may not raise the quote', async () => {
      const res = await post('picc.adjuster', `${claimId}/assessment`, { amount: '12000.01', reason: '加上误工费' });
      expect(res.status).toBe(422);
      expect(res.body.details[0]).toMatchObject({ field: 'ASSESSMENT_ABOVE_QUOTE', quoted: '12000.00' });
    });

    it('needs a reason to lower the quote', async () => {
      const res = await post('picc.adjuster', `${claimId}/assessment`, { amount: '10000.00' });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('reason');
    });

    it('lowers the quote with a reason, which the history keeps', async () => {
      const reason = '部分库存为他人寄售，不属被保险人财产';
      const assessed = await assessClaim(t, claimId, 'picc.adjuster', { amount: '10000.5', reason });
      expect(assessed).toMatchObject({ status: 'assessed', assessedAmount: '10000.50' });
      expect(assessed.assessment).toMatchObject({ quotedAmount: '12000.00', amount: '10000.50', reason });
      expect(assessed.history.at(-1)).toMatchObject({ from: 'verified', to: 'assessed', reason });
    });

    it('happens once: a second assessment is an invalid transition', async () => {
      const res = await post('picc.adjuster', `${claimId}/assessment`, {});
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ currentStatus: 'assessed' }] });
    });

    it('lets the assessor approve an unflagged claim under the threshold and their limit', async () => {
      const res = await post('picc.adjuster', `${claimId}/decision`, { decision: 'approve' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', approvedAmount: '10000.50' });
    });

    it('cannot assess a claim that is not verified', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const reported = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: shanghaiToday(), claimedAmount: '100.00' });
      const res = await post('picc.adjuster', `${reported.id}/assessment`, {});
      expect(res.status).toBe(409);
      expect(res.body.details[0].currentStatus).toBe('reported');
      expect((await t.http().get(`${API}/claims/${reported.id}/payout-quote`).set('Authorization', await as('picc.adjuster'))).status).toBe(409);
    });
  });

  describe('approval', () => {
    /** A 60,000.00 injury claim (mental_disorder_harm, per-claim limit 300,000.00) reported the day it happened: no flags. */
    async function assessedInjuryClaim(assessor: string, amount = '60000.00'): Promise<string> {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claim = await fileClaim(t, await t.login('hc.cadre1'), residentId, {
        eventType: 'mental_disorder_harm', incidentDate: shanghaiToday(), claimedAmount: amount,
      });
      expect(claim.flags).toEqual([]);
      await uploadDocuments(t, 'hc.cadre1', claim.id, ['id_card', 'police_report', 'diagnosis_certificate', 'medical_invoice', 'bank_card']);
      await verifyClaim(t, claim.id, amount);
      await assessClaim(t, claim.id, assessor);
      return claim.id as string;
    }

    it('refuses an adjuster above their approval limit (50,000.00)', async () => {
      const claimId = await assessedInjuryClaim('picc.adjuster');
      const res = await post('picc.adjuster', `${claimId}/decision`, { decision: 'approve' });
      expect(res.status).toBe(422);
      expect(res.body.details[0]).toMatchObject({ field: 'APPROVAL_LIMIT_EXCEEDED', amount: '60000.00', approvalLimit: '50000.00' });
      // The manager is not the assessor, so four eyes are satisfied.
      const approved = await post('picc.manager', `${claimId}/decision`, { decision: 'approve' });
      expect(approved.status).toBe(200);
      expect(approved.body.approvedAmount).toBe('60000.00');
    });

    it('needs a manager for an amount above the four-eyes threshold, even within the adjuster limit', async () => {
      await t.db.query('UPDATE policy SET four_eyes_threshold = 2000000 WHERE id = $1', [policy2026]);
      try {
        const claimId = await assessedInjuryClaim('picc.adjuster', '30000.00');
        const res = await post('picc.adjuster', `${claimId}/decision`, { decision: 'approve' });
        expect(res.status).toBe(422);
        expect(res.body.details[0].field).toBe('MANAGER_REQUIRED');
      } finally {
        await t.db.query('UPDATE policy SET four_eyes_threshold = 5000000 WHERE id = $1', [policy2026]);
      }
    });

    it('keeps four eyes: a manager may not approve their own assessment, another manager may', async () => {
      const claimId = await assessedInjuryClaim('picc.manager');
      const own = await post('picc.manager', `${claimId}/decision`, { decision: 'approve' });
      expect(own.status).toBe(422);
      expect(own.body.details[0].field).toBe('FOUR_EYES_REQUIRED');

      const [{ id: insurerId }] = await t.db.query(`SELECT id FROM insurer LIMIT 1`);
      const created = await t.http().post(`${API}/users`).set('Authorization', await as('admin')).send({
        username: 'picc.manager2', password: 'second-manager-2026', displayName: '人保理赔主管 周婷',
        role: 'insurer_manager', insurerId, approvalLimit: '500000.00',
      });
      expect(created.status).toBe(201);
      const other = await t.http().post(`${API}/claims/${claimId}/decision`)
        .set('Authorization', await t.login('picc.manager2', 'second-manager-2026')).send({ decision: 'approve' });
      expect(other.status).toBe(200);
      expect(other.body.approval.approverId).toBe(created.body.id);
    });

    it('rejects a malformed decision', async () => {
      const claimId = await assessedInjuryClaim('picc.adjuster', '100.00');
      for (const body of [{}, { decision: 'maybe' }, { decision: 'deny' }, { decision: 'deny', reasonCode: 'bad_luck' },
        { decision: 'approve', reasonCode: 'fraud' }, { decision: 'approve', amount: '50.00' }, { decision: 'deny', reasonCode: 'other', note: 'x'.repeat(2001) }]) {
        const res = await post('picc.manager', `${claimId}/decision`, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await getClaim(claimId)).status).toBe('assessed');
    });

    it('denies with a reason code from the fixed list; a denied claim can only be closed', async () => {
      const claimId = await assessedInjuryClaim('picc.adjuster', '100.00');
      const denied = await post('picc.adjuster', `${claimId}/decision`, { decision: 'deny', reasonCode: 'insufficient_evidence', note: '无法证明伤害系精神障碍患者所致' });
      expect(denied.status).toBe(200);
      expect(denied.body).toMatchObject({ status: 'denied', approvedAmount: null });
      expect(denied.body.approval).toMatchObject({ decision: 'deny', reasonCode: 'insufficient_evidence', amount: null });
      expect(denied.body.history.at(-1)).toMatchObject({ from: 'assessed', to: 'denied', reason: 'insufficient_evidence: 无法证明伤害系精神障碍患者所致' });

      const pay = await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', await as('picc.manager'))
        .set('Idempotency-Key', 'pay-denied').send(payment);
      expect(pay.status).toBe(409);
      expect((await post('picc.adjuster', `${claimId}/close`)).body.status).toBe('closed');
    });

    it('reserves against the per-person annual limit: the second of two claims finds it used', async () => {
      // 8,000.00 a year per person for victims of a violent crime.
      await t.db.query(`UPDATE coverage SET per_person_annual_limit = 800000 WHERE policy_id = $1 AND event_type = 'crime_victim'`, [policy2026]);
      const residentId = await registerResident(t, 'hc.cadre1');
      const ids: string[] = [];
      // The second incident months earlier, so that the two are not one event reported twice.
      for (const incidentDate of [shanghaiToday(), recentDate(120)]) {
        const claim = await fileClaim(t, await t.login('hc.cadre1'), residentId, { eventType: 'crime_victim', incidentDate, claimedAmount: '5000.00' });
        await uploadDocuments(t, 'hc.cadre1', claim.id, ['id_card', 'police_report', 'medical_invoice', 'bank_card']);
        await verifyClaim(t, claim.id, '5000.00');
        await assessClaim(t, claim.id, 'picc.adjuster');
        ids.push(claim.id as string);
      }
      expect((await post('picc.manager', `${ids[0]}/decision`, { decision: 'approve' })).status).toBe(200);
      const quote = await t.http().get(`${API}/claims/${ids[1]}/payout-quote`).set('Authorization', await as('picc.manager'));
      expect(quote.body).toMatchObject({ perPersonAnnualLeft: '3000.00', payable: '3000.00', limitedBy: 'per_person_annual_limit' });

      const second = await post('picc.manager', `${ids[1]}/decision`, { decision: 'approve' });
      expect(second.status).toBe(422);
      expect(second.body.details[0]).toMatchObject({ field: 'PERSON_LIMIT_EXHAUSTED', perPersonAnnualLeft: '3000.00' });
      expect((await getClaim(ids[1])).status).toBe('assessed');
    });

    it('cannot approve nothing: a claim assessed at 0.00 can only be denied', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '300.00', verifiedLoss: '0' })).id as string;
      expect((await assessClaim(t, claimId, 'picc.adjuster')).assessedAmount).toBe('0.00');
      const approve = await post('picc.manager', `${claimId}/decision`, { decision: 'approve' });
      expect(approve.status).toBe(422);
      expect(approve.body.details[0].field).toBe('NOTHING_PAYABLE');
      expect((await post('picc.manager', `${claimId}/decision`, { decision: 'deny', reasonCode: 'not_covered' })).body.status).toBe('denied');
    });

    it('is for insurer staff of the claim', async () => {
      const claimId = await assessedInjuryClaim('picc.adjuster', '100.00');
      expect((await post('hc.cadre1', `${claimId}/decision`, { decision: 'approve' })).status).toBe(403);
      expect((await post('hc.officer', `${claimId}/decision`, { decision: 'approve' })).status).toBe(403);
      // Staff of another insurer do not see the claim at all.
      const [{ id: otherInsurer }] = await t.db.query(`INSERT INTO insurer (name) VALUES ('中国太平洋财产保险股份有限公司厦门分公司') RETURNING id`);
      expect((await t.http().post(`${API}/users`).set('Authorization', await as('admin')).send({
        username: 'cpic.manager', password: 'other-insurer-2026', displayName: '太保理赔主管', role: 'insurer_manager',
        insurerId: otherInsurer, approvalLimit: '500000.00',
      })).status).toBe(201);
      const foreign = await t.http().post(`${API}/claims/${claimId}/decision`)
        .set('Authorization', await t.login('cpic.manager', 'other-insurer-2026')).send({ decision: 'approve' });
      expect(foreign.status).toBe(404);
      expect((await t.http().get(`${API}/claims/${claimId}/payout-quote`)
        .set('Authorization', await t.login('cpic.manager', 'other-insurer-2026'))).status).toBe(404);
    });
  });

  describe('money sense', () => {
    it('needs a reason to verify a loss above the claimed amount, then flags it for a manager', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const filed = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: shanghaiToday(), claimedAmount: '1000.00' });
      expect(filed.flags).toEqual([]);
      await uploadDocuments(t, 'hc.cadre1', filed.id, FIRE_DOCUMENTS);
      expectStatus(await post('hc.cadre2', `${filed.id}/verification/start`), 200);

      const unexplained = await post('hc.cadre2', `${filed.id}/verification`, siteVisit('10000.00'));
      expect(unexplained.status).toBe(400);
      expect(unexplained.body.details).toEqual([expect.objectContaining({ field: 'lossAboveClaimReason' })]);
      expect((await getClaim(filed.id)).status).toBe('verifying');

      const lossAboveClaimReason = '现场核实库存损失大于报案时估计';
      const verified = expectStatus(await post('hc.cadre2', `${filed.id}/verification`, { ...siteVisit('10000.00'), lossAboveClaimReason }), 200).body;
      expect(verified).toMatchObject({ status: 'verified', verifiedLoss: '10000.00', verification: { lossAboveClaimReason } });
      expect(verified.flags).toEqual([expect.objectContaining({ code: 'LOSS_ABOVE_CLAIM', detail: 'Verified loss 10000.00 is above the claimed 1000.00' })]);
      const [event] = await t.db.query(`SELECT data FROM audit_event WHERE action = 'claim.verify' AND entity_id = $1`, [filed.id]);
      expect(event.data).toMatchObject({ lossAboveClaimReason, flags: ['LOSS_ABOVE_CLAIM'] });

      await assessClaim(t, filed.id, 'picc.adjuster');
      const byAdjuster = await post('picc.adjuster', `${filed.id}/decision`, { decision: 'approve' });
      expect(byAdjuster.status).toBe(422);
      expect(byAdjuster.body.details[0]).toMatchObject({ field: 'MANAGER_REQUIRED', flags: ['LOSS_ABOVE_CLAIM'] });
      expect(expectStatus(await post('picc.manager', `${filed.id}/decision`, { decision: 'approve' }), 200).body.approvedAmount).toBe('10000.00');
    });

    it('takes no reason for a loss at or below the claimed amount', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const filed = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: shanghaiToday(), claimedAmount: '1000.00' });
      await uploadDocuments(t, 'hc.cadre1', filed.id, FIRE_DOCUMENTS);
      expectStatus(await post('hc.cadre2', `${filed.id}/verification/start`), 200);
      const res = await post('hc.cadre2', `${filed.id}/verification`, { ...siteVisit('1000.00'), lossAboveClaimReason: '无' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'lossAboveClaimReason' })]);
      const verified = expectStatus(await post('hc.cadre2', `${filed.id}/verification`, siteVisit('1000.00')), 200).body;
      expect(verified).toMatchObject({ flags: [], verification: { lossAboveClaimReason: null } });
    });

    async function approvedClaim(): Promise<{ id: string; decidedAt: string }> {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '900.00', verifiedLoss: '900.00' })).id as string;
      await assessClaim(t, claimId, 'picc.adjuster');
      const approved = expectStatus(await post('picc.manager', `${claimId}/decision`, { decision: 'approve' }), 200).body;
      return { id: claimId, decidedAt: approved.decidedAt as string };
    }
    const pay = async (claimId: string, key: string, paidAt: string) => t.http().post(`${API}/claims/${claimId}/payment`)
      .set('Authorization', await as('picc.manager')).set('Idempotency-Key', key).send({ paidAt, bankReference: `ICBC-${key}` });

    it('refuses a payment dated before the approval (422 PAID_BEFORE_APPROVAL)', async () => {
      const claim = await approvedClaim();
      const early = await pay(claim.id, 'early', new Date(Date.parse(claim.decidedAt) - 1000).toISOString());
      expect(early.status).toBe(422);
      expect(early.body.details[0]).toMatchObject({ field: 'PAID_BEFORE_APPROVAL', approvedAt: claim.decidedAt });
      expect(await paymentRows(claim.id)).toBe(0);
      expect(expectStatus(await pay(claim.id, 'on-time', claim.decidedAt), 200).body.paidAt).toBe(claim.decidedAt);
    });

    it('refuses a payment dated in the future beyond a small clock skew (422 PAID_IN_FUTURE)', async () => {
      const claim = await approvedClaim();
      const late = await pay(claim.id, 'tomorrow', new Date(Date.now() + 10 * 60_000).toISOString());
      expect(late.status).toBe(422);
      expect(late.body.details[0].field).toBe('PAID_IN_FUTURE');
      expect(await paymentRows(claim.id)).toBe(0);
      // A bank clock a minute ahead of ours is not the future.
      expectStatus(await pay(claim.id, 'skewed', new Date(Date.now() + 60_000).toISOString()), 200);
    });

    it('keeps payments after approvals in the database too', async () => {
      const claim = await approvedClaim();
      await expect(t.db.query(`UPDATE claim SET paid_at = decided_at - interval '1 second' WHERE id = $1`, [claim.id]))
        .rejects.toThrow(/claim_paid_after_decision/);
    });
  });

  describe('payment', () => {
    it('accepts only an ISO time with offset and a bank reference', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '800.00', verifiedLoss: '800.00' })).id;
      await assessClaim(t, claimId, 'picc.adjuster');
      expectStatus(await post('picc.manager', `${claimId}/decision`, { decision: 'approve' }), 200);
      for (const [i, body] of [{}, { paidAt: '2026-11-20', bankReference: 'R' }, { paidAt: '2026-11-20T10:00:00', bankReference: 'R' },
        { paidAt: '2026-11-20T10:00:00+08:00', bankReference: '' },
        { paidAt: '2026-11-20T10:00:00+08:00', bankReference: 'R', amount: '800.00' }, { paidAt: 20261120, bankReference: 'R' }].entries()) {
        const res = await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', await as('picc.manager'))
          .set('Idempotency-Key', `bad-${i}`).send(body);
        expect(res.status).toBe(400);
      }
      expect(await paymentRows(claimId)).toBe(0);
      // A rejected request leaves its key unused: the same key with a good body pays.
      const ok = await t.http().post(`${API}/claims/${claimId}/payment`).set('Authorization', await as('picc.manager'))
        .set('Idempotency-Key', 'bad-0').send({ paidAt: new Date().toISOString(), bankReference: 'BOC-1' });
      expect(ok.status).toBe(200);
      expect(ok.body.paidAmount).toBe('800.00');
    });
  });
});
