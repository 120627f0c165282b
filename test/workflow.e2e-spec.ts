import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { fileClaim, shanghaiToday } from './support/fixtures.js';
import {
  assessClaim, expectStatus, fileFireClaim, registerResident, siteVisit, uploadDocuments, verifiedFireClaim,
  type ClaimBody,
} from './support/workflow-steps.js';

/** Street verification and the needs-information loop: DESIGN.md "Claim workflow". */
describe('claim workflow over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

    const post = async (username: string, path: string, body: object = {}) =>
    t.http().post(`${API}/claims/${path}`).set('Authorization', await t.login(username)).send(body);
  const getClaim = async (id: string): Promise<ClaimBody> =>
    expectStatus(await t.http().get(`${API}/claims/${id}`).set('Authorization', await t.login('hc.officer')), 200).body as ClaimBody;
  const newFireClaim = async (claimedAmount = '6000.00'): Promise<string> => {
    const residentId = await registerResident(t, 'hc.cadre1');
    return (await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: shanghaiToday(), claimedAmount })).id as string;
  };
  const expectInvalidTransition = (res: { status: number; body: ClaimBody }, currentStatus: string) => {
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ field: 'status', currentStatus }] });
  };

  describe('street verification', () => {
    let claimId: string;
    beforeAll(async () => { claimId = await newFireClaim(); });

    it('is started by a cadre of the street other than the one who filed the claim', async () => {
      const own = await post('hc.cadre1', `${claimId}/verification/start`);
      expect(own.status).toBe(422);
      expect(own.body).toMatchObject({ code: 'RULE_VIOLATION', details: [{ field: 'SAME_PERSON_VERIFIES' }] });
      expect((await post('xy.cadre', `${claimId}/verification/start`)).status).toBe(404);
      expect((await post('picc.adjuster', `${claimId}/verification/start`)).status).toBe(403);
      expect((await post('hc.officer', `${claimId}/verification/start`)).status).toBe(403);

      const started = await post('hc.cadre2', `${claimId}/verification/start`);
      expect(started.status).toBe(200);
      expect(started.body.status).toBe('verifying');
      expect(started.body.verification).toMatchObject({ verifierId: null, verifiedLoss: null });
      expectInvalidTransition(await post('hc.cadre2', `${claimId}/verification/start`), 'verifying');
    });

    it('cannot record a visit before the verification is started', async () => {
      const reported = await newFireClaim();
      expectInvalidTransition(await post('hc.cadre2', `${reported}/verification`, siteVisit('100.00')), 'reported');
    });

    it('rejects a malformed visit record', async () => {
      const good = siteVisit('6000.00');
      const bad: object[] = [
        { ...good, verifiedLoss: 6000 },
        { ...good, verifiedLoss: '6000.001' },
        { ...good, visitedAt: '2026-11-20 10:00' },
        { ...good, visitedAt: '2026-11-20T10:00:00' },
        { ...good, visitedAt: '2026-02-30T10:00:00+08:00' },
        { ...good, visitedAt: new Date(Date.now() + 86_400_000).toISOString() },
        { ...good, visitedAt: '2020-01-01T10:00:00+08:00' },
        { ...good, participants: [] },
        { ...good, participants: 'everyone' },
        { ...good, participants: ['张敏', ' '] },
        { ...good, participants: ['名'.repeat(101)] },
        { ...good, findings: 'x'.repeat(5001) },
        { ...good, recommendation: 'maybe' },
        { ...good, inspector: 'me' },
        { visitedAt: good.visitedAt },
      ];
      for (const body of bad) {
        const res = await post('hc.cadre2', `${claimId}/verification`, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
      }
    });

    it('needs every document the coverage requires, and names the missing ones', async () => {
      await uploadDocuments(t, 'hc.cadre1', claimId, ['id_card', 'photo']);
      const res = await post('hc.cadre2', `${claimId}/verification`, siteVisit('6000.00'));
      expect(res.status).toBe(422);
      expect(res.body.details[0]).toMatchObject({ field: 'DOCUMENTS_MISSING', missing: ['fire_certificate', 'loss_list', 'bank_card'] });
      expect(res.body.details.slice(1).map((d: { documentType: string }) => d.documentType)).toEqual(['fire_certificate', 'loss_list', 'bank_card']);
      expect((await getClaim(claimId)).status).toBe('verifying');
    });

    it('is not recorded by the cadre who filed the claim', async () => {
      await uploadDocuments(t, 'hc.cadre1', claimId, ['fire_certificate', 'loss_list', 'bank_card']);
      const res = await post('hc.cadre1', `${claimId}/verification`, siteVisit('6000.00'));
      expect(res.status).toBe(422);
      expect(res.body.details[0].field).toBe('SAME_PERSON_VERIFIES');
    });

    it('records the visit and the verified loss', async () => {
      const visit = { ...siteVisit('5800.5'), participants: ['海沧街道 黄网格', '人保理赔员 张敏', '店主 李建国 👨‍🍳'], recommendation: 'deny' };
      const res = await post('hc.cadre2', `${claimId}/verification`, visit);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'verified', verifiedLoss: '5800.50' });
      const [{ id: cadre2 }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'hc.cadre2'`);
      expect(res.body.verification).toMatchObject({
        verifierId: cadre2, participants: visit.participants, findings: visit.findings, verifiedLoss: '5800.50', recommendation: 'deny',
        visitedAt: new Date(visit.visitedAt).toISOString(),
      });
      expect(res.body.missingDocuments).toEqual([]);
    });
  });

  describe('return for more information and resubmit', () => {
    it('works during verification: the verifying cadre returns, any cadre of the street resubmits', async () => {
      const claimId = await newFireClaim();
      expectStatus(await post('hc.cadre2', `${claimId}/verification/start`), 200);
      expect((await post('hc.cadre1', `${claimId}/return`, { reason: '自己退回' })).body.details[0].field).toBe('SAME_PERSON_VERIFIES');
      expectInvalidTransition(await post('picc.adjuster', `${claimId}/return`, { reason: '请补充材料' }), 'verifying');

      const returned = await post('hc.cadre2', `${claimId}/return`, { reason: '请补充消防部门出具的火灾事故认定书' });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ status: 'needs_info', returnedFrom: 'verifying' });
      expect(returned.body.history.at(-1)).toMatchObject({ from: 'verifying', to: 'needs_info', reason: '请补充消防部门出具的火灾事故认定书' });

      expectInvalidTransition(await post('hc.cadre2', `${claimId}/return`, { reason: 'again' }), 'needs_info');
      expect((await post('picc.adjuster', `${claimId}/resubmit`)).status).toBe(403);
      expect((await post('xy.cadre', `${claimId}/resubmit`)).status).toBe(404);
      const resubmitted = await post('hc.cadre1', `${claimId}/resubmit`);
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({ status: 'verifying', returnedFrom: null });
      expectInvalidTransition(await post('hc.cadre1', `${claimId}/resubmit`), 'verifying');
    });

    it('works from review: the insurer returns a verified claim, and it comes back verified', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '3000.00', verifiedLoss: '3000.00' })).id as string;
      expectInvalidTransition(await post('hc.cadre2', `${claimId}/return`, { reason: '街道不能退回已核查的案件' }), 'verified');
      const returned = await post('picc.adjuster', `${claimId}/return`, { reason: '请补充银行卡正反面照片' });
      expect(returned.body).toMatchObject({ status: 'needs_info', returnedFrom: 'verified' });
      await uploadDocuments(t, 'hc.cadre1', claimId, ['bank_card']);
      const back = await post('hc.cadre1', `${claimId}/resubmit`);
      expect(back.body).toMatchObject({ status: 'verified', returnedFrom: null, verifiedLoss: '3000.00' });
    });

    it('works from assessment: an assessed claim returns to assessed with its assessment', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '3000.00', verifiedLoss: '3000.00' })).id as string;
      await assessClaim(t, claimId, 'picc.adjuster');
      const returned = await post('picc.manager', `${claimId}/return`, { reason: '请补充损失清单原件' });
      expect(returned.body).toMatchObject({ status: 'needs_info', returnedFrom: 'assessed' });
      expectInvalidTransition(await post('picc.manager', `${claimId}/decision`, { decision: 'approve' }), 'needs_info');
      const back = await post('hc.cadre2', `${claimId}/resubmit`);
      expect(back.body).toMatchObject({ status: 'assessed', assessedAmount: '3000.00' });
      expect(back.body.assessment).toMatchObject({ amount: '3000.00' });
    });

    it('needs a reason', async () => {
      const claimId = await newFireClaim();
      expectStatus(await post('hc.cadre2', `${claimId}/verification/start`), 200);
      for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 42 }, { reason: '理'.repeat(1001) }, { reason: 'ok', extra: 1 }]) {
        expect((await post('hc.cadre2', `${claimId}/return`, body)).status).toBe(400);
      }
      expect((await getClaim(claimId)).status).toBe('verifying');
    });

    it('cannot return an approved claim', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '500.00', verifiedLoss: '500.00' })).id as string;
      await assessClaim(t, claimId, 'picc.adjuster');
      expectStatus(await post('picc.manager', `${claimId}/decision`, { decision: 'approve' }), 200);
      expectInvalidTransition(await post('picc.manager', `${claimId}/return`, { reason: '再看看' }), 'approved');
    });
  });

  describe('closing', () => {
    it('happens only after payment or denial, by insurer staff or the district', async () => {
      const residentId = await registerResident(t, 'hc.cadre1');
      const claimId = (await verifiedFireClaim(t, residentId, { incidentDate: shanghaiToday(), claimedAmount: '500.00', verifiedLoss: '500.00' })).id as string;
      expectInvalidTransition(await post('hc.officer', `${claimId}/close`), 'verified');
      expect((await post('hc.cadre1', `${claimId}/close`)).status).toBe(403);
      expect((await post('jm.officer', `${claimId}/close`)).status).toBe(404);
      await assessClaim(t, claimId, 'picc.adjuster');
      expectStatus(await post('picc.adjuster', `${claimId}/decision`, { decision: 'deny', reasonCode: 'excluded_cause' }), 200);
      const closed = await post('hc.officer', `${claimId}/close`);
      expect(closed.body).toMatchObject({ status: 'closed' });
      expectInvalidTransition(await post('hc.cadre2', `${claimId}/verification/start`), 'closed');
    });
  });

  it('answers 400 for a malformed claim id and 404 for an unknown one', async () => {
    expect((await post('hc.cadre2', 'not-a-uuid/verification/start')).status).toBe(400);
    expect((await post('hc.cadre2', '6a1f2d4e-0000-4000-8000-000000000000/verification/start')).status).toBe(404);
  });

  it('verifies a claim through the documents the policy requires, whatever the event type', async () => {
    const residentId = await registerResident(t, 'hc.cadre1');
    const claim = await fileClaim(t, await t.login('hc.cadre1'), residentId, { claimedAmount: '2000.00' });
    await uploadDocuments(t, 'hc.cadre1', claim.id, ['id_card', 'loss_list', 'bank_card', 'photo']);
    const res = await post('hc.cadre2', `${claim.id}/verification/start`);
    expect(res.status).toBe(200);
    const missing = await post('hc.cadre2', `${claim.id}/verification`, siteVisit('2000.00'));
    expect(missing.body.details[0].missing).toEqual(['police_report']);
    await uploadDocuments(t, 'hc.cadre1', claim.id, ['police_report']);
    expect((await post('hc.cadre2', `${claim.id}/verification`, siteVisit('2000.00'))).body.status).toBe('verified');
  });

  it('every transition of this file left a status history that agrees with the claim', async () => {
    const rows: { id: string; status: string; last: string }[] = await t.db.query(
      `SELECT c.id, c.status, (SELECT to_status FROM claim_status_change h WHERE h.claim_id = c.id ORDER BY h.id DESC LIMIT 1) AS last FROM claim c`);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.last).toBe(row.status);
  });
});
