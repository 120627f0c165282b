import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_CLAIM_PLANS, generateDemoClaims, type DemoWorld } from '../seeds/demo-claims.js';
import type { AuthUser } from '../src/auth/auth-user.js';
import { FieldCrypto } from '../src/common/field-crypto.js';
import { validateIdNumber } from '../src/common/id-number.js';
import { maskIdNumber } from '../src/common/masking.js';
import { extractPdfText } from './support/pdf.js';
import { ClaimNoticesRepository } from '../src/reports/claim-notices.repository.js';
import { CallerRepository } from '../src/auth/caller.repository.js';
import { UsersRepository } from '../src/users/users.repository.js';
import { createDemoApp } from './support/demo-claims.js';
import { API, type TestApp } from './support/test-app.js';

/** The demo claims generator, checked through the reports it feeds and the rows it writes. */
describe('demo claims', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createDemoApp();
    officer = await t.login('hc.officer');
  });

  afterAll(async () => { await t.close(); });

  it('makes the multi-year report read like Haicang\'s statement: 6 → 21 events, 765 claims, a little over 8 million yuan', async () => {
    const res = await t.http().get(`${API}/reports/multi-year`).query({ districtCode: '350205', from: 2018, to: 2022 })
      .set('Authorization', officer);
    expect(res.status).toBe(200);
    expect(res.body.years.map((y: { coveredEvents: number }) => y.coveredEvents)).toEqual([6, 9, 13, 17, 21]);
    expect(res.body.total.claimsPaid).toBe(765);
    const total = Number(res.body.total.paidAmount);
    expect(total).toBeGreaterThan(8_000_000);
    expect(total).toBeLessThan(8_500_000);
    expect(res.body.years.map((y: { claimsPaid: number }) => y.claimsPaid))
      .toEqual(DEMO_CLAIM_PLANS.filter((p) => p.districtCode === '350205').map((p) => p.paid));
  });

  it('includes the 2022-06-03 shop fire in 新垵村, paid 35,000.00', async () => {
    const rows = await t.db.query(
      `SELECT c.claim_no, c.status, c.paid_amount::text, c.incident_place, s.name AS street, p.amount::text AS payment
       FROM claim c JOIN street s ON s.code = c.street_code JOIN payment p ON p.claim_id = c.id
       WHERE c.district_code = '350205' AND c.event_type = 'fire' AND c.incident_date = '2022-06-03' AND c.incident_place LIKE '%新垵村%'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ paid_amount: '3500000', payment: '3500000', street: '新阳街道' });
    expect(['paid', 'closed']).toContain(rows[0].status);
  });

  it('writes claims the workflow could have written', async () => {
    // Every history is a chain from null to the claim's status, in time order.
    const broken = await t.db.query(`
      WITH h AS (
        SELECT claim_id, from_status, to_status, at,
               lag(to_status) OVER w AS previous_to, lag(at) OVER w AS previous_at, row_number() OVER w AS n,
               count(*) OVER (PARTITION BY claim_id) AS total
        FROM claim_status_change WINDOW w AS (PARTITION BY claim_id ORDER BY id)
      )
      SELECT h.claim_id FROM h JOIN claim c ON c.id = h.claim_id
      WHERE (h.n = 1 AND (h.from_status IS NOT NULL OR h.to_status <> 'reported' OR h.at <> c.reported_at))
         OR (h.n > 1 AND (h.from_status IS DISTINCT FROM h.previous_to OR h.at < h.previous_at))
         OR (h.n = h.total AND h.to_status <> c.status)`);
    expect(broken).toEqual([]);
    const [{ without }] = await t.db.query(
      `SELECT count(*)::int AS without FROM claim c WHERE NOT EXISTS (SELECT 1 FROM claim_status_change h WHERE h.claim_id = c.id)`);
    expect(without).toBe(0);

    // Paid claims have their verification, assessment, approval and payment, within every limit.
    const [paid] = await t.db.query(`
      SELECT count(*)::int AS paid,
             count(*) FILTER (WHERE v.verified_loss = c.verified_loss AND v.recommendation IS NOT NULL AND v.verifier_id <> c.reported_by
                                AND a.amount = c.approved_amount AND d.decision = 'approve' AND d.amount = c.approved_amount
                                AND d.approver_id <> a.assessor_id AND pay.amount = c.paid_amount AND pay.paid_at = c.paid_at
                                AND c.paid_amount = c.approved_amount AND c.paid_amount > 0 AND c.paid_amount <= cv.per_claim_limit
                                AND c.reported_at >= c.incident_date AND c.paid_at > c.reported_at)::int AS consistent
      FROM claim c
      JOIN coverage cv ON cv.id = c.coverage_id
      JOIN claim_verification v ON v.claim_id = c.id
      JOIN claim_assessment a ON a.claim_id = c.id
      JOIN claim_decision d ON d.claim_id = c.id
      JOIN payment pay ON pay.claim_id = c.id
      WHERE c.paid_amount IS NOT NULL`);
    expect(paid.consistent).toBe(paid.paid);
    expect(paid.paid).toBe(DEMO_CLAIM_PLANS.reduce((sum, p) => sum + p.paid, 0));

    const overLimit = await t.db.query(`
      SELECT p.policy_no FROM policy p JOIN claim c ON c.policy_id = p.id
      GROUP BY p.id HAVING sum(c.approved_amount) > p.aggregate_limit`);
    expect(overLimit).toEqual([]);
    const [{ denied }] = await t.db.query(`
      SELECT count(*)::int AS denied FROM claim c JOIN claim_decision d ON d.claim_id = c.id
      WHERE d.decision = 'deny' AND c.approved_amount IS NULL AND c.paid_amount IS NULL AND c.status IN ('denied', 'closed')`);
    expect(denied).toBe(DEMO_CLAIM_PLANS.reduce((sum, p) => sum + p.denied, 0));
  });

  it('numbers claims gap-free per district and year, in report order, and leaves the counters there', async () => {
    const rows = await t.db.query(`
      SELECT c.district_code, c.year, count(*)::int AS claims, min(c.seq) AS first, max(c.seq) AS last, k.last_seq,
             bool_and(c.claim_no = c.district_code || '-' || c.year || '-' || lpad(c.seq::text, 6, '0')) AS numbered,
             count(*) FILTER (WHERE c.reported_at < prev_reported)::int AS out_of_order
      FROM (SELECT *, lag(reported_at) OVER (PARTITION BY district_code, year ORDER BY seq) AS prev_reported FROM claim) c
      JOIN claim_counter k ON k.district_code = c.district_code AND k.year = c.year
      GROUP BY c.district_code, c.year, k.last_seq ORDER BY 1, 2`);
    expect(rows).toHaveLength(DEMO_CLAIM_PLANS.length);
    for (const row of rows) {
      expect(row).toMatchObject({ first: 1, last: row.claims, last_seq: row.claims, numbered: true, out_of_order: 0 });
    }
  });

  it('stores residents with valid, encrypted ID numbers that the blind index finds', async () => {
    const crypto = FieldCrypto.fromSecret('dev-only-field-encryption-key-change-me', 'k1');
    const residents: { id_number_cipher: string; id_number_index: string; id_number_masked: string; district_code: string }[] =
      await t.db.query(`SELECT r.id_number_cipher, r.id_number_index, r.id_number_masked, r.district_code
                        FROM resident r JOIN claim c ON c.resident_id = r.id`);
    expect(residents.length).toBeGreaterThan(1000);
    for (const r of residents) {
      const idNumber = crypto.decrypt(r.id_number_cipher);
      expect(validateIdNumber(idNumber)).toMatchObject({ ok: true });
      expect(idNumber.startsWith(r.district_code)).toBe(true);
      expect(r.id_number_index).toBe(crypto.blindIndex(idNumber));
      expect(r.id_number_masked).toBe(maskIdNumber(idNumber));
    }
  });

  it('records every step of every generated claim as the workflow would, one event for the load, and keeps the chain intact', async () => {
    const events = await t.db.query(`SELECT action, data FROM audit_event WHERE action = 'seed.demo_claims'`);
    expect(events).toHaveLength(1);
    expect(events[0].data.summary).toHaveLength(DEMO_CLAIM_PLANS.length);
    const [counts] = await t.db.query(`
      SELECT (SELECT count(*)::int FROM claim_status_change) AS steps,
             (SELECT count(*)::int FROM audit_event WHERE entity = 'claim') AS events,
             (SELECT count(*)::int FROM claim_status_change h
               WHERE NOT EXISTS (
                 SELECT 1 FROM audit_event e
                  WHERE e.entity = 'claim' AND e.entity_id = h.claim_id::text AND e.actor_id = h.actor_id
                    AND (e.data->>'stepAt')::timestamptz = h.at
                    AND CASE WHEN h.from_status IS NULL THEN e.action = 'claim.file'
                             ELSE e.data->>'from' = h.from_status AND e.data->>'to' = h.to_status END)) AS unmatched`);
    expect(counts.steps).toBeGreaterThan(5000);
    expect(counts).toEqual({ steps: counts.steps, events: counts.steps, unmatched: 0 });
    const verify = await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('admin'));
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('generates the same claims from the same seed', () => {
    const world: DemoWorld = {
      policies: DEMO_CLAIM_PLANS.map((p) => ({
        id: `${p.districtCode}-${p.year}`, districtCode: p.districtCode, year: p.year, insurerId: 'insurer', aggregateLimit: 10n ** 12n,
        coverages: ['burglary', 'fire', 'animal_attack'].map((eventType) => ({
          id: eventType, eventType, requiredDocuments: [], perClaimLimit: 5_000_000n, perPersonAnnualLimit: 5_000_000n, deductible: 0n, payoutRatioBp: 10_000,
        })),
      })),
      streets: [{ code: '350205002', name: '新阳街道', districtCode: '350205' }, { code: '350211100', name: '灌口镇', districtCode: '350211' }],
      staff: {
        cadres: { '350205002': [{ id: 'a', displayName: 'A' }, { id: 'b', displayName: 'B' }], '350211100': [{ id: 'c', displayName: 'C' }, { id: 'd', displayName: 'D' }] },
        adjuster: { id: 'adjuster', displayName: 'adjuster' },
        manager: { id: 'manager', displayName: 'manager' },
      },
      lastSeq: {},
    };
    const shape = (seed?: number) => generateDemoClaims(world, seed).map((c) =>
      [c.claimNo, c.coverage.eventType, c.incidentDate, c.reportedAt.toISOString(), c.status, c.claimed, c.paidAmount, c.resident.idNumber]);
    expect(shape()).toEqual(shape());
    expect(shape(1)).not.toEqual(shape());
  });

  it('feeds an annual report and its PDF with every covered event', async () => {
    const json = await t.http().get(`${API}/reports/annual`).query({ districtCode: '350205', year: 2022 }).set('Authorization', officer);
    expect(json.status).toBe(200);
    expect(json.body.totals.paid).toBe(216);
    expect(json.body.totals.reported).toBe(216 + 17 + 11 + 14);
    expect(json.body.totals.pending).toBe(14);
    expect(json.body.byEventType).toHaveLength(21);
    expect(json.body.previousYear.paid).toBe(183);
    expect(Number(json.body.policy.aggregateUsed)).toBeLessThanOrEqual(Number(json.body.policy.aggregateLimit));
    expect(json.body.processingDays.median).toBeGreaterThan(0);

    const pdf = await t.http().get(`${API}/reports/annual`).query({ districtCode: '350205', year: 2022, format: 'pdf' })
      .set('Authorization', officer).buffer(true)
      .parse((res, callback) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => callback(null, Buffer.concat(chunks))); });
    expect(pdf.status).toBe(200);
    const text = (await extractPdfText(pdf.body as Buffer)).join('\n');
    for (const row of json.body.byEventType) expect(text).toContain(row.nameZh);
  });

  it('loads the payout notice of a paid claim in one query, scoped', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM claim WHERE incident_date = '2022-06-03' AND incident_place LIKE '%新垵村%'`);
    const users = t.app.get(UsersRepository);
    const notices = t.app.get(ClaimNoticesRepository);
    const asUser = async (username: string) => (await t.app.get(CallerRepository).findActive(t.db.manager, (await users.findByUsername(t.db.manager, username))!.id)) as AuthUser;

    const row = await notices.findPayoutNotice(t.db.manager, await asUser('hc.officer'), id);
    expect(row?.notice).toMatchObject({
      districtName: '海沧区', streetName: '新阳街道', residentName: '邱文彬', eventTypeZh: '火灾', incidentDate: '2022-06-03',
      approvedAmount: 3_500_000n, paidAmount: 3_500_000n,
      insurerName: '中国人民财产保险股份有限公司厦门市分公司', policyNo: 'PICC-ZZ-350205-2022', payeeName: '邱文彬',
    });
    expect(row!.notice!.idNumberMasked).toMatch(/^350205\*{8}\d{3}[\dX]$/);
    expect(row!.notice!.steps.at(0)).toEqual({ step: 'verified_loss', amount: 3_500_000n });
    expect(row!.notice!.steps.at(-1)).toEqual({ step: 'payable', amount: 3_500_000n });
    expect(row!.notice!.verification).toMatchObject({ recommendation: 'pay', findings: '现场核查属实，核定损失 35000.00 元' });
    expect(row!.notice!.bankReference).toMatch(/^PICC\d{14}$/);
    expect(await notices.findPayoutNotice(t.db.manager, await asUser('jm.officer'), id)).toBeNull();

    const [{ id: pendingId }] = await t.db.query(`SELECT id FROM claim WHERE status = 'verifying' AND district_code = '350205' LIMIT 1`);
    expect(await notices.findPayoutNotice(t.db.manager, await asUser('hc.officer'), pendingId)).toEqual({ status: 'verifying', districtCode: '350205', notice: null });
  });
});
