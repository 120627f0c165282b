/** What the benchmarks share: a fresh database, a free port, the process's peak RSS, where RESULTS.md lives. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/database/embedded-postgres.js';
import { withClient } from '../src/database/pg-client.js';

export interface BenchDatabase {
  url: string;
  where: string;
  drop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function freshDatabase(prefix = 'zz_bench'): Promise<BenchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedServer | undefined;
  let adminUrl: string;
  const dataDir = join(os.tmpdir(), `zz-bench-${process.pid}`);
  if (serverUrl) {
    adminUrl = serverUrl;
  } else {
    mkdirSync(dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    adminUrl = embedded.url('postgres');
  }
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    where: embedded ? 'embedded PostgreSQL (temporary directory)' : 'DATABASE_URL server',
    async drop() {
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      if (embedded) {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Peak resident set size of this process, sampled, plus the kernel's own high-water mark. */
export function watchMemory(): { peakMb(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  return {
    peakMb: () => Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
    stop: () => clearInterval(timer),
  };
}

/** bench/ in the project, whether running from bench/ or from dist/bench/. */
export function benchDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return join(dir, 'bench');
}
