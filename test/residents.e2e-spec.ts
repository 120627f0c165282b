import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createResident, uniqueIdNumber, uniquePhone } from './support/fixtures.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

describe('residents', () => {
  let t: TestApp;
  let cadre: string;
  let otherCadre: string;
  let officer: string;
  beforeAll(async () => {
    t = await createTestApp();
    cadre = await t.login('hc.cadre1');
    otherCadre = await t.login('xy.cadre');
    officer = await t.login('hc.officer');
  });
  afterAll(async () => { await t.close(); });

  const post = (auth: string, body: unknown) => t.http().post(`${API}/residents`).set('Authorization', auth).send(body as object);
  const valid = (overrides: Record<string, unknown> = {}) => ({
    name: '林志强', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001',
    address: '海沧街道海虹路1号', coverBasis: 'worker', ...overrides,
  });

  describe('POST /residents', () => {
    it('registers a resident and answers only masked ID number and phone', async () => {
      const input = valid({ idNumber: '35020519880808100X', phone: '13812345678' });
      const res = await post(cadre, input);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String), name: '林志强', idNumberMasked: '350205********100X', phoneMasked: '138****5678',
        districtCode: '350205', streetCode: '350205001', address: '海沧街道海虹路1号', coverBasis: 'worker',
        createdAt: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toContain('35020519880808100X');
      expect(JSON.stringify(res.body)).not.toContain('13812345678');
    });

    it('stores the ID number and phone encrypted with a key id, a blind index and the mask', async () => {
      const { resident, input } = await createResident(t, cadre);
      const [row] = await t.db.query('SELECT * FROM resident WHERE id = $1', [resident.id]);
      expect(row.id_number_cipher).toMatch(/^k1:[^:]+:[^:]+:[^:]+$/);
      expect(row.phone_cipher).toMatch(/^k1:/);
      expect(row.key_id).toBe('k1');
      expect(row.id_number_index).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id_number_masked).toBe(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
      expect(JSON.stringify(row)).not.toContain(input.idNumber);
      expect(JSON.stringify(row)).not.toContain(input.phone);
    });

    it('accepts a lower-case x and full-width digits and keeps the canonical number', async () => {
      const canonical = '35021120010312103X';
      const fullWidth = canonical.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('X', 'x');
      const res = await post(officer, valid({ idNumber: fullWidth, streetCode: '350205003' }));
      expect(res.status).toBe(201);
      expect(res.body.idNumberMasked).toBe('350211********103X');
      const reveal = await t.http().post(`${API}/residents/${res.body.id}/reveal`).set('Authorization', officer);
      expect(reveal.body.idNumber).toBe(canonical);
    });

    it('refuses the same ID number twice with 409 naming the existing resident, whatever street', async () => {
      const { resident, input } = await createResident(t, cadre);
      const again = await post(otherCadre, valid({ idNumber: input.idNumber.toLowerCase(), streetCode: '350205002' }));
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'idNumber', residentId: resident.id }] });
      expect(JSON.stringify(again.body)).not.toContain(input.idNumber);
    });

    it('registers the same person once when two requests race', async () => {
      const body = valid();
      const results = await Promise.all([post(cadre, body), post(cadre, body), post(officer, body)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const created = results.find((r) => r.status === 201)!.body.id;
      for (const conflict of results.filter((r) => r.status === 409)) expect(conflict.body.details[0].residentId).toBe(created);
    });

    it.each([
      ['a wrong check character', '350205198808081001', 'check character'],
      ['an impossible birth date', '350205198802301008', 'impossible birth date'],
      ['17 characters', '35020519880808100', '18 characters'],
      ['letters', '3502051988080810AX', '17 digits'],
      ['10 000 characters', '3'.repeat(10_000), 'GB 11643'],
    ])('rejects an ID number with %s (400, without echoing it)', async (_name, idNumber, reason) => {
      const res = await post(cadre, valid({ idNumber }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([{ field: 'idNumber', message: expect.stringContaining(reason) }]);
      expect(JSON.stringify(res.body)).not.toContain(idNumber.slice(0, 17));
    });

    it.each([
      ['a bad phone', { phone: '1381234567' }, 'phone'],
      ['a phone as a number', { phone: 13812345678 }, 'phone'],
      ['an unknown cover basis', { coverBasis: 'tourist' }, 'coverBasis'],
      ['an unknown field', { nationality: 'CN' }, 'nationality'],
      ['a 10 000-character name', { name: '张'.repeat(10_000) }, 'name'],
      ['a 10 000-character address', { address: 'a'.repeat(10_000) }, 'address'],
      ['an empty name', { name: '' }, 'name'],
      ['a blank address', { address: ' \t ' }, 'address'],
      ['a street code that is not 9 digits', { streetCode: '35020500' }, 'streetCode'],
      ['an ID number as a number', { idNumber: 350205198808081000 }, 'idNumber'],
      ['a null name', { name: null }, 'name'],
    ])('rejects %s with 400', async (_name, overrides, field) => {
      const res = await post(cadre, valid(overrides));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('rejects a JSON array body with 400', async () => {
      const res = await post(cadre, [valid()]);
      expect(res.status).toBe(400);
    });

    it('keeps names with characters outside the BMP', async () => {
      const res = await post(cadre, valid({ name: '𠮷野家 王🙂' }));
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('𠮷野家 王🙂');
    });

    it.each([
      ['a cadre for another street of the district', 'hc.cadre1', '350205002', 'RESIDENT_OUT_OF_STREET'],
      ['a cadre for a street of another district', 'hc.cadre1', '350211001', 'RESIDENT_OUT_OF_STREET'],
      ['an officer for another district', 'hc.officer', '350211001', 'RESIDENT_OUT_OF_DISTRICT'],
    ])('refuses %s with 422 and writes nothing', async (_name, username, streetCode, rule) => {
      const input = valid({ streetCode });
      const res = await post(await t.login(username), input);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', details: [{ field: rule, streetCode }] });
      const lookup = await t.http().get(`${API}/residents`).set('Authorization', await t.login('admin')).query({ idNumber: input.idNumber });
      expect(lookup.body.total).toBe(0);
    });

    it('refuses a street that does not exist with 400', async () => {
      const res = await post(await t.login('hc.officer'), valid({ streetCode: '350205999' }));
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('streetCode');
    });

    it.each(['picc.adjuster', 'picc.manager', 'admin'])('is forbidden to %s', async (username) => {
      const res = await post(await t.login(username), valid());
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('needs a token', async () => {
      expect((await t.http().post(`${API}/residents`).send(valid())).status).toBe(401);
    });

    it('audits the registration without the plaintext', async () => {
      const { resident, input } = await createResident(t, cadre);
      const events = await t.db.query(`SELECT action, data FROM audit_event WHERE entity = 'resident' AND entity_id = $1`, [resident.id]);
      expect(events).toEqual([{ action: 'resident.create', data: expect.objectContaining({ idNumberMasked: resident.idNumberMasked }) }]);
      expect(JSON.stringify(events)).not.toContain(input.idNumber);
      expect(JSON.stringify(events)).not.toContain(input.phone);
    });
  });

  describe('GET /residents', () => {
    let haicang: { id: string; idNumber: string };
    let xinyang: { id: string; idNumber: string };
    let jimei: { id: string; idNumber: string };
    beforeAll(async () => {
      const a = await createResident(t, cadre, { name: '郑海燕' });
      const b = await createResident(t, otherCadre, { name: '郑海燕', streetCode: '350205002' });
      const c = await createResident(t, await t.login('jm.cadre'), { name: '郑海燕', streetCode: '350211001' });
      haicang = { id: a.resident.id, idNumber: a.input.idNumber };
      xinyang = { id: b.resident.id, idNumber: b.input.idNumber };
      jimei = { id: c.resident.id, idNumber: c.input.idNumber };
    });

    const list = (auth: string, query: Record<string, string | number>) =>
      t.http().get(`${API}/residents`).set('Authorization', auth).query(query);
    const ids = (body: { items: { id: string }[] }) => body.items.map((r) => r.id).sort();

    it('finds a resident by exact ID number through the blind index, in any letter case', async () => {
      const res = await list(cadre, { idNumber: haicang.idNumber.toLowerCase() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 50, items: [{ id: haicang.id }] });
    });

    it('does not find a resident of another street for a cadre, even by ID number', async () => {
      expect((await list(cadre, { idNumber: xinyang.idNumber })).body.total).toBe(0);
    });

    it('scopes the name search: cadre to the street, officer to the district, admin to everything', async () => {
      expect(ids((await list(cadre, { name: '郑海燕' })).body)).toEqual([haicang.id]);
      expect(ids((await list(officer, { name: '海燕' })).body)).toEqual([haicang.id, xinyang.id].sort());
      expect(ids((await list(await t.login('admin'), { name: '郑海燕' })).body)).toEqual([haicang.id, xinyang.id, jimei.id].sort());
    });

    it('filters by street', async () => {
      expect(ids((await list(officer, { name: '郑海燕', streetCode: '350205002' })).body)).toEqual([xinyang.id]);
    });

    it('is forbidden to insurer staff', async () => {
      expect((await list(await t.login('picc.adjuster'), {})).status).toBe(403);
    });

    it.each([
      ['pageSize over 200', { pageSize: 500 }],
      ['a 10 000-character name', { name: 'x'.repeat(10_000) }],
      ['a bad street code', { streetCode: 'abc' }],
      ['an unknown parameter', { sort: 'name' }],
    ])('rejects %s with 400', async (_name, query) => {
      const res = await list(cadre, query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('GET /residents/:id is scoped like the list', async () => {
      expect((await t.http().get(`${API}/residents/${haicang.id}`).set('Authorization', cadre)).status).toBe(200);
      expect((await t.http().get(`${API}/residents/${xinyang.id}`).set('Authorization', cadre)).status).toBe(404);
      expect((await t.http().get(`${API}/residents/not-a-uuid`).set('Authorization', cadre)).status).toBe(400);
    });
  });

  describe('POST /residents/:id/reveal', () => {
    const reveal = (auth: string, id: string) => t.http().post(`${API}/residents/${id}/reveal`).set('Authorization', auth);

    it('gives the street cadres and the district officer the plaintext, and audits who looked', async () => {
      const { resident, input } = await createResident(t, cadre);
      for (const username of ['hc.cadre1', 'hc.cadre2', 'hc.officer']) {
        const res = await reveal(await t.login(username), resident.id);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ idNumber: input.idNumber, phone: input.phone });
        expect(res.headers['cache-control']).toBe('no-store');
      }
      const events = await t.db.query(
        `SELECT e.actor_id, u.username, e.data FROM audit_event e JOIN app_user u ON u.id = e.actor_id
          WHERE e.action = 'resident.reveal' AND e.entity_id = $1 ORDER BY e.seq`, [resident.id]);
      expect(events.map((e: { username: string }) => e.username)).toEqual(['hc.cadre1', 'hc.cadre2', 'hc.officer']);
      expect(JSON.stringify(events)).not.toContain(input.idNumber);
      expect(JSON.stringify(events)).not.toContain(input.phone);
    });

    it('is 404 for a cadre of another street and for the officer of another district', async () => {
      const { resident } = await createResident(t, cadre);
      expect((await reveal(otherCadre, resident.id)).status).toBe(404);
      expect((await reveal(await t.login('jm.officer'), resident.id)).status).toBe(404);
    });

    it.each(['admin', 'picc.adjuster', 'picc.manager'])('is forbidden to %s', async (username) => {
      const { resident } = await createResident(t, cadre);
      expect((await reveal(await t.login(username), resident.id)).status).toBe(403);
    });

    it('records nothing when refused', async () => {
      const { resident } = await createResident(t, cadre);
      await reveal(otherCadre, resident.id);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'resident.reveal' AND entity_id = $1`, [resident.id]);
      expect(count).toBe(0);
    });
  });
});
