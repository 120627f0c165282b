import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { AppConfig } from '../src/config/config.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { registerResident, verifiedFireClaim } from './support/workflow-steps.js';
import { PNG_BYTES } from './support/fixtures.js';

/** Regression tests for issue 9, defects 1, 2, 4 and 7: bad input is a 4xx naming the field, never a 500. */
describe('input hardening', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => { await t.close(); });

  function expectValidationError(res: Response, field: string): void {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  }

  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  describe('deeply nested JSON (defect 1)', () => {
    it('refuses 500,000 levels on /auth/login with 400 before anything else looks at it', async () => {
      const res = await t.http().post(`${API}/auth/login`).set('content-type', 'application/json').send(nested(500_000));
      expectValidationError(res, 'body');
      expect(res.body.details[0].message).toMatch(/deeper than 32/);
    });

    it('refuses 33 levels on an authenticated route, and judges 32 levels by the DTO as usual', async () => {
      const deep = await t.http().post(`${API}/districts`).set('Authorization', admin).set('content-type', 'application/json')
        .send(`{"code":"350299","name":${nested(32)}}`);
      expectValidationError(deep, 'body');
      const allowed = await t.http().post(`${API}/districts`).set('Authorization', admin).set('content-type', 'application/json')
        .send(`{"code":"350299","name":${nested(31)}}`);
      expectValidationError(allowed, 'name');
    });

    it('counts brackets inside strings as text', async () => {
      const res = await t.http().post(`${API}/districts`).set('Authorization', admin)
        .send({ code: '350298', name: `{"\\"${'['.repeat(40)}` });
      expect(res.status).toBe(201);
    });
  });

  describe('null in optional fields (defect 2)', () => {
    let adjusterId: string;
    beforeAll(async () => {
      adjusterId = (await t.http().get(`${API}/me`).set('Authorization', await t.login('picc.adjuster'))).body.id;
    });

    it.each(['active', 'displayName', 'approvalLimit'])('PATCH /users/:id (an adjuster) with %s: null is 400 naming it', async (field) => {
      const res = await t.http().patch(`${API}/users/${adjusterId}`).set('Authorization', admin).send({ [field]: null });
      expectValidationError(res, field);
    });

    it('POST /event-types without defaults is 400 naming defaults', async () => {
      const res = await t.http().post(`${API}/event-types`).set('Authorization', admin).send({
        code: 'school_student_accident', nameZh: '中小学生意外伤害', nameEn: 'School student accident',
        category: 'person', requiredDocuments: ['id_card'],
      });
      expectValidationError(res, 'defaults');
    });

    it('POST /claims/:id/assessment with amount null is 400 naming amount, and the claim stays verified', async () => {
      const residentId = await registerResident(t);
      const claim = await verifiedFireClaim(t, residentId, { claimedAmount: '3000.00', verifiedLoss: '3000.00' });
      const auth = await t.login('picc.adjuster');
      const res = await t.http().post(`${API}/claims/${claim.id}/assessment`).set('Authorization', auth).send({ amount: null });
      expectValidationError(res, 'amount');
      const after = await t.http().get(`${API}/claims/${claim.id}`).set('Authorization', auth);
      expect(after.body.status).toBe('verified');
    });
  });

  describe('NUL and lone surrogates (defect 4)', () => {
    it.each([['NUL', 'a\u0000b'], ['a lone high surrogate', 'a\ud800b'], ['a lone low surrogate', '\udc00']])(
      'in a body field (%s) is 400 naming the field', async (_, text) => {
        const res = await t.http().post(`${API}/districts`).set('Authorization', admin).send({ code: '350297', name: text });
        expectValidationError(res, 'name');
      });

    it('in a nested body field is 400 naming its path', async () => {
      const res = await t.http().post(`${API}/claims`).set('Authorization', await t.login('hc.cadre1'))
        .send({ payee: { accountName: '陈\u0000建国' } });
      expectValidationError(res, 'payee.accountName');
    });

    it.each([
      ['/claims?q=%00', 'q'],
      ['/residents?name=a%00', 'name'],
      ['/audit?entityId=%00', 'entityId'],
      ['/districts/35%0005/streets', 'path'],
    ])('in %s is 400 naming %s', async (path, field) => {
      const res = await t.http().get(`${API}${path}`).set('Authorization', admin);
      expectValidationError(res, field);
    });

    it('a paired surrogate (an emoji) is ordinary text', async () => {
      const res = await t.http().get(`${API}/residents?name=${encodeURIComponent('陈😀')}`).set('Authorization', admin);
      expect(res.status).toBe(200);
    });
  });

  // Found by the fuzz tests (test/fuzz-*.e2e-spec.ts): each was a 400 whose details named nothing.
  describe('malformed path segments', () => {
    it.each([
      ['/claims/not-a-uuid', 'id'],
      ['/claims/00000000-0000-0000-0000-00000000000/notice.pdf', 'id'],
      ['/residents/1', 'id'],
    ])('GET %s is 400 naming %s', async (path, field) => {
      const res = await t.http().get(`${API}${path}`).set('Authorization', admin);
      expectValidationError(res, field);
    });

    it('names docId when the document id is no UUID', async () => {
      const res = await t.http().get(`${API}/claims/${randomUUID()}/documents/x`).set('Authorization', admin);
      expectValidationError(res, 'docId');
    });

    it.each([
      ['a second file', (r: Test) => r.field('type', 'photo').attach('file', PNG_BYTES, 'a.png').attach('file', PNG_BYTES, 'b.png'), 'body'],
      ['a form field without a name', (r: Test) => r.field('type', 'photo').field('', 'x').attach('file', PNG_BYTES, 'a.png'), 'body'],
    ])('a multipart upload with %s is 400 naming %s', async (_, build, field) => {
      const res = await build(t.http().post(`${API}/claims/${randomUUID()}/documents`).set('Authorization', await t.login('hc.cadre1')));
      expectValidationError(res, field);
    });

    it.each(['%zz', '%E0%A4%A', '%'])('a path segment %s that is not percent-encoded UTF-8 is 400 naming the path', async (segment) => {
      const res = await t.http().put(`${API}/calendar/${segment}`).set('Authorization', admin).send({ holidays: [], workdays: [] });
      expectValidationError(res, 'path');
    });
  });

  describe('token claims (defect 7)', () => {
    let secret: string;
    let adminId: string;
    beforeAll(async () => {
      secret = t.app.get(AppConfig).JWT_SECRET;
      adminId = (await t.http().get(`${API}/me`).set('Authorization', admin)).body.id;
    });

    /** An HS256 token signed with the app's own secret, so only its claims are wrong. */
    function signed(claims: Record<string, unknown>): string {
      const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
      return `Bearer ${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    }
    const exp = () => Math.floor(Date.now() / 1000) + 600;

    it('accepts a well-formed signed token (the helper signs like the app)', async () => {
      const res = await t.http().get(`${API}/me`).set('Authorization', signed({ sub: adminId, exp: exp() }));
      expect(res.status).toBe(200);
    });

    it.each([
      ['without sub', () => ({ exp: exp() })],
      ['with a sub that is not a UUID', () => ({ sub: 'admin', exp: exp() })],
      ['with an object sub', () => ({ sub: { id: randomUUID() }, exp: exp() })],
      ['with a numeric sub', () => ({ sub: 42, exp: exp() })],
      ['without exp', () => ({ sub: adminId })],
    ])('refuses a token %s with 401', async (_, claims) => {
      const res = await t.http().get(`${API}/me`).set('Authorization', signed(claims()));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    });
  });
});
