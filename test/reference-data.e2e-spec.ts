import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_INSURER_ID } from '../seeds/demo-reference.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

type Method = 'get' | 'post' | 'patch';

describe('users and reference data, role by role', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    auth = {};
    for (const u of ['admin', 'hc.officer', 'jm.officer', 'hc.cadre1', 'picc.adjuster', 'picc.manager']) auth[u] = await t.login(u);
  });
  afterAll(async () => { await t.close(); });

  const call = (method: Method, path: string, as: string, body?: object) => {
    const req = t.http()[method](`${API}${path}`).set('Authorization', auth[as]);
    return body ? req.send(body) : req;
  };

  it.each<[string, Method, string]>([
    ['hc.cadre1', 'get', '/users'],
    ['picc.adjuster', 'get', '/users'],
    ['picc.manager', 'post', '/users'],
    ['hc.cadre1', 'post', '/districts'],
    ['hc.officer', 'post', '/districts'],
    ['hc.officer', 'post', '/insurers'],
    ['picc.manager', 'post', '/event-types'],
    ['hc.cadre1', 'post', '/districts/350205/streets'],
    ['picc.adjuster', 'post', '/districts/350205/streets'],
  ])('%s may not %s %s (403 FORBIDDEN)', async (as, method, path) => {
    const res = await call(method, path, as, {});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('every authenticated role reads the event catalogue in catalogue order', async () => {
    for (const as of Object.keys(auth)) {
      const res = await call('get', '/event-types', as);
      expect(res.status).toBe(200);
      expect(res.body[0]).toEqual({
        code: 'burglary', nameZh: '入室盗窃', nameEn: 'Burglary of a home', category: 'property',
        requiredDocuments: ['id_card', 'police_report', 'loss_list', 'bank_card'],
        defaults: { perClaimLimit: '10000.00', deductible: '200.00', payoutRatioBp: 10000, reportWindowDays: 30 },
      });
    }
  });

  it('districts: admin sees all, an officer or cadre their own, the insurer where it holds policies', async () => {
    const codes = async (as: string) => (await call('get', '/districts', as)).body.map((d: { code: string }) => d.code);
    expect(await codes('admin')).toEqual(['350205', '350211']);
    expect(await codes('hc.officer')).toEqual(['350205']);
    expect(await codes('hc.cadre1')).toEqual(['350205']);
    expect(await codes('picc.adjuster')).toEqual(['350205', '350211']);
  });

  it('streets of another district are 404 for an officer, visible to admin', async () => {
    expect((await call('get', '/districts/350211/streets', 'hc.officer')).status).toBe(404);
    const res = await call('get', '/districts/350211/streets', 'admin');
    expect(res.status).toBe(200);
    expect(res.body.map((s: { name: string }) => s.name)).toEqual(['集美街道', '侨英街道', '杏林街道', '杏滨街道', '灌口镇', '后溪镇']);
  });

  it('an officer adds a street to their own district but not to another (404)', async () => {
    const ok = await call('post', '/districts/350205/streets', 'hc.officer', { code: '350205005', name: '测试街道' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ code: '350205005', name: '测试街道', districtCode: '350205' });
    expect((await call('post', '/districts/350211/streets', 'hc.officer', { code: '350211200', name: '越权街道' })).status).toBe(404);
    const wrongPrefix = await call('post', '/districts/350205/streets', 'hc.officer', { code: '350211201', name: '错码' });
    expect(wrongPrefix.status).toBe(400);
    expect((await call('post', '/districts/350205/streets', 'hc.officer', { code: '350205005', name: '重复' })).status).toBe(409);
  });

  it('admin creates districts and insurers; duplicates are 409 CONFLICT', async () => {
    expect((await call('post', '/districts', 'admin', { code: '350203', name: '思明区' })).status).toBe(201);
    const dup = await call('post', '/districts', 'admin', { code: '350203', name: '思明区' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CONFLICT');
    const insurer = await call('post', '/insurers', 'admin', { name: '中国平安财产保险股份有限公司厦门分公司', shortName: '平安产险' });
    expect(insurer.status).toBe(201);
    expect((await call('get', '/insurers', 'hc.officer')).body).toHaveLength(2);
    expect((await call('get', '/insurers', 'picc.adjuster')).body.map((i: { id: string }) => i.id)).toEqual([DEMO_INSURER_ID]);
  });

  it('admin adds an event type to the catalogue', async () => {
    const res = await call('post', '/event-types', 'admin', {
      code: 'school_student_accident', nameZh: '中小学生意外伤害', nameEn: 'Accident of a school student', category: 'person',
      requiredDocuments: ['id_card', 'student_card', 'medical_invoice', 'bank_card'],
      defaults: { perClaimLimit: '20000', deductible: '0', payoutRatioBp: 8000, reportWindowDays: 30 },
    });
    expect(res.status).toBe(201);
    expect(res.body.defaults).toEqual({ perClaimLimit: '20000.00', deductible: '0.00', payoutRatioBp: 8000, reportWindowDays: 30 });
    const list = (await call('get', '/event-types', 'hc.cadre1')).body;
    expect(list).toHaveLength(22);
    expect(list[21].code).toBe('school_student_accident');
  });

  describe('editing an event type', () => {
    it('admin changes names, documents and defaults; the change is audited; policies keep their coverage copies', async () => {
      const policies = (await call('get', '/policies?districtCode=350205', 'hc.officer')).body.items as { id: string }[];
      expect(policies.length).toBeGreaterThan(0);
      // The terms are the policy's copies; the display names are the catalogue's.
      const coverageOf = async () => {
        const coverages = (await call('get', `/policies/${policies[0].id}`, 'hc.officer')).body.coverages as { eventType: string; nameZh?: string }[];
        const { nameZh: _name, ...terms } = coverages.find((c) => c.eventType === 'fire') ?? { eventType: 'missing' };
        return terms;
      };
      const before = await coverageOf();
      expect(before).toMatchObject({ perClaimLimit: '50000.00', payoutRatioBp: 10000 });

      const res = await call('patch', '/event-types/fire', 'admin', {
        nameZh: '火灾事故', requiredDocuments: ['id_card', 'police_report', 'id_card'], defaults: { perClaimLimit: '88888.00', payoutRatioBp: 7000 },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code: 'fire', nameZh: '火灾事故', requiredDocuments: ['id_card', 'police_report'] });
      expect(res.body.defaults).toMatchObject({ perClaimLimit: '88888.00', payoutRatioBp: 7000 });
      const listed = ((await call('get', '/event-types', 'hc.cadre1')).body as { code: string; nameZh: string }[]).find((e) => e.code === 'fire');
      expect(listed?.nameZh).toBe('火灾事故');
      expect(await coverageOf()).toEqual(before);

      const audit = (await call('get', '/audit?entity=event_type&entityId=fire', 'admin')).body.items as { action: string; data: { before: { nameZh: string }; after: { nameZh: string } } }[];
      const entry = audit.find((a) => a.action === 'event_type.update');
      expect(entry?.data.before.nameZh).toBe('火灾');
      expect(entry?.data.after.nameZh).toBe('火灾事故');
    });

    it.each<[string, object, string]>([
      ['a null name', { nameZh: null }, 'nameZh'],
      ['an unknown field', { code: 'fire2' }, 'code'],
      ['a zero limit', { defaults: { perClaimLimit: '0.00' } }, 'defaults.perClaimLimit'],
      ['a ratio above 100 %', { defaults: { payoutRatioBp: 10001 } }, 'defaults.payoutRatioBp'],
    ])('%s is 400 naming the field', async (_, body, field) => {
      const res = await call('patch', '/event-types/burglary', 'admin', body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('an unknown code is 404; a manager may not edit (403)', async () => {
      expect((await call('patch', '/event-types/no_such_event', 'admin', { nameEn: 'x' })).status).toBe(404);
      expect((await call('patch', '/event-types/burglary', 'picc.manager', { nameEn: 'x' })).status).toBe(403);
    });
  });

  describe('users', () => {
    it('an officer creates cadres of their own district only', async () => {
      const ok = await call('post', '/users', 'hc.officer', { username: 'hc.new', password: 'cadre-password-1', displayName: '新干部', role: 'street_cadre', streetCode: '350205002' });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ username: 'hc.new', role: 'street_cadre', districtCode: '350205', streetCode: '350205002', active: true });
      expect(ok.body.password).toBeUndefined();
      const other = await call('post', '/users', 'hc.officer', { username: 'hc.bad', password: 'cadre-password-1', displayName: 'x', role: 'street_cadre', streetCode: '350211001' });
      expect(other.status).toBe(400);
      const officer = await call('post', '/users', 'hc.officer', { username: 'hc.boss', password: 'cadre-password-1', displayName: 'x', role: 'district_officer', districtCode: '350205' });
      expect(officer.status).toBe(403);
    });

    it('lists users in scope: the officer sees their district cadres, admin everyone', async () => {
      const mine = await call('get', '/users?pageSize=200', 'hc.officer');
      expect(mine.status).toBe(200);
      expect(mine.body.items.every((u: { districtCode: string; role: string }) => u.districtCode === '350205' && u.role === 'street_cadre')).toBe(true);
      expect(mine.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['hc.cadre1', 'hc.cadre2', 'xy.cadre']));
      const all = await call('get', '/users?pageSize=200', 'admin');
      expect(all.body.total).toBeGreaterThan(mine.body.total);
      expect(all.body).toMatchObject({ page: 1, pageSize: 200 });
    });

    it('an officer cannot touch a user outside their scope (404)', async () => {
      const jmCadre = (await call('get', '/users?pageSize=200', 'jm.officer')).body.items.find((u: { username: string }) => u.username === 'jm.cadre');
      expect((await call('patch', `/users/${jmCadre.id}`, 'hc.officer', { displayName: '越权' })).status).toBe(404);
      expect((await call('patch', `/users/${jmCadre.id}`, 'jm.officer', { displayName: '吴综治(集美)' })).status).toBe(200);
    });

    it('checks role-specific fields', async () => {
      const base = { password: 'a-long-password', displayName: 'x' };
      const cases: [object, string][] = [
        [{ ...base, username: 'user1', role: 'street_cadre' }, 'streetCode'],
        [{ ...base, username: 'user2', role: 'insurer_adjuster', insurerId: DEMO_INSURER_ID }, 'approvalLimit'],
        [{ ...base, username: 'user3', role: 'insurer_adjuster', approvalLimit: '100.00' }, 'insurerId'],
        [{ ...base, username: 'user4', role: 'district_officer' }, 'districtCode'],
        [{ ...base, username: 'user5', role: 'admin', streetCode: '350205001' }, 'streetCode'],
        [{ ...base, username: 'user6', role: 'insurer_manager', insurerId: DEMO_INSURER_ID, approvalLimit: 5000 }, 'approvalLimit'],
        [{ ...base, username: 'user7', role: 'superuser' }, 'role'],
      ];
      for (const [body, field] of cases) {
        const res = await call('post', '/users', 'admin', body);
        expect(res.status).toBe(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    });

    it('usernames are unique regardless of case (409)', async () => {
      const res = await call('post', '/users', 'admin', { username: 'HC.CADRE1', password: 'a-long-password', displayName: 'x', role: 'street_cadre', streetCode: '350205001' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONFLICT');
    });

    it('admin raises an adjuster approval limit; a cadre has none', async () => {
      const users = (await call('get', '/users?pageSize=200', 'admin')).body.items;
      const adjuster = users.find((u: { username: string }) => u.username === 'picc.adjuster');
      const cadre = users.find((u: { username: string }) => u.username === 'hc.cadre2');
      const raised = await call('patch', `/users/${adjuster.id}`, 'admin', { approvalLimit: '80000.5' });
      expect(raised.status).toBe(200);
      expect(raised.body.approvalLimit).toBe('80000.50');
      expect((await call('patch', `/users/${cadre.id}`, 'admin', { approvalLimit: '1.00' })).status).toBe(400);
    });
  });
});
