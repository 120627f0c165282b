import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { DEV_JWT_SECRET } from '../src/config/config.js';
import { DEMO_PASSWORD } from '../seeds/index.js';
import request from 'supertest';
import { startSecondProcess } from './support/second-process.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ BOOTSTRAP_ADMIN_USERNAME: 'ops.root', BOOTSTRAP_ADMIN_PASSWORD: 'a-long-bootstrap-password' }); });
  afterAll(async () => { await t.close(); });

  const login = (username: string, password: string) => t.http().post(`${API}/auth/login`).send({ username, password });

  it('logs in with the right password and returns a token, its lifetime and the user', async () => {
    const res = await login('hc.officer', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expiresIn: 28800, user: { username: 'hc.officer', role: 'district_officer', districtCode: '350205' } });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await t.http().get(`${API}/me`).set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'hc.officer', role: 'district_officer', districtCode: '350205', streetCode: null });
  });

  it('usernames are case-insensitive', async () => {
    expect((await login('HC.Officer', DEMO_PASSWORD)).status).toBe(200);
  });

  it('shows insurer staff their approval limit as money', async () => {
    const me = await t.http().get(`${API}/me`).set('Authorization', await t.login('picc.adjuster'));
    expect(me.body).toMatchObject({ role: 'insurer_adjuster', approvalLimit: '50000.00' });
    expect(me.body.insurerId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a wrong password and an unknown user alike with 401', async () => {
    for (const res of [await login('hc.officer', 'wrong-password'), await login('nobody.here', DEMO_PASSWORD)]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Wrong username or password', details: [] });
    }
  });

  it('creates the bootstrap admin from the environment', async () => {
    const res = await login('ops.root', 'a-long-bootstrap-password');
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('admin');
  });

  it('rejects requests without a token, with a malformed header, and with a forged or expired token', async () => {
    const me = (header?: string) => {
      const req = t.http().get(`${API}/me`);
      return header ? req.set('Authorization', header) : req;
    };
    const officer = (await login('hc.officer', DEMO_PASSWORD)).body.user.id as string;
    const forged = await new JwtService({ secret: 'another-secret-that-is-long-enough-000' }).signAsync({ sub: officer });
    const expired = await new JwtService({ secret: DEV_JWT_SECRET }).signAsync({ sub: officer, exp: Math.floor(Date.now() / 1000) - 60 });
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: officer })).toString('base64url')}.`;
    for (const header of [undefined, 'Bearer', 'Basic abc', `Bearer ${forged}`, `Bearer ${expired}`, `Bearer ${unsigned}`, 'Bearer not.a.jwt']) {
      const res = await me(header);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    const valid = await new JwtService({ secret: DEV_JWT_SECRET }).signAsync({ sub: officer }, { expiresIn: 60 });
    expect((await me(`Bearer ${valid}`)).status).toBe(200);
  });

  it('stops a disabled user: the existing token and new logins both fail', async () => {
    const admin = await t.login('admin');
    const created = await t.http().post(`${API}/users`).set('Authorization', admin)
      .send({ username: 'temp.cadre', password: 'temp-password-1', displayName: '临时干部', role: 'street_cadre', streetCode: '350205003' });
    expect(created.status).toBe(201);
    const token = await t.login('temp.cadre', 'temp-password-1');
    expect((await t.http().get(`${API}/me`).set('Authorization', token)).status).toBe(200);

    const disabled = await t.http().patch(`${API}/users/${created.body.id}`).set('Authorization', admin).send({ active: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await t.http().get(`${API}/me`).set('Authorization', token)).status).toBe(401);
    expect((await login('temp.cadre', 'temp-password-1')).status).toBe(401);
  });

  it('validates the login body', async () => {
    const res = await t.http().post(`${API}/auth/login`).send({ username: 42 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['password', 'username']);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ LOGIN_RATE_LIMIT: '3' }); });
  afterAll(async () => { await t.close(); });

  it('answers 429 RATE_LIMITED after repeated attempts for one username, even with the right password', async () => {
    const attempt = (password: string) => t.http().post(`${API}/auth/login`).send({ username: 'hc.cadre1', password });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password')).status).toBe(401);
    const limited = await attempt(DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // Other accounts are not locked out by someone guessing this one.
    expect((await t.http().post(`${API}/auth/login`).send({ username: 'hc.cadre2', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('counts attempts across app instances: a second process sees the first one\'s', async () => {
    const other = await startSecondProcess(t.databaseUrl, { LOGIN_RATE_LIMIT: '3' });
    try {
      const attempt = (server: () => ReturnType<typeof request>) => server().post(`${API}/auth/login`).send({ username: 'xy.cadre', password: 'wrong-password' });
      const viaOther = () => request(other.url);
      expect((await attempt(() => t.http())).status).toBe(401);
      expect((await attempt(viaOther)).status).toBe(401);
      expect((await attempt(() => t.http())).status).toBe(401);
      const limited = await attempt(viaOther);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
    } finally {
      await other.stop();
    }
  });
});
