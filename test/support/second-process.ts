import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface SecondProcess {
  /** e.g. http://127.0.0.1:40123, for supertest: request(url) */
  url: string;
  /** The process's id (with APP_WORKERS > 1, the supervisor's; its workers are its children). */
  pid: number;
  /** What it has printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: the process dies where it stands, as in a crash. */
  kill(): Promise<void>;
}

const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');
const READY_TIMEOUT_MS = 30_000;

/**
 * Another app process (the built `dist/src/main.js`) on the same database as
 * the in-test app, to prove that what must hold across instances does: row
 * locks, not process memory, guard the limits and the idempotency keys. It
 * inherits this process's environment, so it signs and checks tokens with
 * the same secret and a token from `t.login()` works on both. `env`
 * overrides its configuration.
 */
export async function startSecondProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<SecondProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does it)`);
  const port = await freePort();
  const { NODE_OPTIONS: _jestFlags, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'test', SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent',
      DOCUMENT_STORAGE_DIR: `${process.env.TMPDIR ?? '/tmp'}/zz-docs-${process.pid}`,
      LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_RATE_LIMIT: '100000', WRITE_RATE_LIMIT: '100000', NOTIFY_WORKER: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, pid: child.pid!, output: () => output, stop: () => stop(child), kill: () => kill(child) };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`second app process exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`second app process not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

/** SIGTERM lets the app close its pool; SIGKILL if it has not exited within five seconds. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
    server.on('error', reject);
  });
}

