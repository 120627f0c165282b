import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { DEMO_INSURER_ID } from '../seeds/demo-reference.js';
import { uniqueIdNumber, uniquePhone } from './support/fixtures.js';
import { ledgerFile } from './support/ledger-files.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

/**
 * Every unique key a client can send twice at once: ten parallel creates
 * with the same key give one success and nine 409 CONFLICT naming the field,
 * one row and one audit event, whatever the timing (issue 9, defect 3).
 */
const PARALLEL = 10;

interface Race {
  name: string;
  /** The i-th of the parallel requests; all carry the same key. */
  send: (i: number) => Promise<Response>;
  success: 200 | 201;
  field: string;
  /** Rows holding the key afterwards. */
  rows: () => Promise<number>;
  auditAction: string;
  /** Runs before the race (drafts to activate, say). */
  prepare?: () => Promise<void>;
}

describe('parallel creates with the same unique key', () => {
  let t: TestApp;
  const auth: Record<string, string> = {};
  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0].n as number;
  const auditCount = (action: string) => count('SELECT count(*)::int AS n FROM audit_event WHERE action = $1', [action]);

  beforeAll(async () => {
    t = await createTestApp();
    for (const user of ['admin', 'hc.officer', 'hc.cadre1']) auth[user] = await t.login(user);
  });
  afterAll(async () => { await t.close(); });

  const post = (path: string, user: string, body: object) => t.http().post(`${API}${path}`).set('Authorization', auth[user]).send(body);

  const idNumber = uniqueIdNumber();
  const draftIds: string[] = [];
  let ledger: Buffer;

  const races: Race[] = [
    {
      name: 'users (username, whatever its case)',
      send: (i) => post('/users', 'admin', {
        username: i % 2 ? 'race.cadre' : 'RACE.Cadre', password: 'a-long-password', displayName: `并发${i}`, role: 'street_cadre', streetCode: '350205001',
      }),
      success: 201, field: 'username', auditAction: 'user.create',
      rows: () => count(`SELECT count(*)::int AS n FROM app_user WHERE lower(username) = 'race.cadre'`),
    },
    {
      name: 'insurers (name)',
      send: (i) => post('/insurers', 'admin', { name: '并发财产保险股份有限公司', shortName: `并发${i}` }),
      success: 201, field: 'name', auditAction: 'insurer.create',
      rows: () => count(`SELECT count(*)::int AS n FROM insurer WHERE name = '并发财产保险股份有限公司'`),
    },
    {
      name: 'districts (code)',
      send: (i) => post('/districts', 'admin', { code: '350299', name: `并发区${i}` }),
      success: 201, field: 'code', auditAction: 'district.create',
      rows: () => count(`SELECT count(*)::int AS n FROM district WHERE code = '350299'`),
    },
    {
      name: 'streets (code)',
      send: (i) => post('/districts/350205/streets', 'hc.officer', { code: '350205099', name: `并发街道${i}` }),
      success: 201, field: 'code', auditAction: 'street.create',
      rows: () => count(`SELECT count(*)::int AS n FROM street WHERE code = '350205099'`),
    },
    {
      name: 'event types (code)',
      send: (i) => post('/event-types', 'admin', {
        code: 'race_event', nameZh: `并发事件${i}`, nameEn: `Race ${i}`, category: 'property', requiredDocuments: ['id_card'],
        defaults: { perClaimLimit: '1000', deductible: '0', payoutRatioBp: 10000, reportWindowDays: 30 },
      }),
      success: 201, field: 'code', auditAction: 'event_type.create',
      rows: () => count(`SELECT count(*)::int AS n FROM event_type WHERE code = 'race_event'`),
    },
    {
      name: 'policies (policy number)',
      send: () => post('/policies', 'hc.officer', policyBody({ policyNo: 'RACE-ZZ-350205-2044', year: 2044, periodStart: '2044-01-01', periodEnd: '2044-12-31' })),
      success: 201, field: 'policyNo', auditAction: 'policy.create',
      rows: () => count(`SELECT count(*)::int AS n FROM policy WHERE policy_no = 'RACE-ZZ-350205-2044'`),
    },
    {
      name: 'active policies (one per district and year)',
      prepare: async () => {
        for (let i = 0; i < PARALLEL; i++) {
          const res = await post('/policies', 'hc.officer', policyBody({ policyNo: `RACE-DRAFT-2045-${i}`, year: 2045, periodStart: '2045-01-01', periodEnd: '2045-12-31' }));
          expect(res.status).toBe(201);
          draftIds.push(res.body.id);
        }
      },
      send: (i) => post(`/policies/${draftIds[i]}/activate`, 'hc.officer', {}),
      success: 200, field: 'periodStart', auditAction: 'policy.activate',
      rows: () => count(`SELECT count(*)::int AS n FROM policy WHERE district_code = '350205' AND year = 2045 AND status = 'active'`),
    },
    {
      name: 'residents (ID number)',
      send: (i) => post('/residents', 'hc.cadre1', {
        name: '陈并发', idNumber, phone: uniquePhone(), streetCode: '350205001', address: `厦门市海沧区新垵村${i}号`, coverBasis: 'registered',
      }),
      success: 201, field: 'idNumber', auditAction: 'resident.create',
      rows: () => count('SELECT count(*)::int AS n FROM resident WHERE name = $1', ['陈并发']),
    },
    {
      name: 'ledger imports (the same file)',
      prepare: async () => {
        ledger = await ledgerFile([
          { 报案日期: '2019-04-02', 出险日期: '2019-04-01', 街道: '海沧街道', 姓名: '林并发', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
            事件类型: '火灾', 出险地点: '海沧街道温厝社区', 报损金额: 4000, 核定金额: 3600, 赔付金额: 3500, 赔付日期: '2019-04-22', 状态: '已赔付' },
        ]);
      },
      send: () => t.http().post(`${API}/imports/claims`).set('Authorization', auth['hc.officer'])
        .field('districtCode', '350205').field('year', '2019').attach('file', ledger, 'race.xlsx'),
      success: 201, field: 'file', auditAction: 'ledger.import',
      rows: () => count(`SELECT count(*)::int AS n FROM ledger_import WHERE file_name = 'race.xlsx'`),
    },
  ];

  function policyBody(overrides: Record<string, unknown>): Record<string, unknown> {
    return {
      districtCode: '350205', insurerId: DEMO_INSURER_ID, premium: '2100000.00', aggregateLimit: '5200000.00', fourEyesThreshold: '50000.00',
      coverages: [{ eventType: 'fire' }, { eventType: 'burglary' }],
      ...overrides,
    };
  }

  it.each(races.map((race) => [race.name, race] as const))('%s: one success, the rest 409 CONFLICT, one row, one audit event', async (_name, race) => {
    await race.prepare?.();
    const auditBefore = await auditCount(race.auditAction);
    const responses = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => race.send(i)));

    const statuses = responses.map((res) => res.status).sort();
    expect(statuses).toEqual([race.success, ...Array(PARALLEL - 1).fill(409)]);
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(res.body).toMatchObject({ statusCode: 409, code: 'CONFLICT', details: [expect.objectContaining({ field: race.field })] });
    }
    expect(await race.rows()).toBe(1);
    expect(await auditCount(race.auditAction)).toBe(auditBefore + 1);
  });

  it('leaves the audit chain whole', async () => {
    const res = await t.http().get(`${API}/audit/verify`).set('Authorization', auth.admin);
    expect(res.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
