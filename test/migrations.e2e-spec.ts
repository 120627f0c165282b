import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations/index.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { withClient } from '../src/database/pg-client.js';
import { revertLastMigration } from '../src/database/revert-migration.js';

/** The migrations on an empty database: up, all the way down, and up again. */
describe('migrations', () => {
  const adminUrl = process.env.ZZ_TEST_ADMIN_URL!;
  const name = `${process.env.ZZ_TEST_RUN_ID}_migrations`;
  let db: DataSource;

  const tables = async (): Promise<string[]> =>
    (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r: { tablename: string }) => r.tablename);

  beforeAll(async () => {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = new DataSource(dataSourceOptions(url.toString()));
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('apply in order, revert one by one to an empty schema, and apply again', async () => {
    expect((await db.runMigrations()).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    const applied = await tables();
    expect(applied).toEqual(expect.arrayContaining(['audit_event', 'claim', 'policy', 'rate_limit_hit']));

    for (let i = 0; i < migrations.length; i++) await revertLastMigration(db);
    expect(await tables()).toEqual(['migrations']);

    await db.runMigrations();
    expect(await tables()).toEqual(applied);
  });
});
