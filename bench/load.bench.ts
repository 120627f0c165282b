/**
 * `npm run bench:load`: the app under load next to bare baselines doing the
 * same database work, in one run, on a fresh database (DATABASE_URL's server
 * when set, else an embedded PostgreSQL). autocannon drives both over
 * loopback; the app and the baselines each run in a process of their own.
 *
 *   intake     POST /claims                  vs  the filing's writes in one transaction (bench/baseline-server.ts)
 *   detail     GET /claims/:id               vs  one SELECT by id
 *   list       GET /claims?pageSize=50       vs  one SELECT by id
 *   report     GET /reports/annual (JSON)    (no baseline: for the record)
 *
 * at 50 and 200 connections, plus intake spread over four districts. Prints
 * the table and appends it to bench/RESULTS.md. BENCH_SECONDS sets each
 * measurement's length (default 8).
 *
 * For iterating: BENCH_ONLY=intake,detail,list,report (comma-separated; the
 * baselines run whenever a measured row has one) and BENCH_SHORT=1 (3 s per
 * row unless BENCH_SECONDS says otherwise, 50 connections only). A partial
 * run prints its table but appends nothing to RESULTS.md unless
 * BENCH_APPEND=1. BENCH_APP_NODE_OPTIONS sets the app process's Node flags
 * (default below; given on the app's command line, so `--cpu-prof
 * --cpu-prof-dir=/tmp/prof` works to profile it). BENCH_APP_WORKERS=N runs
 * the app as N processes on its port (APP_WORKERS).
 */
import 'reflect-metadata';
import argon2 from 'argon2';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, referenceSeeds } from '../seeds/index.js';
import { runSeeds } from '../seeds/seed.service.js';
import { shanghaiToday } from '../src/common/business-date.js';
import { idNumberCheckCharacter } from '../src/common/id-number.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { benchDir, freePort, freshDatabase, machineLine, processMeters, startApp, stopProcess, type AppProcess } from './bench-support.js';

const SHORT = process.env.BENCH_SHORT === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SHORT ? 3 : 8));
const CONNECTIONS = SHORT ? [50] : [50, 200];
const PARTS = ['intake', 'detail', 'list', 'report'] as const;
type Part = (typeof PARTS)[number];
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((p) => p.trim()).filter(Boolean);
const unknownPart = ONLY.find((p) => !(PARTS as readonly string[]).includes(p));
if (unknownPart) throw new Error(`BENCH_ONLY: unknown part ${unknownPart} (known: ${PARTS.join(', ')})`);
const runs = (part: Part) => ONLY.length === 0 || ONLY.includes(part);
const COMPLETE = ONLY.length === 0 && !SHORT;
/**
 * Node flags of the app process. V8 grows its heap lazily when given room (the
 * default run peaked at 379 MB); a 160 MB old space keeps the app under the
 * 250 MB goal with its garbage collector still mostly in the young generation.
 * The young generation starts at its largest semi-space (16 MB, V8's maximum
 * here) instead of 1 MB: fewer scavenges, the collector's share of a detail
 * run's busy time 14.6% → 8.4%, the same peak RSS (`npm start` does the same).
 * A 32 MB semi-space went past the RSS goal (264–275 MB).
 */
const APP_NODE_OPTIONS = process.env.BENCH_APP_NODE_OPTIONS ?? '--max-old-space-size=160 --min-semi-space-size=16';
/** Processes serving the app's port (APP_WORKERS); CPU and RSS are summed over them. */
const APP_WORKERS = Number(process.env.BENCH_APP_WORKERS ?? 1);
const RESIDENTS_PER_DISTRICT = 100;
const POOL_SIZE = 20; // the app's pool (src/database/data-source-options.ts)
const GOALS = { intakeRatio: 1.0, intakeP99Ms: 100, detailRatio: 0.3, listRatio: 0.2, rssMb: 250, spreadRatio: 1.5 };

/** The two demo districts and two more set up through the API, each with a street, a cadre and this year's policy. */
const DISTRICTS = [
  { code: '350205', street: '350205001', cadre: 'hc.cadre1' },
  { code: '350211', street: '350211001', cadre: 'jm.cadre' },
  { code: '350203', street: '350203001', cadre: 'sm.cadre', name: '思明区', streetName: '中华街道' },
  { code: '350206', street: '350206001', cadre: 'hl.cadre', name: '湖里区', streetName: '湖里街道' },
];

interface Measured {
  what: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time of the serving process (app or baseline) per answered request. */
  cpuMsPerRequest: number;
}

const json = (token?: string) => ({ 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });

async function call<T>(base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, { method, headers: json(token), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const login = async (base: string, username: string) =>
  (await call<{ accessToken: string }>(base, 'POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD })).accessToken;

let idCounter = 0;
function idNumber(districtCode: string): string {
  idCounter += 1;
  const birth = new Date(Date.UTC(1950, 0, 1) + idCounter * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${districtCode}${birth}${String(idCounter % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** Districts, streets, cadres and policies through the API, as an admin would; residents through their cadres. */
async function setUp(base: string): Promise<{ tokens: Map<string, string>; residents: Map<string, string[]>; officer: string }> {
  const admin = await login(base, 'admin');
  const year = Number(shanghaiToday().slice(0, 4));
  const [insurer] = await call<{ id: string }[]>(base, 'GET', '/insurers', admin);
  for (const d of DISTRICTS.filter((d) => d.name)) {
    await call(base, 'POST', '/districts', admin, { code: d.code, name: d.name });
    await call(base, 'POST', `/districts/${d.code}/streets`, admin, { code: d.street, name: d.streetName });
    await call(base, 'POST', '/users', admin, { username: d.cadre, password: DEMO_PASSWORD, displayName: `${d.streetName}网格员`, role: 'street_cadre', streetCode: d.street });
    const eventTypes = await call<{ code: string }[]>(base, 'GET', '/event-types', admin);
    const policy = await call<{ id: string }>(base, 'POST', '/policies', admin, {
      policyNo: `BENCH-${d.code}-${year}`, districtCode: d.code, insurerId: insurer.id, year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`,
      premium: '2000000.00', aggregateLimit: '900000000.00', fourEyesThreshold: '20000.00', coverages: eventTypes.map((e) => ({ eventType: e.code })),
    });
    await call(base, 'POST', `/policies/${policy.id}/activate`, admin);
  }
  const tokens = new Map<string, string>();
  const residents = new Map<string, string[]>();
  for (const d of DISTRICTS) {
    const token = await login(base, d.cadre);
    tokens.set(d.code, token);
    const ids: string[] = [];
    for (let i = 0; i < RESIDENTS_PER_DISTRICT; i++) {
      const resident = await call<{ id: string }>(base, 'POST', '/residents', token, {
        name: `压测居民${i}`, idNumber: idNumber(d.code), phone: `139${String(idCounter).padStart(8, '0')}`, streetCode: d.street,
        address: '压测地址', coverBasis: 'resident',
      });
      ids.push(resident.id);
    }
    residents.set(d.code, ids);
  }
  return { tokens, residents, officer: await login(base, 'hc.officer') };
}

function claimBody(residentId: string, i: number): string {
  return JSON.stringify({
    residentId, eventType: 'fire', incidentDate: shanghaiToday(), incidentPlace: '压测商铺', description: '电线老化起火，货架烧毁。',
    claimedAmount: `${1000 + (i % 500)}.00`, payee: { accountName: '压测居民', bankName: '中国工商银行厦门分行', accountNo: `6222020000${String(i % 1_000_000).padStart(9, '0')}` },
  });
}

interface Server { url: string; cpuSeconds(): number }

async function measure(what: string, server: Server, connections: number, requests: autocannon.Request[]): Promise<Measured> {
  const cpuBefore = server.cpuSeconds();
  const result = await autocannon({ url: server.url, connections, duration: SECONDS, requests, timeout: 30 });
  const measured = {
    what, connections, requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    errors: result.errors + result.timeouts, non2xx: result.non2xx,
    cpuMsPerRequest: result.requests.total ? ((server.cpuSeconds() - cpuBefore) * 1000) / result.requests.total : 0,
  };
  console.log(`  ${what} @${connections}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, errors ${measured.errors}, non-2xx ${measured.non2xx}, ${measured.cpuMsPerRequest.toFixed(2)} ms CPU/request`);
  return measured;
}

/** A request whose body (or path) changes on every call: a new claim, or the next claim id. */
function rotating(build: (i: number) => Partial<autocannon.Request>, base: autocannon.Request): autocannon.Request {
  let i = 0;
  return { ...base, setupRequest: (request) => ({ ...request, ...build(i++) }) };
}

async function startBaseline(databaseUrl: string): Promise<Server & { peakRssMb(): number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(benchDir(), '..', 'dist', 'bench', 'baseline-server.js')], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, PORT: String(port), POOL_SIZE: String(POOL_SIZE) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; !(await fetch(`${url}/none`).then(() => true, () => false)); tries++) {
    if (child.exitCode !== null || tries > 100) throw new Error('the baseline server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, ...processMeters(child.pid!), stop: () => stopProcess(child) };
}

async function main(): Promise<void> {
  console.log(`Load benchmark: ${SECONDS} s per measurement, connections ${CONNECTIONS.join(' and ')}, parts ${ONLY.length ? ONLY.join(', ') : 'all'}, app node options ${APP_NODE_OPTIONS || 'none'}, app workers ${APP_WORKERS}`);
  const database = await freshDatabase('zz_bench_load');
  let app: AppProcess | undefined;
  let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;
  const results: Measured[] = [];
  try {
    const db = new DataSource(dataSourceOptions(database.url));
    await db.initialize();
    await db.runMigrations();
    await runSeeds(db, referenceSeeds, { hashPassword: (p) => argon2.hash(p, { type: argon2.argon2id }), log: () => undefined });
    await db.destroy();

    app = await startApp(database.url, { LOG_LEVEL: 'info', WRITE_RATE_LIMIT: '100000000', APP_WORKERS: String(APP_WORKERS) }, { logs: false, nodeFlags: APP_NODE_OPTIONS.split(/\s+/).filter(Boolean) });
    const { tokens, residents, officer } = await setUp(app.url);
    const haicang = DISTRICTS[0].code;
    /** The next filing of a district: its cadre's token, its residents in turn. */
    const filingOf = (code: string) => {
      const [token, residentIds] = [tokens.get(code)!, residents.get(code)!];
      let i = 0;
      return (): Partial<autocannon.Request> => ({ headers: json(token), body: claimBody(residentIds[i % residentIds.length], i++) });
    };
    const intake = (next: () => Partial<autocannon.Request>): autocannon.Request => ({
      method: 'POST', path: '/api/v1/claims', setupRequest: (request) => ({ ...request, ...next() }),
    });

    // One filing first, alone: it must succeed, and its time is the floor under load.
    const single = filingOf(haicang)();
    const started = performance.now();
    const res = await fetch(`${app.url}/api/v1/claims`, { method: 'POST', headers: single.headers as Record<string, string>, body: single.body as string });
    if (res.status !== 201) throw new Error(`a single filing answered ${res.status}: ${await res.text()}`);
    console.log(`one filing alone: ${(performance.now() - started).toFixed(0)} ms`);
    if (runs('intake')) {
      console.log('intake');
      for (const c of CONNECTIONS) results.push(await measure('app POST /claims (one district)', app, c, [intake(filingOf(haicang))]));
      // Four districts: the filings go to each in turn.
      const spread = DISTRICTS.map((d) => filingOf(d.code));
      let turn = 0;
      results.push(await measure('app POST /claims (four districts)', app, CONNECTIONS[0], [intake(() => spread[turn++ % spread.length]())]));
    }
    // Reads need claims to read: file a page's worth when intake did not run.
    for (let i = 0; !runs('intake') && i < 100; i++) {
      const next = filingOf(haicang)();
      await fetch(`${app.url}/api/v1/claims`, { method: 'POST', headers: next.headers as Record<string, string>, body: next.body as string });
    }

    const claimIds = (await call<{ items: { id: string }[] }>(app.url, 'GET', '/claims?pageSize=100', officer)).items.map((c) => c.id);
    if (runs('intake') || runs('detail') || runs('list')) {
      baseline = await startBaseline(database.url);
      console.log('baselines');
      for (const c of CONNECTIONS) {
        if (runs('intake')) results.push(await measure('bare INSERT of a claim-like row', baseline, c, [{ method: 'POST', path: '/insert' }]));
        if (runs('intake')) results.push(await measure('bare filing transaction', baseline, c, [{ method: 'POST', path: '/filing' }]));
        if (runs('detail') || runs('list')) results.push(await measure('bare SELECT by id', baseline, c, [rotating((i) => ({ path: `/claim?id=${claimIds[i % claimIds.length]}` }), { method: 'GET' })]));
      }
    }

    console.log('reads');
    const read = (what: string, path: (i: number) => string) => rotating((i) => ({ path: path(i) }), { method: 'GET', headers: json(officer) });
    for (const c of CONNECTIONS) {
      if (runs('detail')) results.push(await measure('app GET /claims/:id', app, c, [read('detail', (i) => `/api/v1/claims/${claimIds[i % claimIds.length]}`)]));
      if (runs('list')) results.push(await measure('app GET /claims?pageSize=50', app, c, [read('list', (i) => `/api/v1/claims?pageSize=50&page=${1 + (i % 5)}`)]));
      if (runs('report')) results.push(await measure('app GET /reports/annual (JSON)', app, c, [read('report', () => `/api/v1/reports/annual?districtCode=${haicang}&year=${shanghaiToday().slice(0, 4)}`)]));
    }
    const appRssMb = app.peakRssMb();
    const baselineRssMb = baseline?.peakRssMb() ?? 0;
    report(results, appRssMb, baselineRssMb, database.where);
  } finally {
    await baseline?.stop();
    await app?.stop();
    await database.drop();
  }
}

function report(results: Measured[], appRssMb: number, baselineRssMb: number, where: string): void {
  const find = (what: string, c: number) => results.find((r) => r.what === what && r.connections === c);
  const baselineOf: Record<string, string> = {
    'app POST /claims (one district)': 'bare filing transaction',
    'app POST /claims (four districts)': 'bare filing transaction',
    'app GET /claims/:id': 'bare SELECT by id',
    'app GET /claims?pageSize=50': 'bare SELECT by id',
  };
  const ratio = (r: Measured | undefined) => {
    const base = r && baselineOf[r.what] ? (find(baselineOf[r.what], r.connections)?.rps ?? 0) : 0;
    return r && base > 0 ? r.rps / base : undefined;
  };
  const rows = results.map((r) => `| ${r.what} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${ratio(r)?.toFixed(2) ?? ''} | ${r.cpuMsPerRequest.toFixed(2)} |`);
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const intake50 = find('app POST /claims (one district)', 50);
  const spread50 = find('app POST /claims (four districts)', 50);
  const detail50 = find('app GET /claims/:id', 50);
  const list50 = find('app GET /claims?pageSize=50', 50);
  const errors = results.filter((r) => r.what.startsWith('app')).reduce((n, r) => n + r.errors + r.non2xx, 0);
  /** A goal's row, only when the run measured what it judges. */
  const goal = (measured: unknown, line: () => string) => (measured ? [line()] : []);
  const ratioGoal = (name: string, r: Measured | undefined, goalRatio: number) =>
    goal(r, () => `| ${name} | ${ratio(r)?.toFixed(2)}× | ${verdict((ratio(r) ?? 0) >= goalRatio)} |`);
  const section = [
    `## Load, ${new Date().toISOString()}${COMPLETE ? '' : ` (partial: ${ONLY.length ? ONLY.join(', ') : 'all parts'}${SHORT ? ', short' : ''})`}`,
    '',
    'Written by `npm run bench:load` (bench/load.bench.ts; baselines in bench/baseline-server.ts).',
    '',
    `- Machine: ${machineLine()}; Node ${process.version}; ${where}`,
    `- autocannon over loopback, ${SECONDS} s per row; app (\`dist/src/main.js\`, LOG_LEVEL=info, write rate limit raised, node options ${APP_NODE_OPTIONS ? `\`${APP_NODE_OPTIONS}\`` : 'none'}${APP_WORKERS > 1 ? `, ${APP_WORKERS} worker processes (APP_WORKERS; CPU and RSS summed over them)` : ', one process'}) and baselines (Node http + pg, pool ${POOL_SIZE}) in processes of their own`,
    `- Load average (1 min) at the end: ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} CPUs, autocannon, app, baseline and PostgreSQL share them)`,
    '',
    '| what | connections | req/s | p50 ms | p99 ms | errors | non-2xx | × baseline | CPU ms/request in its server process |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '| goal | result | |',
    '|---|---|---|',
    ...ratioGoal(`intake ≥ ${GOALS.intakeRatio}× the filing baseline @50`, intake50, GOALS.intakeRatio),
    ...goal(intake50, () => `| intake p99 < ${GOALS.intakeP99Ms} ms @50 | ${intake50!.p99} ms | ${verdict(intake50!.p99 < GOALS.intakeP99Ms)} |`),
    ...ratioGoal(`detail ≥ ${GOALS.detailRatio}× SELECT by id @50`, detail50, GOALS.detailRatio),
    ...ratioGoal(`list ≥ ${GOALS.listRatio}× SELECT by id @50`, list50, GOALS.listRatio),
    ...goal(intake50 && spread50, () =>
      `| intake over four districts ≥ ${GOALS.spreadRatio}× one district @50 | ${(spread50!.rps / intake50!.rps).toFixed(2)}× | ${verdict(spread50!.rps / intake50!.rps >= GOALS.spreadRatio)} |`),
    `| zero errors and non-2xx from the app | ${errors} | ${verdict(errors === 0)} |`,
    `| app RSS < ${GOALS.rssMb} MB | ${appRssMb.toFixed(0)} MB peak (VmHWM; the baseline process: ${baselineRssMb ? `${baselineRssMb.toFixed(0)} MB` : 'not run'}) | ${verdict(appRssMb < GOALS.rssMb)} |`,
    '',
  ].join('\n');
  console.log(`\n${section}`);
  if (!COMPLETE && process.env.BENCH_APPEND !== '1') {
    console.log('A partial run: not appended to RESULTS.md (BENCH_APPEND=1 to append it anyway)');
    return;
  }
  const file = join(benchDir(), 'RESULTS.md');
  appendFileSync(file, `${section}\n`);
  console.log(`Appended to ${file}`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
