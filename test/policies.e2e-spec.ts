import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_INSURER_ID } from '../seeds/demo-reference.js';
import { queriesDuring } from './support/query-count.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

/** Demo policies exist for 2018–2022 and the running year; these tests use 2030 onwards. */
interface EventTypeBody {
  code: string; nameZh: string; nameEn: string; requiredDocuments: string[];
  defaults: { perClaimLimit: string; deductible: string; payoutRatioBp: number; reportWindowDays: number };
}
interface CoverageBody { id: string; eventType: string; nameZh: string; nameEn: string; perClaimLimit: string; perPersonAnnualLimit: string; deductible: string; payoutRatioBp: number; reportWindowDays: number; requiredDocuments: string[] }
interface PolicyBody { id: string; policyNo: string; districtCode: string; status: string; year: number; coverages: CoverageBody[]; [key: string]: unknown }

describe('policies', () => {
  let t: TestApp;
  let catalogue: Map<string, EventTypeBody>;
  let policyCounter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get(`${API}/event-types`).set('Authorization', await t.login('admin'));
    catalogue = new Map((res.body as EventTypeBody[]).map((e) => [e.code, e]));
  });
  afterAll(async () => { await t.close(); });

  const as = async (username: string) => ({ Authorization: await t.login(username) });

  function policyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    policyCounter += 1;
    return {
      policyNo: `TEST-ZZ-${policyCounter}-${Date.now()}`,
      districtCode: '350205',
      insurerId: DEMO_INSURER_ID,
      year: 2030,
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      premium: '2100000.00',
      aggregateLimit: '5200000.00',
      fourEyesThreshold: '50000.00',
      coverages: [{ eventType: 'fire' }, { eventType: 'burglary' }],
      ...overrides,
    };
  }

  async function createPolicy(overrides: Record<string, unknown> = {}, username = 'hc.officer'): Promise<PolicyBody> {
    const res = await t.http().post(`${API}/policies`).set(await as(username)).send(policyBody(overrides));
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PolicyBody;
  }

  async function activate(id: string, username = 'hc.officer') {
    return t.http().post(`${API}/policies/${id}/activate`).set(await as(username));
  }

  async function auditOf(id: string): Promise<{ action: string; districtCode: string; data: Record<string, unknown> }[]> {
    const res = await t.http().get(`${API}/audit`).query({ entity: 'policy', entityId: id }).set(await as('admin'));
    expect(res.status).toBe(200);
    return res.body.items;
  }

  describe('create', () => {
    it('creates a draft with money as strings and the district and insurer names', async () => {
      const body = policyBody({ premium: '2100000', aggregateLimit: '5200000.5', fourEyesThreshold: '50000.00' });
      const res = await t.http().post(`${API}/policies`).set(await as('hc.officer')).send(body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        policyNo: body.policyNo, districtCode: '350205', districtName: '海沧区', insurerId: DEMO_INSURER_ID,
        insurerName: '中国人民财产保险股份有限公司厦门市分公司', year: 2030, periodStart: '2030-01-01', periodEnd: '2030-12-31',
        premium: '2100000.00', aggregateLimit: '5200000.50', fourEyesThreshold: '50000.00', status: 'draft', activatedAt: null,
        aggregateUsed: '0.00', aggregateLeft: '5200000.50',
      });
      expect(res.body.coverages.map((c: CoverageBody) => c.eventType).sort()).toEqual(['burglary', 'fire']);

      const stored = await t.db.query('SELECT premium, aggregate_limit, status, created_by FROM policy WHERE id = $1', [res.body.id]);
      expect(stored[0]).toMatchObject({ premium: '210000000', aggregate_limit: '520000050', status: 'draft' });
      expect(stored[0].created_by).not.toBeNull();

      const events = await auditOf(res.body.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'policy.create', districtCode: '350205' });
      expect(events[0].data).toMatchObject({ policyNo: body.policyNo, aggregateLimit: '5200000.50' });
    });

    it('fills omitted coverage fields from the event type catalogue', async () => {
      const policy = await createPolicy({
        coverages: [
          { eventType: 'student_telecom_fraud' },
          { eventType: 'burglary', perClaimLimit: '8000', requiredDocuments: ['id_card', 'police_report'] },
          { eventType: 'fire', deductible: null },
        ],
      });
      const byType = new Map(policy.coverages.map((c) => [c.eventType, c]));
      const fraud = catalogue.get('student_telecom_fraud')!;
      expect(byType.get('student_telecom_fraud')).toMatchObject({
        nameZh: fraud.nameZh, nameEn: fraud.nameEn,
        perClaimLimit: fraud.defaults.perClaimLimit, perPersonAnnualLimit: fraud.defaults.perClaimLimit,
        deductible: fraud.defaults.deductible, payoutRatioBp: fraud.defaults.payoutRatioBp,
        reportWindowDays: fraud.defaults.reportWindowDays, requiredDocuments: fraud.requiredDocuments,
      });
      const burglary = catalogue.get('burglary')!;
      expect(byType.get('burglary')).toMatchObject({
        perClaimLimit: '8000.00', perPersonAnnualLimit: '8000.00', deductible: burglary.defaults.deductible,
        requiredDocuments: ['id_card', 'police_report'],
      });
      expect(byType.get('fire')!.deductible).toBe(catalogue.get('fire')!.defaults.deductible);
    });

    it('lets an admin create a policy for any district', async () => {
      const policy = await createPolicy({ districtCode: '350211' }, 'admin');
      expect(policy).toMatchObject({ districtCode: '350211', districtName: '集美区', status: 'draft' });
    });

    it('refuses a taken policy number with 409', async () => {
      const policy = await createPolicy();
      const res = await t.http().post(`${API}/policies`).set(await as('hc.officer')).send(policyBody({ policyNo: policy.policyNo }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'policyNo' }] });
    });

    it('covers an event type an admin added to the catalogue, without code changes', async () => {
      const created = await t.http().post(`${API}/event-types`).set(await as('admin')).send({
        code: 'school_student_accident', nameZh: '中小学生意外伤害', nameEn: 'Accident of a primary or middle-school student',
        category: 'person', requiredDocuments: ['id_card', 'student_card', 'medical_invoice', 'bank_card'],
        defaults: { perClaimLimit: '20000.00', deductible: '100.00', payoutRatioBp: 8000, reportWindowDays: 45 },
      });
      expect(created.status).toBe(201);
      const policy = await createPolicy({ year: 2036, periodStart: '2036-01-01', periodEnd: '2036-12-31', coverages: [{ eventType: 'school_student_accident' }] });
      expect(policy.coverages).toEqual([expect.objectContaining({
        eventType: 'school_student_accident', nameZh: '中小学生意外伤害', perClaimLimit: '20000.00', perPersonAnnualLimit: '20000.00',
        deductible: '100.00', payoutRatioBp: 8000, reportWindowDays: 45, requiredDocuments: ['id_card', 'student_card', 'medical_invoice', 'bank_card'],
      })]);
      const res = await activate(policy.id);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('active');
    });
  });

  describe('bad input', () => {
    async function rejected(body: Record<string, unknown>): Promise<{ field: string; message: string }[]> {
      const res = await t.http().post(`${API}/policies`).set(await as('hc.officer')).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body).not.toHaveProperty('stack');
      return res.body.details;
    }
    /** Each field once, although it may carry several messages. */
    const fields = (details: { field: string }[]) => [...new Set(details.map((d) => d.field))];

    it('names an unknown event type by its index', async () => {
      const details = await rejected(policyBody({ coverages: [{ eventType: 'fire' }, { eventType: 'meteor_strike' }] }));
      expect(details).toEqual([{ field: 'coverages.1.eventType', message: expect.stringContaining('meteor_strike') }]);
    });

    it('rejects a malformed event type code', async () => {
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: '火灾' }] })))).toEqual(['coverages.0.eventType']);
    });

    it('rejects the same event type twice', async () => {
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: 'fire' }, { eventType: 'fire', perClaimLimit: '1.00' }] }))))
        .toEqual(['coverages.1.eventType']);
    });

    it('rejects a payout ratio above 10000 basis points', async () => {
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: 'fire', payoutRatioBp: 10001 }] })))).toEqual(['coverages.0.payoutRatioBp']);
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: 'fire', payoutRatioBp: 99.5 }] })))).toEqual(['coverages.0.payoutRatioBp']);
    });

    it('rejects negative and zero limits', async () => {
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: 'fire', perClaimLimit: '-1.00' }] })))).toEqual(['coverages.0.perClaimLimit']);
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: 'fire', perClaimLimit: '0' }] })))).toEqual(['coverages.0.perClaimLimit']);
      expect(fields(await rejected(policyBody({ aggregateLimit: '0.00' })))).toEqual(['aggregateLimit']);
      expect(fields(await rejected(policyBody({ premium: '-2100000.00' })))).toEqual(['premium']);
    });

    it('rejects money sent as a JSON number, with three decimals or as an exponent', async () => {
      expect(fields(await rejected(policyBody({ premium: 2100000 })))).toEqual(['premium']);
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: 'fire', deductible: 100 }] })))).toEqual(['coverages.0.deductible']);
      expect(fields(await rejected(policyBody({ fourEyesThreshold: '50000.001' })))).toEqual(['fourEyesThreshold']);
      expect(fields(await rejected(policyBody({ aggregateLimit: '5e6' })))).toEqual(['aggregateLimit']);
    });

    it('rejects unknown fields, at the top and inside a coverage', async () => {
      expect(fields(await rejected(policyBody({ status: 'active' })))).toEqual(['status']);
      expect(fields(await rejected(policyBody({ coverages: [{ eventType: 'fire', payoutRatio: 1 }] })))).toEqual(['coverages.0.payoutRatio']);
    });

    it('rejects a 10 000-character or non-ASCII policy number', async () => {
      expect(fields(await rejected(policyBody({ policyNo: 'P'.repeat(10_000) })))).toEqual(['policyNo']);
      expect(fields(await rejected(policyBody({ policyNo: '保单-2030-一' })))).toEqual(['policyNo']);
      expect(fields(await rejected(policyBody({ policyNo: '' })))).toEqual(['policyNo']);
    });

    it('rejects impossible dates, a period ending before it starts and a year out of range', async () => {
      expect(fields(await rejected(policyBody({ periodEnd: '2030-02-30' })))).toEqual(['periodEnd']);
      expect(fields(await rejected(policyBody({ periodStart: '2030/01/01' })))).toEqual(['periodStart']);
      expect(fields(await rejected(policyBody({ periodStart: '2030-06-01', periodEnd: '2030-05-31' })))).toEqual(['periodEnd']);
      expect(fields(await rejected(policyBody({ year: 1999 })))).toEqual(['year']);
      expect(fields(await rejected(policyBody({ year: '2030' })))).toEqual(['year']);
    });

    it('rejects wrong types for coverages and missing fields', async () => {
      expect(fields(await rejected(policyBody({ coverages: 'fire' })))).toEqual(['coverages']);
      expect(fields(await rejected(policyBody({ coverages: ['fire'] })))).toEqual(['coverages.0']);
      const { premium: _premium, ...withoutPremium } = policyBody();
      expect(fields(await rejected(withoutPremium))).toEqual(['premium']);
    });

    it('rejects a district or insurer that does not exist', async () => {
      const res = await t.http().post(`${API}/policies`).set(await as('admin'))
        .send(policyBody({ districtCode: '350299', insurerId: '00000000-0000-4000-8000-000000000000' }));
      expect(res.status).toBe(400);
      expect(fields(res.body.details)).toEqual(['districtCode', 'insurerId']);
    });

    it('rejects a malformed id and an oversized page', async () => {
      const headers = await as('hc.officer');
      expect((await t.http().get(`${API}/policies/not-a-uuid`).set(headers)).status).toBe(400);
      expect((await t.http().get(`${API}/policies`).query({ pageSize: 500 }).set(headers)).status).toBe(400);
      expect((await t.http().get(`${API}/policies`).query({ status: 'cancelled' }).set(headers)).status).toBe(400);
    });
  });

  describe('edit', () => {
    it('edits a draft and replaces its coverages', async () => {
      const policy = await createPolicy({ year: 2031, periodStart: '2031-01-01', periodEnd: '2031-12-31' });
      const res = await t.http().patch(`${API}/policies/${policy.id}`).set(await as('hc.officer')).send({
        premium: '2200000.00', periodStart: '2031-02-01',
        coverages: [{ eventType: 'robbery', payoutRatioBp: 9000 }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ premium: '2200000.00', periodStart: '2031-02-01', periodEnd: '2031-12-31', status: 'draft', policyNo: policy.policyNo });
      expect(res.body.coverages).toEqual([expect.objectContaining({ eventType: 'robbery', payoutRatioBp: 9000 })]);
      expect((await t.http().get(`${API}/policies/${policy.id}`).set(await as('hc.officer'))).body).toEqual(res.body);

      const update = (await auditOf(policy.id)).find((e) => e.action === 'policy.update');
      expect(update).toMatchObject({ districtCode: '350205', data: { before: { premium: '2100000.00' }, after: { premium: '2200000.00' } } });
      expect((update!.data.after as { coverages: unknown[] }).coverages).toHaveLength(1);
    });

    it('keeps the coverages when they are not sent', async () => {
      const policy = await createPolicy();
      const res = await t.http().patch(`${API}/policies/${policy.id}`).set(await as('hc.officer')).send({ fourEyesThreshold: '80000' });
      expect(res.status).toBe(200);
      expect(res.body.fourEyesThreshold).toBe('80000.00');
      expect(res.body.coverages.map((c: CoverageBody) => c.id).sort()).toEqual(policy.coverages.map((c) => c.id).sort());
    });

    it('validates an edit like a creation', async () => {
      const policy = await createPolicy();
      const headers = await as('hc.officer');
      const edit = (body: Record<string, unknown>) => t.http().patch(`${API}/policies/${policy.id}`).set(headers).send(body);
      for (const [body, field] of [
        [{ premium: null }, 'premium'],
        [{ premium: 1 }, 'premium'],
        [{ districtCode: '350211' }, 'districtCode'],
        [{ periodEnd: '2029-12-31' }, 'periodEnd'],
        [{ coverages: [{ eventType: 'nope' }] }, 'coverages.0.eventType'],
        [{ insurerId: '00000000-0000-4000-8000-000000000000' }, 'insurerId'],
      ] as const) {
        const res = await edit(body);
        expect(res.status).toBe(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const other = await createPolicy();
      const clash = await edit({ policyNo: other.policyNo });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('CONFLICT');
      expect((await edit({ policyNo: policy.policyNo })).status).toBe(200);
    });

    it('refuses to edit or re-activate an active policy (422 POLICY_NOT_DRAFT)', async () => {
      const policy = await createPolicy({ year: 2032, periodStart: '2032-01-01', periodEnd: '2032-12-31' });
      expect((await activate(policy.id)).status).toBe(200);
      const res = await t.http().patch(`${API}/policies/${policy.id}`).set(await as('hc.officer')).send({ premium: '1.00' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', details: [{ field: 'POLICY_NOT_DRAFT', currentStatus: 'active' }] });
      const again = await activate(policy.id);
      expect(again.status).toBe(422);
      expect(again.body.details[0].field).toBe('POLICY_NOT_DRAFT');
      const stored = await t.db.query('SELECT premium FROM policy WHERE id = $1', [policy.id]);
      expect(stored[0].premium).toBe('210000000');
    });
  });

  describe('activate', () => {
    it('activates a complete draft and audits it', async () => {
      const policy = await createPolicy({ year: 2033, periodStart: '2033-01-01', periodEnd: '2033-12-31' });
      const res = await activate(policy.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: policy.id, status: 'active', coverages: policy.coverages });
      expect(Date.parse(res.body.activatedAt)).not.toBeNaN();
      const events = await auditOf(policy.id);
      expect(events.map((e) => e.action).sort()).toEqual(['policy.activate', 'policy.create']);
      expect(events.find((e) => e.action === 'policy.activate')!.districtCode).toBe('350205');
    });

    it('refuses an incomplete draft with 422 POLICY_INCOMPLETE naming each problem', async () => {
      const policy = await createPolicy({
        year: 2040, periodStart: '2039-12-01', periodEnd: '2040-12-31', aggregateLimit: '40000.00',
        coverages: [{ eventType: 'fire' }],
      });
      const res = await activate(policy.id);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RULE_VIOLATION');
      expect(res.body.details[0].field).toBe('POLICY_INCOMPLETE');
      expect(res.body.details[0].problems.map((p: { field: string }) => p.field))
        .toEqual(['periodStart', 'periodEnd', 'coverages.0.perPersonAnnualLimit']);

      const empty = await createPolicy({ year: 2040, periodStart: '2040-01-01', periodEnd: '2040-12-31', coverages: [] });
      const noCover = await activate(empty.id);
      expect(noCover.status).toBe(422);
      expect(noCover.body.details[0].problems.map((p: { field: string }) => p.field)).toEqual(['coverages']);
      const stored = await t.db.query('SELECT status FROM policy WHERE id = ANY($1)', [[policy.id, empty.id]]);
      expect(stored.map((r: { status: string }) => r.status)).toEqual(['draft', 'draft']);
    });

    it('refuses a second active policy of the district on overlapping dates (409)', async () => {
      const first = await createPolicy({ year: 2034, periodStart: '2034-01-01', periodEnd: '2034-12-31' });
      expect((await activate(first.id)).status).toBe(200);
      const overlapping = await createPolicy({ year: 2034, periodStart: '2034-12-31', periodEnd: '2035-06-30' });
      const res = await activate(overlapping.id);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', details: [{ policyId: first.id, policyNo: first.policyNo }] });

      const crossYear = await createPolicy({ year: 2034, periodStart: '2034-07-01', periodEnd: '2035-06-30' });
      expect((await activate(crossYear.id)).status).toBe(409);
    });

    it('refuses a second active policy of the district in the same year even on separate dates (409)', async () => {
      const firstHalf = await createPolicy({ year: 2037, periodStart: '2037-01-01', periodEnd: '2037-06-30' });
      const secondHalf = await createPolicy({ year: 2037, periodStart: '2037-07-01', periodEnd: '2037-12-31' });
      expect((await activate(firstHalf.id)).status).toBe(200);
      const res = await activate(secondHalf.id);
      expect(res.status).toBe(409);
      expect(res.body.details[0].policyId).toBe(firstHalf.id);
    });

    it('lets another district hold an active policy on the same dates', async () => {
      const haicang = await createPolicy({ year: 2038, periodStart: '2038-01-01', periodEnd: '2038-12-31' });
      const jimei = await createPolicy({ districtCode: '350211', year: 2038, periodStart: '2038-01-01', periodEnd: '2038-12-31' }, 'jm.officer');
      expect((await activate(haicang.id)).status).toBe(200);
      expect((await activate(jimei.id, 'jm.officer')).status).toBe(200);
    });

    it('turns the database constraint into 409 when a concurrent activation commits first', async () => {
      const first = await createPolicy({ year: 2039, periodStart: '2039-01-01', periodEnd: '2039-12-31' });
      const second = await createPolicy({ year: 2039, periodStart: '2039-03-01', periodEnd: '2039-12-31' });
      const headers = await as('hc.officer');
      const concurrent = t.db.createQueryRunner();
      await concurrent.connect();
      await concurrent.startTransaction();
      try {
        // Not yet committed: the service's own check cannot see it, only the constraint can.
        await concurrent.query("UPDATE policy SET status = 'active', activated_at = now() WHERE id = $1", [first.id]);
        const pending = t.http().post(`${API}/policies/${second.id}/activate`).set(headers).then((r) => r);
        await waitUntil(async () => {
          const [{ waiting }] = await t.db.query(
            "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
          return waiting > 0;
        });
        await concurrent.commitTransaction();
        const res = await pending;
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('CONFLICT');
      } finally {
        if (concurrent.isTransactionActive) await concurrent.rollbackTransaction();
        await concurrent.release();
      }
      const stored = await t.db.query('SELECT id, status FROM policy WHERE id = ANY($1) ORDER BY period_start', [[first.id, second.id]]);
      expect(stored).toEqual([{ id: first.id, status: 'active' }, { id: second.id, status: 'draft' }]);
    });
  });

  describe('read', () => {
    it('computes aggregateUsed from the approved amounts of the policy\'s claims', async () => {
      const policy = await createPolicy({ year: 2041, periodStart: '2041-01-01', periodEnd: '2041-12-31', aggregateLimit: '1000000.00' });
      expect((await activate(policy.id)).status).toBe(200);
      const other = await t.db.query("SELECT id FROM policy WHERE policy_no = 'PICC-ZZ-350205-2022'");
      const fire = policy.coverages.find((c) => c.eventType === 'fire')!;
      const [otherFire] = await t.db.query("SELECT id FROM coverage WHERE policy_id = $1 AND event_type = 'fire'", [other[0].id]);
      const residentId = await insertResident();
      await insertClaim(1, policy.id, fire.id, residentId, 'approved', 3_500_000n);
      await insertClaim(2, policy.id, fire.id, residentId, 'paid', 123_456n);
      await insertClaim(3, policy.id, fire.id, residentId, 'reported', null);
      await insertClaim(4, other[0].id, otherFire.id, residentId, 'approved', 99_900n);

      const res = await t.http().get(`${API}/policies/${policy.id}`).set(await as('hc.officer'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ aggregateLimit: '1000000.00', aggregateUsed: '36234.56', aggregateLeft: '963765.44' });
      const list = await t.http().get(`${API}/policies`).query({ districtCode: '350205', year: 2041 }).set(await as('hc.officer'));
      expect(list.body.items).toEqual([res.body]);
    });

    it('shows the demo cover growing from 6 events in 2018 to 21 in 2022, those years reported as expired', async () => {
      const headers = await as('hc.officer');
      const counts: number[] = [];
      for (const year of [2018, 2019, 2020, 2021, 2022]) {
        const res = await t.http().get(`${API}/policies`).query({ districtCode: '350205', year }).set(headers);
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
        expect(res.body.items[0].status).toBe('expired');
        counts.push(res.body.items[0].coverages.length);
      }
      expect(counts[0]).toBe(6);
      expect(counts[4]).toBe(21);
      expect([...counts].sort((a, b) => a - b)).toEqual(counts);
      const expired = await t.http().get(`${API}/policies`).query({ districtCode: '350205', status: 'expired' }).set(headers);
      expect(expired.body.items.map((p: PolicyBody) => p.year).filter((y: number) => y <= 2022)).toEqual([2022, 2021, 2020, 2019, 2018]);
    });

    it('pages the list', async () => {
      const headers = await as('admin');
      const all = await t.http().get(`${API}/policies`).query({ pageSize: 200 }).set(headers);
      const page = await t.http().get(`${API}/policies`).query({ page: 2, pageSize: 3 }).set(headers);
      expect(page.body).toMatchObject({ page: 2, pageSize: 3, total: all.body.total });
      expect(page.body.items.map((p: PolicyBody) => p.id)).toEqual(all.body.items.slice(3, 6).map((p: PolicyBody) => p.id));
    });
  });

  describe('scope', () => {
    it('hides another district\'s policy from its officer (404) and refuses to create one for it (403)', async () => {
      const policy = await createPolicy({ year: 2042, periodStart: '2042-01-01', periodEnd: '2042-12-31' });
      const jimei = await as('jm.officer');
      expect((await t.http().get(`${API}/policies/${policy.id}`).set(jimei)).status).toBe(404);
      const patch = await t.http().patch(`${API}/policies/${policy.id}`).set(jimei).send({ premium: '1.00' });
      expect(patch.status).toBe(404);
      expect(patch.body.code).toBe('NOT_FOUND');
      expect((await activate(policy.id, 'jm.officer')).status).toBe(404);
      const list = await t.http().get(`${API}/policies`).query({ pageSize: 200 }).set(jimei);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((p: PolicyBody) => p.districtCode === '350211')).toBe(true);
      expect((await t.http().get(`${API}/policies`).query({ districtCode: '350205' }).set(jimei)).body.total).toBe(0);

      const create = await t.http().post(`${API}/policies`).set(jimei).send(policyBody({ districtCode: '350205' }));
      expect(create.status).toBe(403);
      expect(create.body.code).toBe('FORBIDDEN');
      const stored = await t.db.query('SELECT premium, status FROM policy WHERE id = $1', [policy.id]);
      expect(stored[0]).toEqual({ premium: '210000000', status: 'draft' });
    });

    it('shows a street cadre only the activated policies of their district, read only', async () => {
      const draft = await createPolicy({ year: 2043, periodStart: '2043-01-01', periodEnd: '2043-12-31' });
      const active = await createPolicy({ year: 2044, periodStart: '2044-01-01', periodEnd: '2044-12-31' });
      expect((await activate(active.id)).status).toBe(200);
      const cadre = await as('hc.cadre1');
      expect((await t.http().get(`${API}/policies/${draft.id}`).set(cadre)).status).toBe(404);
      const shown = await t.http().get(`${API}/policies/${active.id}`).set(cadre);
      expect(shown.status).toBe(200);
      expect(shown.body.coverages.length).toBe(2);
      const list = await t.http().get(`${API}/policies`).query({ pageSize: 200 }).set(cadre);
      expect(list.body.items.map((p: PolicyBody) => p.id)).toContain(active.id);
      expect(list.body.items.every((p: PolicyBody) => p.districtCode === '350205' && p.status !== 'draft')).toBe(true);
      expect((await t.http().get(`${API}/policies/${active.id}`).set(await as('jm.cadre'))).status).toBe(404);

      expect((await t.http().post(`${API}/policies`).set(cadre).send(policyBody())).status).toBe(403);
      expect((await t.http().patch(`${API}/policies/${draft.id}`).set(cadre).send({ premium: '1.00' })).status).toBe(403);
      expect((await activate(draft.id, 'hc.cadre1')).status).toBe(403);
    });

    it('shows insurer staff their insurer\'s policies only, read only', async () => {
      const admin = await as('admin');
      const insurer = await t.http().post(`${API}/insurers`).set(admin).send({ name: '中国平安财产保险股份有限公司厦门分公司' });
      expect(insurer.status).toBe(201);
      const theirs = await createPolicy({ year: 2045, periodStart: '2045-01-01', periodEnd: '2045-12-31' });
      const others = await createPolicy({ year: 2045, periodStart: '2045-01-01', periodEnd: '2045-12-31', insurerId: insurer.body.id });
      expect(others.insurerName).toBe('中国平安财产保险股份有限公司厦门分公司');
      const adjuster = await as('picc.adjuster');
      expect((await t.http().get(`${API}/policies/${theirs.id}`).set(adjuster)).status).toBe(200);
      expect((await t.http().get(`${API}/policies/${others.id}`).set(adjuster)).status).toBe(404);
      const list = await t.http().get(`${API}/policies`).query({ year: 2045 }).set(adjuster);
      expect(list.body.items.map((p: PolicyBody) => p.id)).toEqual([theirs.id]);
      expect((await t.http().patch(`${API}/policies/${theirs.id}`).set(await as('picc.manager')).send({ premium: '1.00' })).status).toBe(403);
      expect((await activate(theirs.id, 'picc.manager')).status).toBe(403);
    });

    it('answers 404 for a policy that does not exist and 401 without a token', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await t.http().get(`${API}/policies/${missing}`).set(await as('admin'))).status).toBe(404);
      expect((await activate(missing, 'admin')).status).toBe(404);
      expect((await t.http().get(`${API}/policies`)).status).toBe(401);
    });
  });

  it('leaves an intact audit chain', async () => {
    const res = await t.http().get(`${API}/audit/verify`).set(await as('admin'));
    expect(res.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  async function insertResident(): Promise<string> {
    const [{ id }] = await t.db.query(
      `INSERT INTO resident (name, id_number_cipher, id_number_index, id_number_masked, phone_cipher, phone_index, phone_masked,
         key_id, district_code, street_code, address, cover_basis)
       VALUES ('陈测试', 'x', repeat('a', 64), '350205********0011', 'x', repeat('b', 64), '138****0000', 'k1',
         '350205', '350205001', '海沧街道测试路1号', 'registered') RETURNING id`);
    return id;
  }

  async function insertClaim(seq: number, policyId: string, coverageId: string, residentId: string, status: string, approvedFen: bigint | null) {
    const [{ reporter }] = await t.db.query("SELECT id AS reporter FROM app_user WHERE username = 'hc.cadre1'");
    await t.db.query(
      `INSERT INTO claim (claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type, resident_id,
         incident_date, incident_place, description, claimed_amount, payee_account_name, payee_bank_name, payee_account_cipher,
         payee_account_index, payee_account_masked, status, approved_amount, paid_amount, reported_by)
       VALUES ($1, '350205', 2041, $2, '350205001', $3, $4, $5, 'fire', $6, '2041-06-03', '新垵村', 'shop fire', 5000000,
         '陈测试', '中国银行', 'x', repeat('c', 64), '6217****0000', $7, $8, $9, $10)`,
      [`350205-2041-${String(seq).padStart(6, '0')}`, seq, policyId, DEMO_INSURER_ID, coverageId, residentId, status,
        approvedFen?.toString() ?? null, status === 'paid' ? approvedFen?.toString() : null, reporter]);
  }
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('policy reads in a fixed number of queries', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('lists seven policies with their coverages and use in as many queries as one', async () => {
    const admin = await t.login('admin');
    // The caller is read once and then kept in memory (CallerCache): read it now, so that neither count holds it.
    await t.http().get(`${API}/me`).set('Authorization', admin).expect(200);
    let seven: { items: { coverages: unknown[] }[] } = { items: [] };
    let one: { items: unknown[] } = { items: [] };
    const many = await queriesDuring(t.db, async () => { seven = (await t.http().get(`${API}/policies?pageSize=7`).set('Authorization', admin)).body; });
    const single = await queriesDuring(t.db, async () => { one = (await t.http().get(`${API}/policies?pageSize=1`).set('Authorization', admin)).body; });
    expect(seven.items).toHaveLength(7);
    expect(seven.items.every((p) => p.coverages.length > 0)).toBe(true);
    expect(one.items).toHaveLength(1);
    expect(many).toBeGreaterThan(0);
    expect(many).toBe(single);
  });
});
