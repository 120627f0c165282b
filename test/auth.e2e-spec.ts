import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { DEV_JWT_SECRET } from '../src/config/config.js';
import { DEMO_PASSWORD } from '../seeds/index.js';
import request from 'supertest';
import { DEMO_INSURER_ID } from '../seeds/demo-reference.js';
import { CHANGE_FEED_APPLICATION_NAME, ChangeFeed } from '../src/database/change-feed.js';
import { withClient } from '../src/database/pg-client.js';
import { statementsDuring } from './support/query-count.js';
import { startSecondProcess } from './support/second-process.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

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

  it('refuses a token it has verified before once its exp has passed', async () => {
    const officer = (await login('hc.officer', DEMO_PASSWORD)).body.user.id as string;
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = `Bearer ${await new JwtService({ secret: DEV_JWT_SECRET }).signAsync({ sub: officer, exp })}`;
    expect((await t.http().get(`${API}/me`).set('Authorization', token)).status).toBe(200);
    expect((await t.http().get(`${API}/me`).set('Authorization', token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    const late = await t.http().get(`${API}/me`).set('Authorization', token);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('UNAUTHENTICATED');
  });

  it('stops a disabled user: the existing token and new logins both fail', async () => {
    const admin = await t.login('admin');
    const created = await t.http().post(`${API}/users`).set('Authorization', await t.login('admin'))
      .send({ username: 'temp.cadre', password: 'temp-password-1', displayName: '临时干部', role: 'street_cadre', streetCode: '350205003' });
    expect(created.status).toBe(201);
    const token = await t.login('temp.cadre', 'temp-password-1');
    expect((await t.http().get(`${API}/me`).set('Authorization', token)).status).toBe(200);

    const disabled = await t.http().patch(`${API}/users/${created.body.id}`).set('Authorization', await t.login('admin')).send({ active: false });
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

describe('the caller from memory: a change of the account still takes effect at once', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  let made = 0;
  /** A new street cadre of 海沧街道, signed in, and their GET /me. */
  const newCadre = async () => {
    const username = `cache.cadre${++made}`;
    const created = await t.http().post(`${API}/users`).set('Authorization', await t.login('admin'))
      .send({ username, password: 'cache-password-1', displayName: '缓存测试', role: 'street_cadre', streetCode: '350205001' }).expect(201);
    const token = await t.login(username, 'cache-password-1');
    const me = () => t.http().get(`${API}/me`).set('Authorization', token);
    expect((await me()).body).toMatchObject({ role: 'street_cadre', streetCode: '350205001' }); // now in memory
    return { id: created.body.id as string, me };
  };
  /** How many times the guard read the caller from app_user during `run`. */
  const callerReads = async (run: () => Promise<unknown>) =>
    (await statementsDuring(t.db, run)).filter((sql) => sql.includes('FROM app_user WHERE id = $1 AND active')).length;

  it('serves a known caller without reading app_user', async () => {
    const cadre = await newCadre();
    expect(await callerReads(cadre.me)).toBe(0);
  });

  it('re-scopes and refuses on the next request after plain SQL on another connection, once its notification arrives', async () => {
    const cadre = await newCadre();
    await withClient(t.databaseUrl, async (other) => {
      await other.query(`UPDATE app_user SET street_code = '350205003' WHERE id = $1`, [cadre.id]);
      await waitFor(async () => (await cadre.me()).body.streetCode === '350205003', 5_000);
      await other.query(`UPDATE app_user SET role = 'district_officer', street_code = NULL WHERE id = $1`, [cadre.id]);
      await waitFor(async () => (await cadre.me()).body.role === 'district_officer', 5_000);
      // A rolled-back change notifies nothing and changes nothing.
      await other.query('BEGIN');
      await other.query('UPDATE app_user SET active = false WHERE id = $1', [cadre.id]);
      await other.query('ROLLBACK');
      expect((await cadre.me()).status).toBe(200);
      await other.query('UPDATE app_user SET active = false WHERE id = $1', [cadre.id]);
      await waitFor(async () => (await cadre.me()).status === 401, 5_000);
    });
  });

  it('takes an approval limit changed through the API from the very next request', async () => {
    const username = 'cache.adjuster';
    const created = await t.http().post(`${API}/users`).set('Authorization', await t.login('admin')).send({
      username, password: 'cache-password-1', displayName: '缓存理赔员', role: 'insurer_adjuster', insurerId: DEMO_INSURER_ID, approvalLimit: '1000.00',
    }).expect(201);
    const token = await t.login(username, 'cache-password-1');
    const me = () => t.http().get(`${API}/me`).set('Authorization', token);
    expect((await me()).body.approvalLimit).toBe('1000.00');
    await t.http().patch(`${API}/users/${created.body.id}`).set('Authorization', await t.login('admin')).send({ approvalLimit: '2500.00' }).expect(200);
    expect((await me()).body.approvalLimit).toBe('2500.00');
  });

  it('refuses a user disabled through a second app process, once the notification arrives', async () => {
    const cadre = await newCadre();
    const other = await startSecondProcess(t.databaseUrl);
    try {
      await request(other.url).patch(`${API}/users/${cadre.id}`).set('Authorization', await t.login('admin')).send({ active: false }).expect(200);
      await waitFor(async () => (await cadre.me()).status === 401, 5_000);
    } finally {
      await other.stop();
    }
  });

  it('reads every caller from app_user while the change feed is down, and from memory again once it is back', async () => {
    const feed = t.app.get(ChangeFeed);
    const cadre = await newCadre();
    expect(await callerReads(cadre.me)).toBe(0);
    await withClient(t.databaseUrl, async (other) => {
      await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [CHANGE_FEED_APPLICATION_NAME]);
      await waitFor(async () => !feed.listening, 5_000);
      expect(await callerReads(cadre.me)).toBe(1);
      // Unheard while down, and seen all the same: nothing is kept meanwhile.
      await other.query(`UPDATE app_user SET street_code = '350205003' WHERE id = $1`, [cadre.id]);
      expect((await cadre.me()).body.streetCode).toBe('350205003');
      await waitFor(async () => feed.listening, 10_000);
    });
    expect(await callerReads(cadre.me)).toBe(1); // cleared when it reconnected
    expect(await callerReads(cadre.me)).toBe(0);
    expect((await cadre.me()).body.streetCode).toBe('350205003');
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

describe('usernames: one normal form at creation, login and counting', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ LOGIN_RATE_LIMIT: '10' }); });
  afterAll(async () => { await t.close(); });

  const login = (username: string, password: string, address?: string) => {
    const req = t.http().post(`${API}/auth/login`);
    return (address ? req.set('X-Forwarded-For', address) : req).send({ username, password });
  };
  const create = async (username: string) => t.http().post(`${API}/users`).set('Authorization', await t.login('admin'))
    .send({ username, password: 'a-long-password', displayName: '新用户', role: 'street_cadre', streetCode: '350205001' });

  it('after 10 failures for jm.officer, neither jm.offİcer nor JM.OFFICER logs in, with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await login('jm.officer', 'wrong-password')).status).toBe(401);
    const dotted = await login('jm.offİcer', DEMO_PASSWORD);
    expect(dotted.status).not.toBe(200);
    expect(dotted.body.accessToken).toBeUndefined();
    expect((await login('JM.OFFICER', DEMO_PASSWORD)).status).toBe(429);
    expect((await login('jm.officer', DEMO_PASSWORD)).status).toBe(429);
  });

  it('a look-alike is no account: İ, dotless ı, a combining dot or a Cyrillic о never reach hc.officer', async () => {
    for (const lookalike of ['hc.offİcer', 'HC.OFFİCER', 'hc.offıcer', 'hc.offi\u0307cer', 'hc.\u043efficer']) {
      const res = await login(lookalike, DEMO_PASSWORD);
      expect({ lookalike, status: res.status }).toEqual({ lookalike, status: 401 });
    }
    expect((await login('ｈｃ.ｏｆｆｉｃｅｒ', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses usernames outside the safe set at creation with 400 naming the field', async () => {
    for (const username of ['jm.offİcer', 'zhang\u0307san', '张三丰', 'ab', '.dotfirst', '-dash', 'has space', 'semi;colon', 'x'.repeat(65), 'ﬀ'.repeat(40)]) {
      const res = await create(username);
      expect({ username, status: res.status }).toEqual({ username, status: 400 });
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('username');
    }
  });

  it('stores the normal form: Mixed.Case and full-width letters are created lower-case ASCII, and log in in any case', async () => {
    const mixed = await create('New.Cadre_1');
    expect(mixed.status).toBe(201);
    expect(mixed.body.username).toBe('new.cadre_1');
    const wide = await create('ｗｉｄｅ.ｃａｄｒｅ');
    expect(wide.status).toBe(201);
    expect(wide.body.username).toBe('wide.cadre');
    expect((await create('NEW.CADRE_1')).status).toBe(409);
    expect((await login('NEW.cadre_1', 'a-long-password')).status).toBe(200);
    const [{ stored }] = await t.db.query(`SELECT array_agg(username ORDER BY username) AS stored FROM app_user WHERE username IN ('new.cadre_1', 'wide.cadre')`);
    expect(stored).toEqual(['new.cadre_1', 'wide.cadre']);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says so: one address, many claimed ones, one count', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_RATE_LIMIT: '3' });
    try {
      const attempt = (username: string, address: string) => limited.http().post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ username, password: 'wrong-password' });
      for (const [i, username] of ['hc.cadre1', 'hc.cadre2', 'xy.cadre'].entries()) expect((await attempt(username, `10.0.0.${i}`)).status).toBe(401);
      expect((await attempt('jm.cadre', '10.0.0.9')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('login limits per address and per account', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_ADDRESS_RATE_LIMIT: '5', TRUST_PROXY: 'loopback' }); });
  afterAll(async () => { await t.close(); });

  const attempt = (username: string, password: string, address: string) =>
    t.http().post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ username, password });

  it('limits one address spraying many usernames, and not the other addresses', async () => {
    const users = ['hc.cadre1', 'hc.cadre2', 'xy.cadre', 'jm.cadre', 'picc.adjuster'];
    for (const username of users) expect((await attempt(username, 'wrong-password', '192.0.2.10')).status).toBe(401);
    expect((await attempt('hc.officer', DEMO_PASSWORD, '192.0.2.10')).status).toBe(429);
    expect((await attempt('hc.officer', DEMO_PASSWORD, '192.0.2.11')).status).toBe(200);
  });

  it('limits one account attacked from many addresses, and not the other accounts', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('picc.manager', 'wrong-password', `198.51.100.${i}`)).status).toBe(401);
    expect((await attempt('picc.manager', DEMO_PASSWORD, '198.51.100.200')).status).toBe(429);
    expect((await attempt('jm.officer', DEMO_PASSWORD, '198.51.100.201')).status).toBe(200);
  });

  it('counts parallel attempts one by one: a burst gets no more tries than the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt('jm.officer', 'wrong-password', `100.64.0.${i}`)));
    const statuses = burst.map((res) => res.status).sort();
    expect(statuses).toEqual([401, 401, 401, ...Array(7).fill(429)]);
  });

  it('counts failures, not successes: a user who signs in often is not locked out', async () => {
    for (let i = 0; i < 6; i++) expect((await attempt('admin', DEMO_PASSWORD, `203.0.113.${i % 2}`)).status).toBe(200);
  });
});
