import 'reflect-metadata';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { referenceSeeds } from '../../seeds/index.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runSeeds } from '../../seeds/seed.service.js';
import { withClient } from '../../src/database/pg-client.js';

/** Any constant: the first worker builds the template while the others wait. */
const TEMPLATE_LOCK = 7_245_099;

/** URL of another database on the same server as `url`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}


function testServer(): { adminUrl: string; runId: string } {
  const { ZZ_TEST_ADMIN_URL: adminUrl, ZZ_TEST_RUN_ID: runId } = process.env;
  if (!adminUrl || !runId) throw new Error('No test database server: run the tests through jest (npm test)');
  return { adminUrl, runId };
}

/** The real migrations and the reference seeds, applied once per test run. */
async function ensureTemplate(adminUrl: string, template: string): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      await admin.query(`CREATE DATABASE "${template}_build"`);
      await migrateAndSeed(databaseUrl(adminUrl, `${template}_build`));
      // Renamed only when complete, so a half-built template is never cloned.
      await admin.query(`ALTER DATABASE "${template}_build" RENAME TO "${template}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/** The real migrations and the reference seeds on the (empty) database at `url`. */
export async function migrateAndSeed(url: string): Promise<void> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  try {
    await db.runMigrations();
    await runSeeds(db, referenceSeeds, {
      // Light argon2 parameters: these hashes exist only on a throwaway test server.
      hashPassword: (password) => argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 }),
      log: () => undefined,
    });
  } finally {
    await db.destroy();
  }
}

/**
 * A fresh database cloned from the template: each test file sees only its own rows.
 * Its name is never used twice in a run. A jest worker runs many test files, each
 * with modules of its own, so a counter here would start again at 1 in each: the
 * next file's database would take the name (and so the URL) of the one just
 * dropped, and anything of the earlier file still reconnecting to it — a pool, a
 * job worker — would write into the new one.
 */
export async function createTestDatabase(): Promise<string> {
  const { adminUrl, runId } = testServer();
  const template = `${runId}_tpl`;
  await ensureTemplate(adminUrl, template);
  const name = `${runId}_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return databaseUrl(adminUrl, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withClient(testServer().adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
