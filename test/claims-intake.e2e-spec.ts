import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  claimInput, createResident, fileClaim, postClaim, recentDate, shanghaiToday, uniqueAccountNo, uniquePoliceReportNo,
} from './support/fixtures.js';
import { queriesDuring } from './support/query-count.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

type Flag = { code: string; relatedClaimId: string | null; relatedClaimNo: string | null; detail: string };
const codes = (flags: Flag[]) => flags.map((f) => f.code).sort();
const YEAR = Number(shanghaiToday().slice(0, 4));

describe('claim intake', () => {
  let t: TestApp;
  let cadre1: string;
  let cadre2: string;
  let xyCadre: string;
  let jmCadre: string;
  let officer: string;
  let cadre1Id: string;
  let hcResident: { id: string; name: string; idNumberMasked: string };
  let xyResident: { id: string };
  let jmResident: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    [cadre1, cadre2, xyCadre, jmCadre, officer] = await Promise.all(
      ['hc.cadre1', 'hc.cadre2', 'xy.cadre', 'jm.cadre', 'hc.officer'].map((u) => t.login(u)));
    [{ id: cadre1Id }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'hc.cadre1'`);
    hcResident = (await createResident(t, cadre1, { name: '陈美玲' })).resident;
    xyResident = (await createResident(t, xyCadre, { name: '郑晓东', streetCode: '350205002' })).resident;
    jmResident = (await createResident(t, jmCadre, { name: '吴佳怡', streetCode: '350211001', coverBasis: 'student' })).resident;
  });
  afterAll(async () => { await t.close(); });

  const get = (auth: string, id: string) => t.http().get(`${API}/claims/${id}`).set('Authorization', auth);
  const policyId = async (policyNo: string) => ((await t.db.query('SELECT id FROM policy WHERE policy_no = $1', [policyNo])) as { id: string }[])[0].id;

  describe('POST /claims: the happy path per event category', () => {
    it.each([
      ['property', 'fire', undefined],
      ['fraud', 'student_telecom_fraud', uniquePoliceReportNo()],
      ['person', 'mental_disorder_harm', uniquePoliceReportNo()],
      ['expense', 'missing_patient_search', uniquePoliceReportNo()],
    ])('files a %s claim (%s) under the running year policy', async (category, eventType, policeReportNo) => {
      const [eventTypeRow] = await t.db.query('SELECT name_zh, category FROM event_type WHERE code = $1', [eventType]);
      expect(eventTypeRow.category).toBe(category);
      const accountNo = uniqueAccountNo();
      const input = claimInput(hcResident.id, {
        eventType, policeReportNo, incidentDate: recentDate(3), claimedAmount: '8000',
        payee: { accountName: '陈美玲', bankName: '中国工商银行厦门海沧支行', accountNo },
      });
      const res = await t.http().post(`${API}/claims`).set('Authorization', cadre1).send(input);
      expect(res.status).toBe(201);
      const running = await policyId(`PICC-ZZ-350205-${YEAR}`);
      const [{ required_documents: required }] = await t.db.query(
        'SELECT required_documents FROM coverage WHERE policy_id = $1 AND event_type = $2', [running, eventType]);
      expect(res.body).toEqual({
        id: expect.any(String),
        claimNo: expect.stringMatching(new RegExp(`^350205-${YEAR}-\\d{6}$`)),
        status: 'reported',
        returnedFrom: null,
        districtCode: '350205',
        streetCode: '350205001',
        year: YEAR,
        policyId: running,
        policyNo: `PICC-ZZ-350205-${YEAR}`,
        insurerId: '8b0c7a52-3f1e-4c1a-9d53-2a6f0e1c0001',
        eventType,
        eventTypeNameZh: eventTypeRow.name_zh,
        resident: { id: hcResident.id, name: '陈美玲', idNumberMasked: hcResident.idNumberMasked },
        incidentDate: input.incidentDate,
        incidentPlace: input.incidentPlace,
        description: input.description,
        policeReportNo: policeReportNo ?? null,
        claimedAmount: '8000.00',
        verifiedLoss: null, assessedAmount: null, approvedAmount: null, paidAmount: null,
        payee: { accountName: '陈美玲', bankName: '中国工商银行厦门海沧支行', accountNoMasked: `6222 **** **** ${accountNo.slice(-4)}` },
        source: 'filed',
        reportedAt: expect.any(String),
        reportedBy: cadre1Id,
        decidedAt: null, paidAt: null, closedAt: null,
        documents: [],
        missingDocuments: required,
        verification: null, assessment: null, approval: null, payment: null,
        flags: [],
        history: [{ from: null, to: 'reported', at: expect.any(String), actorId: cadre1Id, reason: null }],
        // due the next working day, whatever day it is filed on
        deadline: { stage: 'verify', dueDate: expect.any(String), overdue: false, daysLeft: 1, paused: false },
      });
      expect(required.length).toBeGreaterThan(0);
      const again = await get(officer, res.body.id);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
    });

    it('stores the payee account encrypted, indexed and masked, and audits the filing', async () => {
      const accountNo = uniqueAccountNo();
      const claim = await fileClaim(t, cadre1, hcResident.id, { payee: { accountName: '陈美玲', bankName: '建设银行', accountNo } });
      const [row] = await t.db.query('SELECT * FROM claim WHERE id = $1', [claim.id]);
      expect(row.status).toBe('reported');
      expect(row.payee_account_cipher).toMatch(/^k1:/);
      expect(row.payee_account_index).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(accountNo);
      const events = await t.db.query(`SELECT action, data FROM audit_event WHERE entity = 'claim' AND entity_id = $1`, [claim.id]);
      expect(events).toEqual([{ action: 'claim.file', data: expect.objectContaining({ claimNo: claim.claimNo, flags: [], claimedAmount: '8000.00' }) }]);
    });

    it('accepts an incident today (Asia/Shanghai) and text outside the BMP', async () => {
      const res = await postClaim(t, cadre1, hcResident.id, { incidentDate: shanghaiToday(), description: '𠮷 家中被盗 🙁' });
      expect(res.status).toBe(201);
      expect(res.body.description).toBe('𠮷 家中被盗 🙁');
    });

    it('normalises the police report number and the payee account number', async () => {
      const res = await postClaim(t, cadre1, hcResident.id, {
        policeReportNo: ' j3502 0520261 ', payee: { accountName: '陈美玲', bankName: '建设银行', accountNo: '6217 0012 3456 7890 123' },
      });
      expect(res.status).toBe(201);
      expect(res.body.policeReportNo).toBe('J35020520261');
      expect(res.body.payee.accountNoMasked).toBe('6217 **** **** 0123');
    });

    it.each(['hc.officer', 'picc.adjuster', 'picc.manager', 'admin'])('is forbidden to %s', async (username) => {
      const res = await postClaim(t, await t.login(username), hcResident.id);
      expect(res.status).toBe(403);
    });
  });

  describe('POST /claims: intake rules', () => {
    const expectRule = (res: { status: number; body: { code: string; details: { field: string }[] } }, rule: string) => {
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RULE_VIOLATION');
      expect(res.body.details[0].field).toBe(rule);
    };

    it('NOT_COVERED: the policy of the incident year does not cover the event', async () => {
      expectRule(await postClaim(t, jmCadre, jmResident.id, { eventType: 'hit_and_run', incidentDate: '2022-05-10' }), 'NOT_COVERED');
    });

    it('OUTSIDE_POLICY_PERIOD: no active policy of the district on that date', async () => {
      expectRule(await postClaim(t, cadre1, hcResident.id, { incidentDate: '2024-06-01' }), 'OUTSIDE_POLICY_PERIOD');
      expectRule(await postClaim(t, jmCadre, jmResident.id, { incidentDate: '2019-03-01' }), 'OUTSIDE_POLICY_PERIOD');
    });

    it('INCIDENT_IN_FUTURE: tomorrow in Asia/Shanghai', async () => {
      const tomorrow = new Date(Date.parse(shanghaiToday()) + 86_400_000).toISOString().slice(0, 10);
      expectRule(await postClaim(t, cadre1, hcResident.id, { incidentDate: tomorrow }), 'INCIDENT_IN_FUTURE');
    });

    it('POLICE_REPORT_REQUIRED: the event requires a police report and none is given', async () => {
      expectRule(await postClaim(t, cadre1, hcResident.id, { eventType: 'burglary', policeReportNo: undefined }), 'POLICE_REPORT_REQUIRED');
    });

    it('RESIDENT_OUT_OF_STREET: a cadre files only for residents of their street', async () => {
      expectRule(await postClaim(t, cadre1, xyResident.id), 'RESIDENT_OUT_OF_STREET');
      expectRule(await postClaim(t, jmCadre, hcResident.id), 'RESIDENT_OUT_OF_STREET');
    });

    it('answers 400 for an unknown event type and 404 for an unknown resident', async () => {
      const unknownType = await postClaim(t, cadre1, hcResident.id, { eventType: 'alien_abduction' });
      expect(unknownType.status).toBe(400);
      expect(unknownType.body.details).toEqual([{ field: 'eventType', message: 'no such event type' }]);
      expect((await postClaim(t, cadre1, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('takes no claim number for a rejected claim: the numbers stay gap-free', async () => {
      const first = await fileClaim(t, jmCadre, jmResident.id, { incidentDate: '2022-07-01' });
      await postClaim(t, jmCadre, jmResident.id, { eventType: 'hit_and_run', incidentDate: '2022-07-02' });
      await postClaim(t, jmCadre, jmResident.id, { incidentDate: '2022-07-02', policeReportNo: undefined });
      const second = await fileClaim(t, jmCadre, jmResident.id, { incidentDate: '2022-07-20' });
      expect(first.claimNo).toMatch(/^350211-2022-\d{6}$/);
      expect(Number(second.claimNo.slice(-6))).toBe(Number(first.claimNo.slice(-6)) + 1);
    });
  });

  describe('flags raised at intake', () => {
    it('DUPLICATE_EVENT: same resident and event type within 3 days of a claim that is not withdrawn', async () => {
      const { resident } = await createResident(t, cadre1);
      const a = await fileClaim(t, cadre1, resident.id, { incidentDate: '2022-06-01' });
      const b = await fileClaim(t, cadre1, resident.id, { incidentDate: '2022-06-04' });
      const c = await fileClaim(t, cadre1, resident.id, { incidentDate: '2022-06-08' });
      const d = await fileClaim(t, cadre1, resident.id, { incidentDate: '2022-06-01', eventType: 'robbery' });
      expect(a.claimNo).toMatch(/^350205-2022-/);
      expect((b.flags as Flag[]).filter((f) => f.code === 'DUPLICATE_EVENT')).toEqual([
        { code: 'DUPLICATE_EVENT', relatedClaimId: a.id, relatedClaimNo: a.claimNo, detail: expect.stringContaining(a.claimNo) },
      ]);
      expect(codes(c.flags as Flag[])).not.toContain('DUPLICATE_EVENT');
      expect(codes(d.flags as Flag[])).not.toContain('DUPLICATE_EVENT');

      await t.http().post(`${API}/claims/${a.id}/withdraw`).set('Authorization', cadre1).send({ reason: '重复报案' }).expect(200);
      const e = await fileClaim(t, cadre1, resident.id, { incidentDate: '2022-06-02' });
      expect((e.flags as Flag[]).filter((f) => f.code === 'DUPLICATE_EVENT').map((f) => f.relatedClaimId)).toEqual([b.id]);
      const stored = await t.db.query(`SELECT code, related_claim_id FROM claim_flag WHERE claim_id = $1 AND code = 'DUPLICATE_EVENT'`, [e.id]);
      expect(stored).toEqual([{ code: 'DUPLICATE_EVENT', related_claim_id: b.id }]);
    });

    it('POLICE_REPORT_REUSED: the same police report number on a claim of anyone', async () => {
      const policeReportNo = uniquePoliceReportNo();
      const first = await fileClaim(t, cadre1, hcResident.id, { policeReportNo });
      const { resident } = await createResident(t, cadre2);
      const second = await fileClaim(t, cadre2, resident.id, { policeReportNo: policeReportNo.toLowerCase(), eventType: 'robbery' });
      expect(second.flags).toEqual([
        { code: 'POLICE_REPORT_REUSED', relatedClaimId: first.id, relatedClaimNo: first.claimNo, detail: `Police report also on claim ${first.claimNo}` },
      ]);
    });

    it('BANK_ACCOUNT_SHARED: one payee account for claims of different residents in the same year', async () => {
      const accountNo = uniqueAccountNo();
      const payee = { accountName: '黄志明', bankName: '农业银行', accountNo };
      const { resident: owner } = await createResident(t, cadre1);
      const { resident: other } = await createResident(t, cadre1);
      const first = await fileClaim(t, cadre1, owner.id, { payee });
      const sameResident = await fileClaim(t, cadre1, owner.id, { payee, eventType: 'fire', policeReportNo: undefined });
      const otherYear = await fileClaim(t, cadre1, other.id, { payee, incidentDate: '2022-03-01' });
      const shared = await fileClaim(t, cadre1, other.id, { payee: { ...payee, accountNo: accountNo.replace(/(\d{4})/g, '$1 ').trim() } });
      expect(codes(sameResident.flags as Flag[])).toEqual([]);
      expect(codes(otherYear.flags as Flag[])).toEqual(['LATE_REPORT']);
      expect((shared.flags as Flag[]).map((f) => [f.code, f.relatedClaimId])).toEqual([
        ['BANK_ACCOUNT_SHARED', first.id], ['BANK_ACCOUNT_SHARED', sameResident.id],
      ]);
    });

    it('LATE_REPORT: reported after the coverage reporting window', async () => {
      const late = await fileClaim(t, cadre1, hcResident.id, { incidentDate: '2022-06-03', eventType: 'fire', policeReportNo: undefined });
      expect(late.flags).toEqual([{
        code: 'LATE_REPORT', relatedClaimId: null, relatedClaimNo: null,
        detail: expect.stringMatching(/^Reported \d+ days after the incident; the reporting window is 30 days$/),
      }]);
    });

    it('HIGH_AMOUNT: claimed more than the per-claim limit (burglary 10000.00)', async () => {
      const { resident } = await createResident(t, cadre1);
      const atLimit = await fileClaim(t, cadre1, resident.id, { claimedAmount: '10000.00' });
      const over = await fileClaim(t, cadre1, resident.id, { claimedAmount: '10000.01', eventType: 'robbery' });
      expect(atLimit.flags).toEqual([]);
      expect(over.flags).toEqual([{
        code: 'HIGH_AMOUNT', relatedClaimId: null, relatedClaimNo: null, detail: 'Claimed 10000.01 exceeds the per-claim limit of 10000.00',
      }]);
      const [event] = await t.db.query(`SELECT data FROM audit_event WHERE action = 'claim.file' AND entity_id = $1`, [over.id]);
      expect(event.data.flags).toEqual(['HIGH_AMOUNT']);
    });
  });

  describe('scope', () => {
    let claimId: string;
    beforeAll(async () => { claimId = (await fileClaim(t, cadre1, hcResident.id)).id; });

    it.each(['hc.cadre1', 'hc.cadre2', 'hc.officer', 'picc.adjuster', 'picc.manager', 'admin'])('%s sees the claim', async (username) => {
      expect((await get(await t.login(username), claimId)).status).toBe(200);
    });

    it.each(['xy.cadre', 'jm.cadre', 'jm.officer'])('%s gets 404', async (username) => {
      const res = await get(await t.login(username), claimId);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it('lists the claim for its street and district only', async () => {
      const listed = async (username: string) => {
        const res = await t.http().get(`${API}/claims`).set('Authorization', await t.login(username)).query({ pageSize: 200 });
        expect(res.status).toBe(200);
        return (res.body.items as { id: string }[]).some((c) => c.id === claimId);
      };
      expect(await listed('hc.cadre2')).toBe(true);
      expect(await listed('hc.officer')).toBe(true);
      expect(await listed('picc.adjuster')).toBe(true);
      expect(await listed('xy.cadre')).toBe(false);
      expect(await listed('jm.officer')).toBe(false);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      expect((await get(cadre1, '123')).status).toBe(400);
    });
  });

  describe('POST /claims/:id/withdraw', () => {
    const withdraw = (auth: string, id: string, body: unknown) =>
      t.http().post(`${API}/claims/${id}/withdraw`).set('Authorization', auth).send(body as object);

    it('lets another cadre of the street withdraw with a reason, recorded in the history and the audit', async () => {
      const claim = await fileClaim(t, cadre1, hcResident.id);
      const res = await withdraw(cadre2, claim.id, { reason: '当事人已追回财物' });
      expect(res.status).toBe(200);
      const [{ id: cadre2Id }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'hc.cadre2'`);
      expect(res.body.status).toBe('withdrawn');
      expect(res.body.history).toEqual([
        { from: null, to: 'reported', at: expect.any(String), actorId: cadre1Id, reason: null },
        { from: 'reported', to: 'withdrawn', at: expect.any(String), actorId: cadre2Id, reason: '当事人已追回财物' },
      ]);
      const events = await t.db.query(`SELECT action, data FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [claim.id]);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['claim.file', 'claim.withdraw']);
      expect(events[1].data).toMatchObject({ from: 'reported', to: 'withdrawn', reason: '当事人已追回财物' });
    });

    it('refuses to withdraw twice with 409 naming the current state', async () => {
      const claim = await fileClaim(t, cadre1, hcResident.id);
      await withdraw(cadre1, claim.id, { reason: '误报' }).expect(200);
      const res = await withdraw(cadre1, claim.id, { reason: '误报' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ field: 'status', currentStatus: 'withdrawn' }] });
    });

    it('is 404 for a cadre of another street and 403 for other roles', async () => {
      const claim = await fileClaim(t, cadre1, hcResident.id);
      expect((await withdraw(xyCadre, claim.id, { reason: 'x' })).status).toBe(404);
      expect((await withdraw(officer, claim.id, { reason: 'x' })).status).toBe(403);
      expect((await get(cadre1, claim.id)).body.status).toBe('reported');
    });

    it.each([
      ['no reason', {}],
      ['a blank reason', { reason: '   ' }],
      ['a 10 000-character reason', { reason: '撤'.repeat(10_000) }],
      ['a reason that is a number', { reason: 42 }],
      ['an unknown field', { reason: '误报', force: true }],
    ])('rejects %s with 400', async (_name, body) => {
      const claim = await fileClaim(t, cadre1, hcResident.id);
      const res = await withdraw(cadre1, claim.id, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /claims', () => {
    let residentName: string;
    let fire: { id: string; claimNo: string };
    let burglary: { id: string; claimNo: string };
    let withdrawn: { id: string; claimNo: string };
    const burglaryReportNo = 'JJ3502052026LIST77';
    beforeAll(async () => {
      residentName = '欧阳listing';
      const { resident } = await createResident(t, xyCadre, { name: residentName, streetCode: '350205002' });
      fire = await fileClaim(t, xyCadre, resident.id, {
        eventType: 'fire', policeReportNo: undefined, incidentDate: '2022-04-10', incidentPlace: '新阳街道霞阳村仓库',
      });
      burglary = await fileClaim(t, xyCadre, resident.id, { incidentDate: recentDate(1), claimedAmount: '20000', policeReportNo: burglaryReportNo });
      withdrawn = await fileClaim(t, xyCadre, resident.id, { eventType: 'robbery', incidentDate: recentDate(1) });
      await t.http().post(`${API}/claims/${withdrawn.id}/withdraw`).set('Authorization', xyCadre).send({ reason: '误报' }).expect(200);
    });
    const list = (auth: string, query: Record<string, string | number>) => t.http().get(`${API}/claims`).set('Authorization', auth).query(query);
    const claimNos = (body: { items: { claimNo: string }[] }) => body.items.map((c) => c.claimNo);

    it('lists newest first with a compact shape including the flag codes', async () => {
      const res = await list(xyCadre, {});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
      expect(claimNos(res.body)).toEqual([withdrawn.claimNo, burglary.claimNo, fire.claimNo]);
      expect(res.body.items[1]).toEqual({
        id: burglary.id, claimNo: burglary.claimNo, status: 'reported', districtCode: '350205', streetCode: '350205002',
        eventType: 'burglary', eventTypeNameZh: expect.any(String),
        resident: { id: expect.any(String), name: residentName, idNumberMasked: expect.stringMatching(/^350205\*{8}/) },
        incidentDate: recentDate(1), claimedAmount: '20000.00', approvedAmount: null, reportedAt: expect.any(String),
        flags: ['HIGH_AMOUNT'],
      });
      expect(res.body.items[2].flags).toEqual(['LATE_REPORT']);
    });

    it.each([
      ['status', () => ({ status: 'withdrawn' }), () => [withdrawn.claimNo]],
      ['event type', () => ({ eventType: 'fire' }), () => [fire.claimNo]],
      ['incident date range', () => ({ from: '2022-01-01', to: '2022-12-31' }), () => [fire.claimNo]],
      ['claim number fragment', () => ({ q: burglary.claimNo.slice(-9) }), () => [burglary.claimNo]],
      ['resident name', () => ({ q: '欧阳' }), () => [withdrawn.claimNo, burglary.claimNo, fire.claimNo]],
      ['incident place fragment', () => ({ q: '霞阳村' }), () => [fire.claimNo]],
      ['police report number fragment', () => ({ q: 'LIST77' }), () => [burglary.claimNo]],
    ])('filters by %s, the total counting the same claims', async (_name, query, expected) => {
      const res = await list(officer, { ...query(), streetCode: '350205002' });
      expect(res.status).toBe(200);
      expect(claimNos(res.body)).toEqual(expected());
      expect(res.body.total).toBe(expected().length);
    });

    it('filters by several statuses, comma-separated or repeated', async () => {
      const comma = await list(officer, { status: 'withdrawn,reported', streetCode: '350205002' });
      expect(claimNos(comma.body)).toEqual([withdrawn.claimNo, burglary.claimNo, fire.claimNo]);
      const repeated = await t.http().get(`${API}/claims?status=withdrawn&status=verifying&streetCode=350205002`).set('Authorization', officer);
      expect(claimNos(repeated.body)).toEqual([withdrawn.claimNo]);
    });

    it('filters by flags: claims carrying any of them', async () => {
      expect(claimNos((await list(officer, { flags: 'HIGH_AMOUNT', streetCode: '350205002' })).body)).toEqual([burglary.claimNo]);
      expect(claimNos((await list(officer, { flags: 'LATE_REPORT,HIGH_AMOUNT', streetCode: '350205002' })).body)).toEqual([burglary.claimNo, fire.claimNo]);
      expect((await list(officer, { flags: 'BANK_ACCOUNT_SHARED', streetCode: '350205002' })).body.total).toBe(0);
    });

    it('filters by overdue: a running deadline past its due date', async () => {
      expect((await list(officer, { overdue: 'true', streetCode: '350205002' })).body.total).toBe(0);
      await t.db.query(`UPDATE claim_deadline SET started_on = DATE '2022-04-20', due_date = DATE '2022-05-01' WHERE claim_id = $1 AND ended_on IS NULL`, [fire.id]);
      expect(claimNos((await list(officer, { overdue: 'true', streetCode: '350205002' })).body)).toEqual([fire.claimNo]);
      expect(claimNos((await list(officer, { overdue: 'false', streetCode: '350205002' })).body)).toEqual([withdrawn.claimNo, burglary.claimNo]);
    });

    it.each([
      ['an unknown status among several', { status: 'reported,lost' }, 'status'],
      ['an unknown flag', { flags: 'HIGH_AMOUNT,SUSPICIOUS' }, 'flags'],
      ['overdue as a word', { overdue: 'yes' }, 'overdue'],
    ])('rejects %s with 400 naming the field', async (_name, query, field) => {
      const res = await list(officer, query);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('pages', async () => {
      const first = await list(xyCadre, { pageSize: 2, page: 1 });
      const second = await list(xyCadre, { pageSize: 2, page: 2 });
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect([...claimNos(first.body), ...claimNos(second.body)]).toEqual([withdrawn.claimNo, burglary.claimNo, fire.claimNo]);
    });

    it('shows a cadre no claim of another street, even when asked for it', async () => {
      const res = await list(cadre1, { streetCode: '350205002' });
      expect(res.body.total).toBe(0);
    });

    it.each([
      ['an unknown status', { status: 'lost' }],
      ['an impossible date', { from: '2026-02-30' }],
      ['a time instead of a date', { to: '2026-03-01T00:00:00Z' }],
      ['from after to', { from: '2026-03-02', to: '2026-03-01' }],
      ['pageSize 201', { pageSize: 201 }],
      ['page 0', { page: 0 }],
      ['a 10 000-character q', { q: 'q'.repeat(10_000) }],
      ['an unknown parameter', { insurerId: 'x' }],
    ])('rejects %s with 400', async (_name, query) => {
      const res = await list(officer, query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('bad input to POST /claims is a 400, never a 500', () => {
    const base = () => claimInput(hcResident.id) as unknown as Record<string, unknown>;
    it.each<[string, (body: Record<string, unknown>) => unknown, string]>([
      ['an unknown field', (b) => ({ ...b, priority: 'high' }), 'priority'],
      ['an unknown payee field', (b) => ({ ...b, payee: { ...(b.payee as object), swift: 'ICBKCNBJ' } }), 'payee.swift'],
      ['money as a JSON number', (b) => ({ ...b, claimedAmount: 8000 }), 'claimedAmount'],
      ['money with three decimals', (b) => ({ ...b, claimedAmount: '8000.001' }), 'claimedAmount'],
      ['negative money', (b) => ({ ...b, claimedAmount: '-1.00' }), 'claimedAmount'],
      ['a resident id that is not a UUID', (b) => ({ ...b, residentId: 'resident-1' }), 'residentId'],
      ['a resident id that is a number', (b) => ({ ...b, residentId: 42 }), 'residentId'],
      ['February 30th', (b) => ({ ...b, incidentDate: '2026-02-30' }), 'incidentDate'],
      ['month 13', (b) => ({ ...b, incidentDate: '2026-13-01' }), 'incidentDate'],
      ['a date as a number', (b) => ({ ...b, incidentDate: 20261101 }), 'incidentDate'],
      ['a date with a time', (b) => ({ ...b, incidentDate: '2026-11-01T08:00:00+08:00' }), 'incidentDate'],
      ['a 10 000-character description', (b) => ({ ...b, description: '盗'.repeat(10_000) }), 'description'],
      ['a 10 000-character place', (b) => ({ ...b, incidentPlace: 'p'.repeat(10_000) }), 'incidentPlace'],
      ['a 10 000-character police report number', (b) => ({ ...b, policeReportNo: '1'.repeat(10_000) }), 'policeReportNo'],
      ['a 10 000-character event type', (b) => ({ ...b, eventType: 'a'.repeat(10_000) }), 'eventType'],
      ['an upper-case event type', (b) => ({ ...b, eventType: 'FIRE' }), 'eventType'],
      ['a blank description', (b) => ({ ...b, description: ' \n ' }), 'description'],
      ['payee as a string', (b) => ({ ...b, payee: '6222021234567890123' }), 'payee'],
      ['payee as an array', (b) => ({ ...b, payee: [b.payee] }), 'payee'],
      ['payee missing', ({ payee: _payee, ...b }) => b, 'payee'],
      ['an account number with letters', (b) => ({ ...b, payee: { ...(b.payee as object), accountNo: '6222abc123456789' } }), 'payee.accountNo'],
      ['a 10 000-digit account number', (b) => ({ ...b, payee: { ...(b.payee as object), accountNo: '6'.repeat(10_000) } }), 'payee.accountNo'],
      ['a 10 000-character account name', (b) => ({ ...b, payee: { ...(b.payee as object), accountName: '名'.repeat(10_000) } }), 'payee.accountName'],
    ])('%s', async (_name, mutate, field) => {
      const res = await t.http().post(`${API}/claims`).set('Authorization', cadre1).send(mutate(base()) as object);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('takes a null police report number as none', async () => {
      const burglary = await t.http().post(`${API}/claims`).set('Authorization', cadre1).send({ ...base(), policeReportNo: null });
      expect(burglary.status).toBe(422);
      expect(burglary.body.details[0].field).toBe('POLICE_REPORT_REQUIRED');
      const fire = await t.http().post(`${API}/claims`).set('Authorization', cadre1).send({ ...base(), eventType: 'fire', policeReportNo: null });
      expect(fire.status).toBe(201);
      expect(fire.body.policeReportNo).toBeNull();
    });

    it('an array, an empty body and malformed JSON', async () => {
      for (const body of ['[]', '{}', '{"residentId":', '"claim"']) {
        const res = await t.http().post(`${API}/claims`).set('Authorization', cadre1).set('Content-Type', 'application/json').send(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('50 claims at once, and listing them in a fixed number of queries', () => {
    let jmOfficer: string;
    let filed: { id: string; claimNo: string }[];
    beforeAll(async () => {
      jmOfficer = await t.login('jm.officer');
      const residents: { id: string }[] = [];
      for (let i = 0; i < 5; i++) residents.push((await createResident(t, jmCadre, { streetCode: '350211001' })).resident);
      const eventTypes = ['burglary', 'robbery', 'crime_victim', 'student_telecom_fraud', 'falling_object'];
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) =>
        postClaim(t, jmCadre, residents[i % 5].id, { eventType: eventTypes[Math.floor(i / 10)], incidentDate: recentDate(i % 4) })));
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
      filed = responses.map((r) => r.body);
    });

    it('numbers 50 parallel intakes with 50 distinct consecutive numbers', async () => {
      const numbers = filed.map((c) => c.claimNo);
      expect(new Set(numbers).size).toBe(50);
      for (const claimNo of numbers) expect(claimNo).toMatch(new RegExp(`^350211-${YEAR}-\\d{6}$`));
      const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => seqs[0] + i));
      const [{ last_seq: lastSeq }] = await t.db.query(`SELECT last_seq FROM claim_counter WHERE district_code = '350211' AND year = $1`, [YEAR]);
      expect(lastSeq).toBe(seqs[49]);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM claim WHERE district_code = '350211' AND year = $1`, [YEAR]);
      expect(count).toBe(lastSeq);
    });

    it('lists 50 claims with as many queries as 5', async () => {
      let page50: { items: unknown[] } = { items: [] };
      let page5: { items: unknown[] } = { items: [] };
      const fifty = await queriesDuring(t.db, async () => { page50 = (await t.http().get(`${API}/claims?pageSize=50`).set('Authorization', jmOfficer)).body; });
      const five = await queriesDuring(t.db, async () => { page5 = (await t.http().get(`${API}/claims?pageSize=5`).set('Authorization', jmOfficer)).body; });
      expect(page50.items).toHaveLength(50);
      expect(page5.items).toHaveLength(5);
      expect(fifty).toBe(five);
      expect(fifty).toBeGreaterThan(0);
      expect(fifty).toBeLessThanOrEqual(3);
    });

    it('reads a claim with many flags and history in as many queries as a plain one', async () => {
      const { resident } = await createResident(t, jmCadre, { streetCode: '350211001' });
      const plain = await fileClaim(t, jmCadre, resident.id);
      await fileClaim(t, jmCadre, resident.id, { incidentDate: '2022-08-01' });
      await fileClaim(t, jmCadre, resident.id, { incidentDate: '2022-08-02' });
      const busy = await fileClaim(t, jmCadre, resident.id, { incidentDate: '2022-08-03', claimedAmount: '99999' });
      await t.http().post(`${API}/claims/${busy.id}/withdraw`).set('Authorization', jmCadre).send({ reason: '误报' }).expect(200);
      let busyBody: { flags: Flag[]; history: unknown[] } = { flags: [], history: [] };
      const plainQueries = await queriesDuring(t.db, () => get(jmOfficer, plain.id));
      const busyQueries = await queriesDuring(t.db, async () => { busyBody = (await get(jmOfficer, busy.id)).body; });
      expect(plain.flags).toEqual([]);
      expect(codes(busyBody.flags)).toEqual(['DUPLICATE_EVENT', 'DUPLICATE_EVENT', 'HIGH_AMOUNT', 'LATE_REPORT']);
      expect(busyBody.history).toHaveLength(2);
      expect(busyQueries).toBe(plainQueries);
    });
  });
});
