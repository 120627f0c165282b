import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { parseCsv } from '../src/reports/render/csv-parse.test-helper.js';
import { extractPdfText } from './support/pdf.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

/**
 * Report figures against a small fixture counted by hand. The fixture is
 * Haicang's 2021 policy year (17 covered events) plus a few claims of other
 * years and districts that must not leak into it.
 */

interface FixtureClaim {
  district?: string;
  year?: number;
  street: string;
  eventType: string;
  incidentDate: string;
  reportedAt: string;
  claimed: string;
  status: string;
  approved?: string;
  paidAt?: string;
  decidedAt?: string;
  decision?: 'approve' | 'deny';
  returnedFrom?: string;
}

// Claims of Haicang 2021, labelled A–J as counted in the expectations below.
const HAICANG_2021: FixtureClaim[] = [
  /* A */ { street: '350205001', eventType: 'burglary', incidentDate: '2021-01-10', reportedAt: '2021-01-11T09:00:00+08:00', claimed: '5000.00', status: 'closed', approved: '4800.00', paidAt: '2021-01-21T09:00:00+08:00' },
  /* B */ { street: '350205002', eventType: 'burglary', incidentDate: '2021-03-05', reportedAt: '2021-03-06T10:00:00+08:00', claimed: '3000.00', status: 'paid', approved: '2800.00', paidAt: '2021-03-10T22:00:00+08:00' },
  /* C */ { street: '350205002', eventType: 'fire', incidentDate: '2021-06-03', reportedAt: '2021-06-03T18:00:00+08:00', claimed: '40000.00', status: 'paid', approved: '35000.00', paidAt: '2021-06-23T18:00:00+08:00' },
  /* D */ { street: '350205001', eventType: 'fire', incidentDate: '2021-06-20', reportedAt: '2021-06-22T08:00:00+08:00', claimed: '20000.00', status: 'approved', approved: '18000.00' },
  /* E */ { street: '350205003', eventType: 'crime_victim', incidentDate: '2021-06-30', reportedAt: '2021-07-01T08:00:00+08:00', claimed: '10000.00', status: 'denied', decision: 'deny' },
  /* F */ { street: '350205001', eventType: 'robbery', incidentDate: '2021-09-09', reportedAt: '2021-09-10T08:00:00+08:00', claimed: '1500.00', status: 'closed', decision: 'deny' },
  /* G */ { street: '350205002', eventType: 'vehicle_theft', incidentDate: '2021-11-30', reportedAt: '2021-12-01T09:00:00+08:00', claimed: '1200.00', status: 'verifying' },
  /* H */ { street: '350205001', eventType: 'vehicle_theft', incidentDate: '2021-12-15', reportedAt: '2021-12-16T09:00:00+08:00', claimed: '800.00', status: 'withdrawn' },
  /* I */ { street: '350205002', eventType: 'animal_attack', incidentDate: '2021-12-28', reportedAt: '2021-12-29T09:00:00+08:00', claimed: '2000.00', status: 'paid', approved: '1500.00', paidAt: '2022-01-09T09:00:00+08:00' },
  /* J */ { street: '350205001', eventType: 'gas_accident', incidentDate: '2021-06-15', reportedAt: '2021-06-16T09:00:00+08:00', claimed: '60000.00', status: 'needs_info', returnedFrom: 'verified' },
];

const OTHER_CLAIMS: FixtureClaim[] = [
  // Haicang 2020: the previous year of the fixture.
  { year: 2020, street: '350205004', eventType: 'fire', incidentDate: '2020-08-01', reportedAt: '2020-08-02T09:00:00+08:00', claimed: '3500.00', status: 'paid', approved: '3000.00', paidAt: '2020-08-12T09:00:00+08:00' },
  { year: 2020, street: '350205004', eventType: 'burglary', incidentDate: '2020-09-01', reportedAt: '2020-09-02T09:00:00+08:00', claimed: '900.00', status: 'withdrawn' },
  // Haicang 2022 and Jimei 2022: other years and districts.
  { year: 2022, street: '350205003', eventType: 'burglary', incidentDate: '2022-02-01', reportedAt: '2022-02-02T09:00:00+08:00', claimed: '1000.00', status: 'paid', approved: '1000.00', paidAt: '2022-02-12T09:00:00+08:00' },
  { district: '350211', year: 2022, street: '350211001', eventType: 'fire', incidentDate: '2022-05-01', reportedAt: '2022-05-02T09:00:00+08:00', claimed: '30000.00', status: 'paid', approved: '30000.00', paidAt: '2022-05-12T09:00:00+08:00' },
];

const HAICANG_2021_COVERED = [
  ['burglary', '入室盗窃'], ['robbery', '抢劫抢夺'], ['vehicle_theft', '电动车自行车被盗'], ['malicious_damage', '财物被恶意毁坏'],
  ['fire', '火灾'], ['natural_disaster', '自然灾害家庭财产损失'], ['student_telecom_fraud', '在校大学生电信网络诈骗'],
  ['mental_disorder_harm', '精神障碍患者肇事肇祸'], ['missing_patient_search', '精神障碍患者走失查找'], ['good_samaritan', '见义勇为伤亡'],
  ['crime_victim', '不法侵害致伤亡'], ['falling_object', '高空坠物致伤亡'], ['gas_accident', '燃气爆炸及中毒'], ['hit_and_run', '交通肇事逃逸'],
  ['public_drowning', '公共水域溺水'], ['crowd_crush', '公共场所踩踏'], ['animal_attack', '犬只及动物伤人'],
];

const EXPECTED_2021 = {
  districtCode: '350205',
  districtName: '海沧区',
  year: 2021,
  policy: {
    policyNo: 'PICC-ZZ-350205-2021',
    insurer: '中国人民财产保险股份有限公司厦门市分公司',
    periodStart: '2021-01-01',
    periodEnd: '2021-12-31',
    premium: '2100000.00',
    aggregateLimit: '4000000.00',
    aggregateUsed: '62100.00', // A 4800 + B 2800 + C 35000 + D 18000 + I 1500
    lossRatio: '0.0210', // 44100 / 2100000
  },
  totals: {
    reported: 10, approved: 5, denied: 2, paid: 4, pending: 2, withdrawn: 1,
    claimedAmount: '143500.00', approvedAmount: '62100.00', paidAmount: '44100.00',
  },
  byEventType: HAICANG_2021_COVERED.map(([eventType, nameZh]) => ({
    eventType, nameZh,
    ...({
      burglary: { claims: 2, paid: 2, paidAmount: '7600.00' },
      robbery: { claims: 1, paid: 0, paidAmount: '0.00' },
      vehicle_theft: { claims: 2, paid: 0, paidAmount: '0.00' },
      fire: { claims: 2, paid: 1, paidAmount: '35000.00' },
      crime_victim: { claims: 1, paid: 0, paidAmount: '0.00' },
      gas_accident: { claims: 1, paid: 0, paidAmount: '0.00' },
      animal_attack: { claims: 1, paid: 1, paidAmount: '1500.00' },
    } as Record<string, object>)[eventType] ?? { claims: 0, paid: 0, paidAmount: '0.00' },
  })),
  byStreet: [
    { streetCode: '350205001', streetName: '海沧街道', claims: 5, paid: 1, paidAmount: '4800.00' },
    { streetCode: '350205002', streetName: '新阳街道', claims: 4, paid: 3, paidAmount: '39300.00' },
    { streetCode: '350205003', streetName: '嵩屿街道', claims: 1, paid: 0, paidAmount: '0.00' },
    { streetCode: '350205004', streetName: '东孚街道', claims: 0, paid: 0, paidAmount: '0.00' },
  ],
  byMonth: [
    { month: '2021-01', claims: 1, paid: 1, paidAmount: '4800.00' },
    { month: '2021-02', claims: 0, paid: 0, paidAmount: '0.00' },
    { month: '2021-03', claims: 1, paid: 1, paidAmount: '2800.00' },
    { month: '2021-04', claims: 0, paid: 0, paidAmount: '0.00' },
    { month: '2021-05', claims: 0, paid: 0, paidAmount: '0.00' },
    { month: '2021-06', claims: 4, paid: 1, paidAmount: '35000.00' },
    { month: '2021-07', claims: 0, paid: 0, paidAmount: '0.00' },
    { month: '2021-08', claims: 0, paid: 0, paidAmount: '0.00' },
    { month: '2021-09', claims: 1, paid: 0, paidAmount: '0.00' },
    { month: '2021-10', claims: 0, paid: 0, paidAmount: '0.00' },
    { month: '2021-11', claims: 1, paid: 0, paidAmount: '0.00' },
    { month: '2021-12', claims: 2, paid: 1, paidAmount: '1500.00' },
  ],
  // Days to payment: B 4.5, A 10, I 11, C 20 → median 10.5, p90 = 11 + 0.7 × 9 = 17.3, max 20.
  processingDays: { median: 10.5, p90: 17.3, max: 20 },
  previousYear: { paid: 1, paidAmount: '3000.00' },
  // The fixture's claims are inserted as rows, without the workflow's deadline clocks (test/deadlines.e2e-spec.ts counts those).
  timeliness: Object.fromEntries(['verify', 'assess', 'decide', 'pay', 'denial_notice'].map((stage) => [stage, { onTime: 0, late: 0, onTimeShare: null }])),
};

const toFen = (yuan: string) => Math.round(Number(yuan) * 100);

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The rows after a section's title row, up to the blank line that ends it. */
function csvSection(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((r, i) => r.length === 1 && r[0] === title && (i === 0 || rows[i - 1].join('') === ''));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start && r.join('') === '');
  return rows.slice(start + 1, end === -1 ? undefined : end);
}

/** Cell values row by row; a formula cell (the total rows) as its cached result. */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  const value = (v: unknown) => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(value)));
  return rows;
}

interface EventTypeRow { eventType: string; nameZh: string; claims: number; paid: number; paidAmount: string }

/** The files list event types by paid amount, largest first; ties keep the catalogue order of the JSON. */
function largestFirst(rows: EventTypeRow[]): EventTypeRow[] {
  const fen = (r: EventTypeRow) => BigInt(r.paidAmount.replace('.', ''));
  return [...rows].sort((a, b) => (fen(a) === fen(b) ? 0 : fen(a) > fen(b) ? -1 : 1));
}

describe('reports', () => {
  let t: TestApp;
  let admin: string;
  let hcOfficer: string;
  let otherInsurerAdjuster: string;

  async function insertClaims(claims: FixtureClaim[]): Promise<void> {
    const [{ id: cadreId }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'hc.cadre1'`);
    const [{ id: managerId }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'picc.manager'`);
    for (const [index, c] of claims.entries()) {
      const district = c.district ?? '350205';
      const year = c.year ?? 2021;
      const [coverage] = await t.db.query(
        `SELECT cv.id AS coverage_id, p.id AS policy_id, p.insurer_id FROM coverage cv JOIN policy p ON p.id = cv.policy_id
         WHERE p.district_code = $1 AND p.year = $2 AND cv.event_type = $3`, [district, year, c.eventType]);
      const residentId = randomUUID();
      await t.db.query(
        `INSERT INTO resident (id, name, id_number_cipher, id_number_index, id_number_masked, phone_cipher, phone_index,
           phone_masked, key_id, district_code, street_code, address, cover_basis)
         VALUES ($1, '测试居民', 'x', $2, '350205********0000', 'x', $3, '138****0000', 'k1', $4, $5, '测试地址', 'registered')`,
        [residentId, randomBytes(32).toString('hex'), randomBytes(32).toString('hex'), district, c.street]);
      const claimId = randomUUID();
      const seq = 900 + index;
      const paid = c.paidAt ? String(toFen(c.approved!)) : null;
      await t.db.query(
        `INSERT INTO claim (id, claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type,
           resident_id, incident_date, incident_place, description, claimed_amount, payee_account_name, payee_bank_name,
           payee_account_cipher, payee_account_index, payee_account_masked, status, returned_from, approved_amount, paid_amount,
           reported_by, reported_at, decided_at, paid_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '测试地点', '测试', $13, '测试居民', '测试银行', 'x', $14,
           '**** 0000', $15, $16, $17, $18, $19, $20, $21, $22)`,
        [claimId, `${district}-${year}-${String(seq).padStart(6, '0')}`, district, year, seq, c.street, coverage.policy_id,
          coverage.insurer_id, coverage.coverage_id, c.eventType, residentId, c.incidentDate, toFen(c.claimed),
          randomBytes(32).toString('hex'), c.status, c.returnedFrom ?? null, c.approved ? toFen(c.approved) : null, paid,
          cadreId, c.reportedAt, c.decision || c.approved ? c.reportedAt : null, c.paidAt ?? null]);
      if (c.decision === 'deny') {
        await t.db.query(
          `INSERT INTO claim_decision (claim_id, decision, approver_id, reason_code, decided_at) VALUES ($1, 'deny', $2, 'excluded_cause', $3)`,
          [claimId, managerId, c.reportedAt]);
      }
    }
  }

  async function get(path: string, auth: string, query: Record<string, string | number>) {
    return t.http().get(`${API}${path}`).query(query).set('Authorization', auth);
  }

  async function file(path: string, query: Record<string, string | number>): Promise<Response & { body: Buffer }> {
    return t.http().get(`${API}${path}`).query(query).set('Authorization', hcOfficer).buffer(true).parse(binary) as never;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    hcOfficer = await t.login('hc.officer');
    await insertClaims([...HAICANG_2021, ...OTHER_CLAIMS]);

    // A second insurer holding Jimei's 2021 policy, and one of its adjusters.
    const insurer = await t.http().post(`${API}/insurers`).set('Authorization', admin).send({ name: '测试财产保险股份有限公司' });
    expect(insurer.status).toBe(201);
    const [{ id: policyId }] = await t.db.query(
      `INSERT INTO policy (policy_no, district_code, insurer_id, year, period_start, period_end, premium, aggregate_limit,
         four_eyes_threshold, status, activated_at)
       VALUES ('TEST-350211-2021', '350211', $1, 2021, '2021-01-01', '2021-12-31', 100000000, 300000000, 5000000, 'expired', now())
       RETURNING id`, [insurer.body.id]);
    await t.db.query(
      `INSERT INTO coverage (policy_id, event_type, per_claim_limit, per_person_annual_limit, deductible, payout_ratio_bp, report_window_days)
       VALUES ($1, 'fire', 5000000, 5000000, 0, 10000, 30), ($1, 'burglary', 1000000, 1000000, 20000, 10000, 30)`, [policyId]);
    await insertClaims([
      { district: '350211', year: 2021, street: '350211002', eventType: 'fire', incidentDate: '2021-04-04', reportedAt: '2021-04-05T09:00:00+08:00', claimed: '9000.00', status: 'paid', approved: '8000.00', paidAt: '2021-04-15T09:00:00+08:00' },
    ]);
    const user = await t.http().post(`${API}/users`).set('Authorization', admin).send({
      username: 'test.adjuster', password: 'test-adjuster-password', displayName: '测试理赔员', role: 'insurer_adjuster',
      insurerId: insurer.body.id, approvalLimit: '10000.00',
    });
    expect(user.status).toBe(201);
    otherInsurerAdjuster = await t.login('test.adjuster', 'test-adjuster-password');
  });

  afterAll(async () => { await t.close(); });

  describe('annual report JSON', () => {
    it('matches the hand-counted fixture', async () => {
      const res = await get('/reports/annual', hcOfficer, { districtCode: '350205', year: 2021 });
      expect(res.status).toBe(200);
      const { generatedAt, ...report } = res.body;
      expect(report).toEqual(EXPECTED_2021);
      expect(Date.parse(generatedAt)).not.toBeNaN();
    });

    it('gives a policy year without claims zero rows, with the previous year at zero', async () => {
      const res = await get('/reports/annual', admin, { districtCode: '350205', year: 2019 });
      expect(res.status).toBe(200);
      expect(res.body.policy).toMatchObject({ policyNo: 'PICC-ZZ-350205-2019', aggregateUsed: '0.00', lossRatio: '0.0000' });
      expect(res.body.totals).toEqual({
        reported: 0, approved: 0, denied: 0, paid: 0, pending: 0, withdrawn: 0,
        claimedAmount: '0.00', approvedAmount: '0.00', paidAmount: '0.00',
      });
      // The six events of 2018 and the next three of the catalogue, in catalogue order.
      expect(res.body.byEventType.map((r: { eventType: string }) => r.eventType)).toEqual([
        'burglary', 'robbery', 'vehicle_theft', 'malicious_damage', 'fire', 'natural_disaster',
        'mental_disorder_harm', 'good_samaritan', 'crime_victim',
      ]);
      expect(res.body.byEventType.every((r: { claims: number; paidAmount: string }) => r.claims === 0 && r.paidAmount === '0.00')).toBe(true);
      expect(res.body.byMonth).toHaveLength(12);
      expect(res.body.processingDays).toEqual({ median: null, p90: null, max: null });
      expect(res.body.previousYear).toEqual({ paid: 0, paidAmount: '0.00' });
    });

    it('shows a year without policy or claims as empty, with no previous year', async () => {
      const res = await get('/reports/annual', admin, { districtCode: '350205', year: 2017 });
      expect(res.status).toBe(200);
      expect(res.body.policy).toBeNull();
      expect(res.body.previousYear).toBeNull();
      expect(res.body.byEventType).toEqual([]);
      expect(res.body.byStreet.map((r: { claims: number }) => r.claims)).toEqual([0, 0, 0, 0]);
      expect(res.body.byMonth.map((r: { month: string }) => r.month)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`));
    });

    it('counts the 2020 claims as the previous year of 2021 and 2021 as that of 2022', async () => {
      const res = await get('/reports/annual', admin, { districtCode: '350205', year: 2022 });
      expect(res.body.totals).toMatchObject({ reported: 1, paid: 1, paidAmount: '1000.00' });
      expect(res.body.previousYear).toEqual({ paid: 4, paidAmount: '44100.00' });
    });
    it('has no loss ratio for a policy without premium, and shows a dash for it in the files', async () => {
      const [{ id }] = await t.db.query(
        `INSERT INTO policy (policy_no, district_code, insurer_id, year, period_start, period_end, premium, aggregate_limit,
           four_eyes_threshold, status, activated_at)
         SELECT 'ZERO-350211-2019', '350211', id, 2019, '2019-01-01', '2019-12-31', 0, 100000000, 5000000, 'expired', now()
         FROM insurer WHERE name = '中国人民财产保险股份有限公司厦门市分公司' RETURNING id`);
      expect(id).toBeDefined();
      const json = await get('/reports/annual', admin, { districtCode: '350211', year: 2019 });
      expect(json.status).toBe(200);
      expect(json.body.policy).toMatchObject({ policyNo: 'ZERO-350211-2019', premium: '0.00', lossRatio: null });
      const pdf = await t.http().get(`${API}/reports/annual`).query({ districtCode: '350211', year: 2019, format: 'pdf' })
        .set('Authorization', admin).buffer(true).parse(binary);
      expect(pdf.status).toBe(200);
      expect((await extractPdfText(pdf.body)).join('\n')).toMatch(/赔付率\s*—/);
    });
  });

  describe('multi-year report JSON', () => {
    it('lists every year of the range with covered events, paid claims and totals', async () => {
      const res = await get('/reports/multi-year', hcOfficer, { districtCode: '350205', from: 2017, to: 2022 });
      expect(res.status).toBe(200);
      expect(res.body.years).toEqual([
        { year: 2017, coveredEvents: 0, claimsPaid: 0, paidAmount: '0.00' },
        { year: 2018, coveredEvents: 6, claimsPaid: 0, paidAmount: '0.00' },
        { year: 2019, coveredEvents: 9, claimsPaid: 0, paidAmount: '0.00' },
        { year: 2020, coveredEvents: 13, claimsPaid: 1, paidAmount: '3000.00' },
        { year: 2021, coveredEvents: 17, claimsPaid: 4, paidAmount: '44100.00' },
        { year: 2022, coveredEvents: 21, claimsPaid: 1, paidAmount: '1000.00' },
      ]);
      expect(res.body.total).toEqual({ claimsPaid: 6, paidAmount: '48100.00' });
      expect(res.body).toMatchObject({ districtCode: '350205', districtName: '海沧区', from: 2017, to: 2022 });
    });
  });

  describe('scope', () => {
    it('refuses street cadres with 403 and anonymous callers with 401', async () => {
      const cadre = await get('/reports/annual', await t.login('hc.cadre1'), { districtCode: '350205', year: 2021 });
      expect(cadre.status).toBe(403);
      expect(cadre.body.code).toBe('FORBIDDEN');
      const multi = await get('/reports/multi-year', await t.login('hc.cadre1'), { districtCode: '350205', from: 2018, to: 2022 });
      expect(multi.status).toBe(403);
      const anonymous = await t.http().get(`${API}/reports/annual`).query({ districtCode: '350205', year: 2021 });
      expect(anonymous.status).toBe(401);
    });

    it('hides another district from a district officer (404)', async () => {
      const res = await get('/reports/annual', await t.login('jm.officer'), { districtCode: '350205', year: 2021 });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      const multi = await get('/reports/multi-year', await t.login('jm.officer'), { districtCode: '350205', from: 2018, to: 2022 });
      expect(multi.status).toBe(404);
    });

    it('answers 404 for an unknown district, even to an admin', async () => {
      const res = await get('/reports/annual', admin, { districtCode: '999999', year: 2021 });
      expect(res.status).toBe(404);
    });

    it('lets insurer staff read the years their insurer held the policy, and only its claims', async () => {
      const picc = await get('/reports/annual', await t.login('picc.adjuster'), { districtCode: '350205', year: 2021 });
      expect(picc.status).toBe(200);
      expect(picc.body.totals).toEqual(EXPECTED_2021.totals);

      expect((await get('/reports/annual', await t.login('picc.manager'), { districtCode: '350211', year: 2021 })).status).toBe(404);
      expect((await get('/reports/annual', otherInsurerAdjuster, { districtCode: '350211', year: 2022 })).status).toBe(404);
      expect((await get('/reports/annual', otherInsurerAdjuster, { districtCode: '350205', year: 2021 })).status).toBe(404);

      const own = await get('/reports/annual', otherInsurerAdjuster, { districtCode: '350211', year: 2021 });
      expect(own.status).toBe(200);
      expect(own.body.policy).toMatchObject({ policyNo: 'TEST-350211-2021', insurer: '测试财产保险股份有限公司', lossRatio: '0.0080' }); // 8000 / 1000000
      expect(own.body.totals).toMatchObject({ reported: 1, paid: 1, paidAmount: '8000.00' });
      expect(own.body.byEventType.map((r: { eventType: string }) => r.eventType)).toEqual(['burglary', 'fire']);
      expect(own.body.previousYear).toBeNull();

      const multi = await get('/reports/multi-year', otherInsurerAdjuster, { districtCode: '350211', from: 2021, to: 2022 });
      expect(multi.status).toBe(200);
      expect(multi.body.years).toEqual([
        { year: 2021, coveredEvents: 2, claimsPaid: 1, paidAmount: '8000.00' },
        { year: 2022, coveredEvents: 0, claimsPaid: 0, paidAmount: '0.00' },
      ]);
      const officer = await get('/reports/multi-year', await t.login('jm.officer'), { districtCode: '350211', from: 2021, to: 2022 });
      expect(officer.body.years).toEqual([
        { year: 2021, coveredEvents: 2, claimsPaid: 1, paidAmount: '8000.00' },
        { year: 2022, coveredEvents: 20, claimsPaid: 1, paidAmount: '30000.00' },
      ]);
      expect((await get('/reports/multi-year', otherInsurerAdjuster, { districtCode: '350211', from: 2022, to: 2023 })).status).toBe(404);
    });
  });

  describe('validation', () => {
    it.each([
      [{ districtCode: '350205', year: 1999 }, 'year'],
      [{ districtCode: '350205', year: 2101 }, 'year'],
      [{ districtCode: '350205', year: 'abc' }, 'year'],
      [{ districtCode: '350205', year: '0x7E6' }, 'year'],
      [{ districtCode: '350205', year: '2021.5' }, 'year'],
      [{ districtCode: '350205' }, 'year'],
      [{ districtCode: '35020', year: 2021 }, 'districtCode'],
      [{ districtCode: '３５０２０５', year: 2021 }, 'districtCode'],
      [{ districtCode: '3'.repeat(10_000), year: 2021 }, 'districtCode'],
      [{ year: 2021 }, 'districtCode'],
      [{ districtCode: '350205', year: 2021, format: 'docx' }, 'format'],
      [{ districtCode: '350205', year: 2021, format: 'PDF' }, 'format'],
      [{ districtCode: '350205', year: 2021, extra: '1' }, 'extra'],
    ])('rejects bad annual query #%#', async (query, field) => {
      const res = await get('/reports/annual', admin, query as Record<string, string | number>);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('rejects a repeated year', async () => {
      const res = await t.http().get(`${API}/reports/annual?districtCode=350205&year=2021&year=2022`).set('Authorization', admin);
      expect(res.status).toBe(400);
    });

    it.each([
      [{ districtCode: '350205', from: 2022, to: 2018 }, 'to'],
      [{ districtCode: '350205', from: 2000, to: 2020 }, 'to'],
      [{ districtCode: '350205', from: 2018 }, 'to'],
      [{ districtCode: '350205', from: 'x', to: 2022 }, 'from'],
      [{ districtCode: '350205', from: 1990, to: 2000 }, 'from'],
    ])('rejects %j on the multi-year report (field %s)', async (query, field) => {
      const res = await get('/reports/multi-year', admin, query as Record<string, string | number>);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('accepts a range of exactly twenty years', async () => {
      const res = await get('/reports/multi-year', admin, { districtCode: '350205', from: 2001, to: 2020 });
      expect(res.status).toBe(200);
      expect(res.body.years).toHaveLength(20);
    });
  });

  describe('files', () => {
    it('serves CSV with BOM whose figures are those of the JSON', async () => {
      const json = (await get('/reports/annual', hcOfficer, { districtCode: '350205', year: 2021 })).body;
      const res = await file('/reports/annual', { districtCode: '350205', year: 2021, format: 'csv' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="350205-2021-annual-claims-report.csv"; filename*=UTF-8''${encodeURIComponent('海沧区-2021-年度理赔报告.csv')}`);
      expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(res.body.toString('utf8').slice(1));

      const totals = json.totals;
      expect(csvSection(rows, '汇总').slice(1)).toEqual([
        ['报案件数', String(totals.reported)], ['核准件数', String(totals.approved)], ['拒赔件数', String(totals.denied)],
        ['待处理件数', String(totals.pending)], ['撤回件数', String(totals.withdrawn)], ['赔付件数', String(totals.paid)],
        ['申请金额（元）', totals.claimedAmount], ['核准金额（元）', totals.approvedAmount], ['赔付金额（元）', totals.paidAmount],
        [`报案 ${totals.reported} 件 = 核准 ${totals.approved} 件 + 拒赔 ${totals.denied} 件 + 待处理 ${totals.pending} 件 + 撤回 ${totals.withdrawn} 件`],
      ]);
      expect(totals.reported).toBe(totals.approved + totals.denied + totals.pending + totals.withdrawn);
      const total = [String(totals.reported), String(totals.paid), totals.paidAmount];
      expect(csvSection(rows, '按事件类型').slice(1)).toEqual([
        ...largestFirst(json.byEventType as EventTypeRow[]).map((r) => [r.nameZh, r.eventType, String(r.claims), String(r.paid), r.paidAmount]),
        ['合计', '', ...total],
      ]);
      expect(csvSection(rows, '按街镇').slice(1)).toEqual([
        ...json.byStreet.map((r: { streetCode: string; streetName: string; claims: number; paid: number; paidAmount: string }) =>
          [r.streetName, r.streetCode, String(r.claims), String(r.paid), r.paidAmount]),
        ['合计', '', ...total],
      ]);
      expect(csvSection(rows, '按月份').slice(1)).toEqual([
        ...json.byMonth.map((r: { month: string; claims: number; paid: number; paidAmount: string }) =>
          [r.month, String(r.claims), String(r.paid), r.paidAmount]),
        ['合计', ...total],
      ]);
      const stages = ['verify', 'assess', 'decide', 'pay', 'denial_notice'] as const;
      expect(csvSection(rows, '办理时效').slice(1).map((r) => r.slice(1, 3))).toEqual(
        stages.map((stage) => [String(json.timeliness[stage].onTime), String(json.timeliness[stage].late)]));
      expect(Object.fromEntries(csvSection(rows, '处理时长').slice(1))).toEqual({
        '报案至赔付中位数（天）': String(json.processingDays.median), '报案至赔付 90 分位（天）': String(json.processingDays.p90),
        '报案至赔付最长（天）': String(json.processingDays.max),
      });
    });

    it('serves XLSX whose sheets hold the JSON figures as numbers', async () => {
      const json = (await get('/reports/annual', hcOfficer, { districtCode: '350205', year: 2021 })).body;
      const res = await file('/reports/annual', { districtCode: '350205', year: 2021, format: 'xlsx' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('海沧区-2021-年度理赔报告.xlsx')}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ArrayBuffer);

      const overview = new Map(sheetRows(workbook.getWorksheet('概况')!).map(([label, value]) => [label, value]));
      expect(overview.get('报案件数')).toBe(json.totals.reported);
      expect(overview.get('赔付件数')).toBe(json.totals.paid);
      expect(overview.get('赔付金额（元）')).toBe(Number(json.totals.paidAmount));
      expect(overview.get('申请金额（元）')).toBe(Number(json.totals.claimedAmount));
      expect(overview.get('赔付率')).toBe(Number(json.policy.lossRatio));
      expect(overview.get('撤回件数')).toBe(json.totals.withdrawn);
      expect(sheetRows(workbook.getWorksheet('办理时效')!).slice(1).map((r) => r.slice(1, 3))).toEqual(
        (['verify', 'assess', 'decide', 'pay', 'denial_notice'] as const).map((stage) => [json.timeliness[stage].onTime, json.timeliness[stage].late]));
      const total = (label: string, ...blank: undefined[]) =>
        [label, ...blank, json.totals.reported, json.totals.paid, Number(json.totals.paidAmount)];
      expect(sheetRows(workbook.getWorksheet('按事件类型')!).slice(1)).toEqual([
        ...largestFirst(json.byEventType as EventTypeRow[]).map((r) => [r.nameZh, r.eventType, r.claims, r.paid, Number(r.paidAmount)]),
        total('合计', undefined),
      ]);
      expect(sheetRows(workbook.getWorksheet('按街镇')!).slice(1)).toEqual([
        ...json.byStreet.map((r: { streetCode: string; streetName: string; claims: number; paid: number; paidAmount: string }) =>
          [r.streetName, r.streetCode, r.claims, r.paid, Number(r.paidAmount)]),
        total('合计', undefined),
      ]);
      expect(sheetRows(workbook.getWorksheet('按月份')!).slice(1)).toEqual([
        ...json.byMonth.map((r: { month: string; claims: number; paid: number; paidAmount: string }) =>
          [r.month, r.claims, r.paid, Number(r.paidAmount)]),
        total('合计'),
      ]);
    });

    it('serves a PDF naming the district, the totals and every covered event', async () => {
      const res = await file('/reports/annual', { districtCode: '350205', year: 2021, format: 'pdf' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="350205-2021-annual-claims-report.pdf"; filename*=UTF-8''${encodeURIComponent('海沧区-2021-年度理赔报告.pdf')}`);
      expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = (await extractPdfText(res.body)).join('\n');
      expect(text).toContain('海沧区');
      for (const figure of ['143,500.00', '62,100.00', '44,100.00', '2.10%', '10.5', '17.3']) expect(text).toContain(figure);
      for (const [, nameZh] of HAICANG_2021_COVERED) expect(text).toContain(nameZh);
      for (const street of ['海沧街道', '新阳街道', '嵩屿街道', '东孚街道']) expect(text).toContain(street);
    });

    it('serves the multi-year report in every format', async () => {
      const csv = await file('/reports/multi-year', { districtCode: '350205', from: 2018, to: 2022, format: 'csv' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('海沧区-2018-2022-多年度理赔报告.csv')}`);
      const years = csvSection(parseCsv(csv.body.toString('utf8').slice(1)), '逐年情况');
      expect(years.slice(1, 6).map((r) => r.slice(0, 4))).toEqual([
        ['2018', '6', '0', '0.00'], ['2019', '9', '0', '0.00'], ['2020', '13', '1', '3000.00'],
        ['2021', '17', '4', '44100.00'], ['2022', '21', '1', '1000.00'],
      ]);

      const xlsx = await file('/reports/multi-year', { districtCode: '350205', from: 2018, to: 2022, format: 'xlsx' });
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      expect(sheetRows(workbook.worksheets[0]).slice(1, 6).map((r) => r.slice(0, 4))).toEqual([
        [2018, 6, 0, 0], [2019, 9, 0, 0], [2020, 13, 1, 3000], [2021, 17, 4, 44100], [2022, 21, 1, 1000],
      ]);

      const pdf = await file('/reports/multi-year', { districtCode: '350205', from: 2018, to: 2022, format: 'pdf' });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await extractPdfText(pdf.body)).join('\n');
      expect(text).toContain('海沧区');
      expect(text).toContain('48,100.00');
    });

    it('records every export, JSON included, in the audit chain', async () => {
      const before = Number((await t.db.query(`SELECT count(*) FROM audit_event WHERE action = 'report.export'`))[0].count);
      await get('/reports/annual', hcOfficer, { districtCode: '350205', year: 2020 });
      await file('/reports/annual', { districtCode: '350205', year: 2020, format: 'pdf' });
      await file('/reports/multi-year', { districtCode: '350205', from: 2019, to: 2020, format: 'csv' });
      await get('/reports/annual', hcOfficer, { districtCode: '350205', year: 1999 }); // 400: not an export

      const events = await t.http().get(`${API}/audit`).query({ entity: 'report', pageSize: 200 }).set('Authorization', admin);
      expect(events.status).toBe(200);
      expect(events.body.total).toBe(before + 3);
      expect(events.body.items.slice(0, 3).map((e: { action: string; entityId: string; districtCode: string; data: object }) =>
        [e.action, e.entityId, e.districtCode, e.data])).toEqual([
        ['report.export', 'multi-year/350205/2019-2020', '350205', { report: 'multi-year', districtCode: '350205', period: '2019-2020', format: 'csv' }],
        ['report.export', 'annual/350205/2020', '350205', { report: 'annual', districtCode: '350205', period: '2020', format: 'pdf' }],
        ['report.export', 'annual/350205/2020', '350205', { report: 'annual', districtCode: '350205', period: '2020', format: 'json' }],
      ]);
      const verify = await t.http().get(`${API}/audit/verify`).set('Authorization', admin);
      expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    });
  });
});
