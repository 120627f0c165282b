import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { withClient } from '../src/database/pg-client.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

describe('malformed requests', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => { t = await createTestApp(); admin = await t.login('admin'); });
  afterAll(async () => { await t.close(); });

  const post = (path: string) => t.http().post(`${API}${path}`).set('Authorization', admin);

  it('rejects unknown fields with 400 and names them', async () => {
    const res = await post('/districts').send({ code: '350206', name: '湖里区', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400, code: 'VALIDATION_FAILED', message: 'Validation failed',
      details: [{ field: 'isAdmin', message: 'property isAdmin should not exist' }],
    });
  });

  it('rejects wrong types, huge strings and bad codes with one detail per problem', async () => {
    const res = await post('/districts').send({ code: 350206, name: '区'.repeat(10_000) });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'name']);
  });

  it('answers broken JSON with 400 in the error body, without a stack trace', async () => {
    const res = await post('/districts').set('Content-Type', 'application/json').send('{"code": "350206",');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|node_modules/);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await post('/districts').set('Content-Type', 'application/json').send(JSON.stringify({ code: '350206', name: 'x'.repeat(2_000_000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects a pageSize over 200 and non-numeric pages', async () => {
    for (const query of ['pageSize=201', 'page=abc', 'page=0', 'pageSize=-5']) {
      const res = await t.http().get(`${API}/users?${query}`).set('Authorization', admin);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers unknown routes and malformed ids with the error body', async () => {
    const missing = await t.http().get(`${API}/no-such-thing`).set('Authorization', admin);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const badId = await t.http().patch(`${API}/users/not-a-uuid`).set('Authorization', admin).send({});
    expect(badId.status).toBe(400);
    expect(badId.body.code).toBe('VALIDATION_FAILED');
  });

  it('accepts and stores unicode names', async () => {
    const res = await post('/districts').send({ code: '350206', name: '湖里区 🏙️ Ω' });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('湖里区 🏙️ Ω');
  });

  it('sets security headers and a request id', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('gives a JSON answer the weak ETag Express would, and 304 to a request that already has it', async () => {
    const first = await t.http().get(`${API}/me`).set('Authorization', admin);
    const body = Buffer.from(JSON.stringify(first.body));
    const expected = `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;
    expect(first.headers.etag).toBe(expected);
    const again = await t.http().get(`${API}/me`).set('Authorization', admin).set('If-None-Match', expected);
    expect(again.status).toBe(304);
  });

  it('parses bodies once: Nest adds no parsers of its own beside the screened ones', () => {
    const layers = t.app.getHttpAdapter().getInstance().router.stack as { handle?: { name?: string } }[];
    expect(layers.filter((layer) => ['jsonParser', 'urlencodedParser'].includes(layer.handle?.name ?? '')).length).toBe(2);
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/event-types', '/health/ready']));
    expect(res.body.components.securitySchemes.bearer).toBeDefined();
    const claimList = res.body.paths['/api/v1/claims'].get.responses['200'].content['application/json'].schema;
    expect(claimList.properties.items.items.$ref).toBe('#/components/schemas/ClaimListItemResponse');
    expect(res.body.components.schemas.CreateClaimDto.properties.claimedAmount.example).toBe('35000.00');
    expect((await t.http().get('/docs')).status).toBe(200);
  });

  it('records every write in the audit log with a valid chain', async () => {
    const events = await t.http().get(`${API}/audit?entity=district&entityId=350206`).set('Authorization', admin);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['district.create']);
    const verify = await t.http().get(`${API}/audit/verify`).set('Authorization', admin);
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(verify.body.checked).toBeGreaterThan(0);
  });
});

describe('readiness', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('is 200 while the database answers and 503 once it is gone', async () => {
    expect((await t.http().get('/health/ready')).status).toBe(200);
    const name = new URL(t.databaseUrl).pathname.slice(1);
    await withClient(process.env.ZZ_TEST_ADMIN_URL!, (c) => c.query(`DROP DATABASE "${name}" WITH (FORCE)`));
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
