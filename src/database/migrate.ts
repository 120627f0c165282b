import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { validateConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';
import { ensureDatabase } from './ensure-database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';
import { revertLastMigration } from './revert-migration.js';

/** `node dist/src/database/migrate.js run|revert|show` against DATABASE_URL, or the embedded server. */
async function main(command: string): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = validateConfig(process.env);
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, persistent: true });
    await ensureDatabase(embedded.url('postgres'), 'zongzhi');
    url = embedded.url('zongzhi');
  }
  const db = new DataSource(dataSourceOptions(url, { logging: ['schema', 'migration'] }));
  await db.initialize();
  try {
    if (command === 'run') {
      const applied = await db.runMigrations();
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date');
    } else if (command === 'revert') {
      await revertLastMigration(db);
      console.log('Reverted the last migration');
    } else if (command === 'show') {
      console.log((await db.showMigrations()) ? 'Pending migrations exist' : 'Schema is up to date');
    } else {
      throw new Error(`Unknown command "${command}" (run, revert, show)`);
    }
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}

main(process.argv[2] ?? 'run').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
