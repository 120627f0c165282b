/**
 * `npm run bench:import`: a 100,000-row ledger (台账) imported through the
 * running app (HTTP multipart, auth, every row checked, residents encrypted,
 * claims through the workflow, one transaction), once as a dry run and once
 * for real. The app runs in a process of its own, whose peak RSS and CPU
 * time are read from /proc (Linux).
 *
 * Uses a fresh database: on the server of DATABASE_URL when set (dropped
 * afterwards), else on an embedded PostgreSQL in a temporary directory.
 * Appends the results to bench/RESULTS.md.
 */
import 'reflect-metadata';
import argon2 from 'argon2';
import ExcelJS from 'exceljs';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, referenceSeeds } from '../seeds/index.js';
import { runSeeds } from '../seeds/seed.service.js';
import { idNumberCheckCharacter } from '../src/common/id-number.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { LEDGER_COLUMNS } from '../src/ledgers/ledger-columns.js';
import { benchDir, freshDatabase, machineLine, startApp, type AppProcess } from './bench-support.js';

const ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 100_000);
const TARGET = { districtCode: '350205', year: 2022 };
const GOALS = { seconds: 60, rssMb: 300 };
/** Node flags of the app process, e.g. `--max-old-space-size=160`: V8 grows its heap lazily when given room. */
const APP_NODE_OPTIONS = process.env.BENCH_APP_NODE_OPTIONS ?? '';

const STREETS = ['海沧街道', '新阳街道', '嵩屿街道', '东孚街道'];
const EVENTS: [string, number][] = [['入室盗窃', 8000], ['电动车自行车被盗', 1200], ['火灾', 30000], ['犬只及动物伤人', 2000], ['不法侵害致伤亡', 20000]];
const SURNAMES = [...'陈林黄张李王吴刘蔡杨郑许洪谢邱苏曾叶周庄'];
const GIVEN = [...'志明秀兰建国丽华文彬淑芬俊杰美玲国强雅婷'];

/** A ledger as a district keeps it: one in three residents has a second claim; mostly paid, some denied, withdrawn or open. */
async function ledger(rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow([...LEDGER_COLUMNS]).commit();
  const people = Math.ceil(rows * 0.75);
  for (let i = 0; i < rows; i++) {
    const person = i % people;
    // A real birth date and a sequence number make each person's ID number distinct and valid.
    const birth = new Date(Date.UTC(1950, 0, 1) + (person % 20_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `350205${birth}${String(Math.floor(person / 20_000)).padStart(3, '0')}`;
    const id = first17 + idNumberCheckCharacter(first17);
    const name = SURNAMES[person % SURNAMES.length] + GIVEN[Math.floor(person / 20) % GIVEN.length] + GIVEN[Math.floor(person / 320) % GIVEN.length];
    const [event, loss] = EVENTS[i % EVENTS.length];
    const day = 1 + (i % 300);
    const outcome = i % 20 === 0 ? '拒赔' : i % 25 === 1 ? '撤案' : i % 30 === 2 ? '处理中' : '已赔付';
    const claimed = loss + (i % 97) * 10;
    const decided = outcome === '已赔付' || outcome === '拒赔';
    const paid = outcome === '已赔付' ? Math.round(claimed * 80) / 100 : null;
    sheet.addRow([
      new Date(Date.UTC(TARGET.year, 0, day + 1)), new Date(Date.UTC(TARGET.year, 0, day)), STREETS[person % STREETS.length], name,
      id, `139${String(person).padStart(8, '0')}`, event, `${STREETS[person % STREETS.length]}第${person % 300}号`,
      claimed, decided ? Math.round(claimed * 90) / 100 : null, paid,
      paid === null ? null : new Date(Date.UTC(TARGET.year, 0, day + 15)), outcome, i % 10 === 0 ? '台账备注' : null,
    ]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  console.log(`Ledger import benchmark: ${ROWS.toLocaleString('en')} rows`);
  const database = await freshDatabase('zz_bench_ledger');
  let app: AppProcess | undefined;
  try {
    const db = new DataSource(dataSourceOptions(database.url));
    await db.initialize();
    await db.runMigrations();
    await runSeeds(db, referenceSeeds, { hashPassword: (p) => argon2.hash(p, { type: argon2.argon2id }), log: () => undefined });
    await db.query(`UPDATE policy SET aggregate_limit = 10000000000000 WHERE district_code = $1 AND year = $2`, [TARGET.districtCode, TARGET.year]);
    await db.destroy();

    const file = await ledger(ROWS);
    console.log(`Ledger written: ${(file.length / 2 ** 20).toFixed(1)} MB`);

    app = await startApp(database.url, { NODE_OPTIONS: APP_NODE_OPTIONS });
    const api = `${app.url}/api/v1`;
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hc.officer', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const upload = async (dryRun: boolean) => {
      const form = new FormData();
      form.set('districtCode', TARGET.districtCode);
      form.set('year', String(TARGET.year));
      if (dryRun) form.set('dryRun', 'true');
      form.set('file', new Blob([file]), `bench-${ROWS}.xlsx`);
      const started = performance.now();
      const cpuBefore = app!.cpuSeconds();
      const res = await fetch(`${api}/imports/claims`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form });
      const body = await res.json();
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = app!.cpuSeconds() - cpuBefore;
      if (res.status !== (dryRun ? 200 : 201)) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 2000)}`);
      console.log(`  ${dryRun ? 'dry run' : 'import'}: ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU in the app)`, body);
      return { seconds, cpuSeconds, body: body as { residentsCreated: number; claims: number } };
    };

    const loadBefore = os.loadavg()[0];
    const idleRssMb = app.peakRssMb();
    const dryRun = await upload(true);
    const real = await upload(false);
    const peakRssMb = app.peakRssMb();

    const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
    const cpus = os.cpus();
    const section = [
      `## Ledger import, ${new Date().toISOString()}`,
      '',
      `Written by \`npm run bench:import\` (bench/ledger-import.bench.ts).`,
      '',
      `- Machine: ${machineLine()}`,
      `- Node ${process.version}, app node options: ${APP_NODE_OPTIONS ? `\`${APP_NODE_OPTIONS}\`` : 'none (V8 defaults)'}; ${database.where}`,
      `- Ledger: ${ROWS.toLocaleString('en')} rows, ${(file.length / 2 ** 20).toFixed(1)} MB xlsx, ${real.body.residentsCreated.toLocaleString('en')} distinct residents (all new),`
        + ` into district ${TARGET.districtCode}, policy year ${TARGET.year}; POST /imports/claims over HTTP on localhost to the built app (\`dist/src/main.js\`) in a process of its own`,
      `- Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${os.loadavg()[0].toFixed(2)} (${cpus.length} CPUs, shared with other work)`,
      '',
      '| what | seconds | rows/s | CPU s in the app process |',
      '|---|---:|---:|---:|',
      `| dry run (every check, nothing written) | ${dryRun.seconds.toFixed(1)} | ${Math.round(ROWS / dryRun.seconds).toLocaleString('en')} | ${dryRun.cpuSeconds.toFixed(1)} |`,
      `| import (one transaction: residents, claims, history, audit) | ${real.seconds.toFixed(1)} | ${Math.round(ROWS / real.seconds).toLocaleString('en')} | ${real.cpuSeconds.toFixed(1)} |`,
      '',
      '| goal | result | |',
      '|---|---|---|',
      `| ${ROWS.toLocaleString('en')} rows < ${GOALS.seconds} s | ${real.seconds.toFixed(1)} s | ${verdict(real.seconds < GOALS.seconds)} |`,
      `| app process RSS < ${GOALS.rssMb} MB | ${peakRssMb.toFixed(0)} MB peak (VmHWM; ${idleRssMb.toFixed(0)} MB before the first upload) | ${verdict(peakRssMb < GOALS.rssMb)} |`,
      '',
    ].join('\n');
    console.log(`\n${section}`);
    const results = join(benchDir(), 'RESULTS.md');
    appendFileSync(results, `${section}\n`);
    console.log(`Appended to ${results}`);
  } finally {
    await app?.stop();
    await database.drop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
