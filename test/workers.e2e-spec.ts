/**
 * APP_WORKERS: several processes serving one port, as one instance per core.
 * Started on an empty database, the first worker migrates and loads the
 * catalogue alone; the others join once it listens; a worker that dies is
 * replaced while the rest keep answering; stopping the supervisor stops all.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { migrations } from '../migrations/index.js';
import { withClient } from '../src/database/pg-client.js';
import { startSecondProcess, type SecondProcess } from './support/second-process.js';
import { databaseUrl, dropTestDatabase } from './support/test-database.js';
import { waitFor } from './support/wait-for.js';

const workersOf = (pid: number): number[] => {
  const path = `/proc/${pid}/task/${pid}/children`;
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
};
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

/** Each on a new connection, so the supervisor hands them out in turn. */
async function answered(url: string, times: number): Promise<number[]> {
  return Promise.all(Array.from({ length: times }, () => fetch(`${url}/health/ready`, { headers: { connection: 'close' } }).then((res) => res.status)));
}

describe('APP_WORKERS=2', () => {
  let url: string;
  let app: SecondProcess;

  beforeAll(async () => {
    const adminUrl = process.env.ZZ_TEST_ADMIN_URL!;
    const name = `${process.env.ZZ_TEST_RUN_ID}_workers_${process.pid}`;
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    url = databaseUrl(adminUrl, name);
    // At info the supervisor prints its banner once every worker listens, and each replacement.
    app = await startSecondProcess(url, { APP_WORKERS: '2', LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await app?.stop();
    await dropTestDatabase(url);
  });

  it('migrates and seeds an empty database once, then serves from two processes', async () => {
    await waitFor(async () => app.output().includes('workers   2 processes serve port'), 30_000);
    expect(workersOf(app.pid)).toHaveLength(2);
    const [applied, catalogue] = await withClient(url, async (c) => [
      (await c.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n,
      (await c.query('SELECT count(*)::int AS n FROM event_type')).rows[0].n,
    ]);
    expect(applied).toBe(migrations.length);
    expect(catalogue).toBe(21);
    expect(await answered(app.url, 20)).toEqual(Array(20).fill(200));
  });

  it('replaces a worker that dies, and the other answers meanwhile', async () => {
    const [dying, survivor] = workersOf(app.pid);
    process.kill(dying, 'SIGKILL');
    await waitFor(async () => !workersOf(app.pid).includes(dying));
    expect(await answered(app.url, 10)).toEqual(Array(10).fill(200));
    await waitFor(async () => app.output().includes(`serves in place of ${dying}`), 30_000);
    expect(workersOf(app.pid)).toHaveLength(2);
    expect(workersOf(app.pid)).toContain(survivor);
    expect(await answered(app.url, 10)).toEqual(Array(10).fill(200));
  });

  it('stops every worker when the supervisor is stopped', async () => {
    const workers = workersOf(app.pid);
    await app.stop();
    await waitFor(async () => workers.every((pid) => !alive(pid)));
    expect(alive(app.pid)).toBe(false);
  });
});
