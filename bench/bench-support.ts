/** What the benchmarks share: a fresh database, a free port, the process's peak RSS, where RESULTS.md lives. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

export interface AppProcess {
  url: string;
  /** The kernel's high-water mark of the process's resident set (Linux /proc). */
  peakRssMb(): number;
  /** User and system CPU the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** The built app as it is deployed, in a process of its own, so its memory and CPU are its own and not the benchmark's. */
export async function startApp(
  databaseUrl: string, env: Record<string, string> = {}, { logs = true, nodeFlags = [] as string[] } = {},
): Promise<AppProcess> {
  const port = await freePort();
  // Node flags on the command line, not in NODE_OPTIONS, which refuses some (--cpu-prof).
  const child = spawn(process.execPath, [...nodeFlags, join(benchDir(), '..', 'dist', 'src', 'main.js')], {
    env: {
      ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn',
      NODE_ENV: 'development', ...env,
    },
    // Without logs, the app still writes every line (the cost is measured), to nowhere.
    stdio: ['ignore', logs ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (await fetch(`${url}/health/ready`).then((res) => res.ok, () => false)) break;
    if (tries > 300) throw new Error('the app did not get ready in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, ...processMeters(child.pid!), stop: () => stopProcess(child) };
}

/** `pid` and its descendants (the workers of APP_WORKERS > 1), from /proc (Linux). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * Peak RSS and CPU time of another process and its workers, from /proc
 * (Linux): the sum of each process's high-water mark (an upper bound of the
 * peak they held together) and of their user and system time.
 */
export function processMeters(pid: number): { peakRssMb(): number; cpuSeconds(): number } {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
  const sum = (of: (p: number) => number) => processTree(pid).reduce((total, p) => total + of(p), 0);
  return {
    peakRssMb: () => sum((p) => Number(/VmHWM:\s+(\d+) kB/.exec(read(`/proc/${p}/status`) ?? '')?.[1] ?? 0)) / 1024,
    cpuSeconds: () => sum((p) => {
      const fields = read(`/proc/${p}/stat`)?.split(') ')[1].split(' ');
      return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0;
    }),
  };
}

export function stopProcess(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The machine, for the head of a RESULTS.md section. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`;
}
