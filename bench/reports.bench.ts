/**
 * `npm run bench:reports`: one million claims, then the annual report through
 * the running app (HTTP, auth, scope, audit and all) against the plain SQL
 * GROUP BY of the same figures on the same database, in this process.
 *
 * Uses a fresh database: on the server of DATABASE_URL when set (dropped
 * afterwards), else on an embedded PostgreSQL in a temporary directory.
 * Appends the results to bench/RESULTS.md.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import argon2 from 'argon2';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, referenceSeeds } from '../seeds/index.js';
import { DEMO_INSURER_ID } from '../seeds/demo-reference.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/app.setup.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { runSeeds } from '../seeds/seed.service.js';
import { Database } from '../src/database/database.js';
import { ReportsRepository } from '../src/reports/reports.repository.js';
import { benchDir, freshDatabase, machineLine, watchMemory } from './bench-support.js';

const TOTAL_CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const YEARS = [2018, 2019, 2020, 2021, 2022];
const YEAR_WEIGHTS = [0.12, 0.16, 0.2, 0.24, 0.28];
const RESIDENTS_PER_DISTRICT = 20_000;
const ITERATIONS = 20;
const WARM_UP = 3;
const TARGET = { districtCode: '350205', year: 2022 };
const GOALS = { jsonVsSqlRatio: 1.5, jsonMs: 1000, pdfMs: 2000, rssMb: 300 };

const DISTRICTS = [
  { code: '350205', share: 0.3 },
  { code: '350211', share: 0.25 },
  { code: '350203', share: 0.25, name: '思明区', streets: ['中华街道', '鹭江街道', '开元街道', '梧村街道', '筼筜街道', '莲前街道'] },
  { code: '350206', share: 0.2, name: '湖里区', streets: ['湖里街道', '殿前街道', '禾山街道', '江头街道', '金山街道'] },
];

// ---------- data ----------

/** Claims per district and year, summing exactly to TOTAL_CLAIMS (largest remainder). */
function claimCounts(): { districtCode: string; year: number; claims: number }[] {
  const cells = DISTRICTS.flatMap((d) => YEARS.map((year, i) => ({ districtCode: d.code, year, exact: TOTAL_CLAIMS * d.share * YEAR_WEIGHTS[i] })));
  const counts = cells.map((c) => ({ districtCode: c.districtCode, year: c.year, claims: Math.floor(c.exact), rest: c.exact % 1 }));
  let missing = TOTAL_CLAIMS - counts.reduce((sum, c) => sum + c.claims, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    c.claims += 1;
  }
  return counts.map(({ districtCode, year, claims }) => ({ districtCode, year, claims }));
}

async function prepareReferenceData(db: DataSource): Promise<void> {
  await db.runMigrations();
  await runSeeds(db, referenceSeeds, { hashPassword: (p) => argon2.hash(p, { type: argon2.argon2id }), log: () => undefined });
  for (const d of DISTRICTS.filter((x) => x.name)) {
    await db.query('INSERT INTO district (code, name) VALUES ($1, $2)', [d.code, d.name]);
    for (const [i, street] of d.streets!.entries()) {
      await db.query('INSERT INTO street (code, name, district_code) VALUES ($1, $2, $3)', [`${d.code}${String(i + 1).padStart(3, '0')}`, street, d.code]);
    }
  }
  // Every district and year gets an active policy covering the whole catalogue, unless the demo already has one.
  for (const d of DISTRICTS) {
    for (const year of YEARS) {
      const existing = await db.query(`SELECT 1 FROM policy WHERE district_code = $1 AND year = $2 AND status = 'active'`, [d.code, year]);
      if (existing.length) continue;
      const [{ id }] = await db.query(
        `INSERT INTO policy (policy_no, district_code, insurer_id, year, period_start, period_end, premium, aggregate_limit,
           four_eyes_threshold, status, activated_at)
         VALUES ($1, $2, $3, $4, make_date($4, 1, 1), make_date($4, 12, 31), 800000000000, 5000000000000, 5000000, 'active', now())
         RETURNING id`, [`BENCH-${d.code}-${year}`, d.code, DEMO_INSURER_ID, year]);
      await db.query(
        `INSERT INTO coverage (policy_id, event_type, per_claim_limit, per_person_annual_limit, deductible, payout_ratio_bp, report_window_days)
         SELECT $1, code, default_per_claim_limit, default_per_claim_limit, default_deductible, default_payout_ratio_bp, default_report_window_days
         FROM event_type`, [id]);
    }
  }
}

/**
 * One INSERT … SELECT FROM generate_series per district and year: the rows
 * are made inside PostgreSQL, nothing is streamed from Node. Outcomes: about
 * 80 % paid (most then closed), 7 % denied, 4 % withdrawn, the rest approved
 * or still in review.
 */
const INSERT_CLAIMS_SQL = `
  WITH draws AS MATERIALIZED (
    SELECT g AS seq, random() AS outcome, random() AS pick, random() AS delay,
           1 + floor(random() * cardinality($5::uuid[]))::int AS coverage_index,
           ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] AS street_code,
           ($8::uuid[])[1 + floor(random() * cardinality($8::uuid[]))::int] AS resident_id,
           make_date($2, 1, 1) + floor(random() * 365)::int AS incident_date,
           (20000 + floor(random() * random() * 6000000))::bigint AS claimed
    FROM generate_series(1, $3::int) AS g
  ),
  claims AS (
    SELECT d.*,
           CASE WHEN outcome < 0.62 THEN 'closed' WHEN outcome < 0.80 THEN 'paid'
                WHEN outcome < 0.84 THEN 'closed' WHEN outcome < 0.87 THEN 'denied'
                WHEN outcome < 0.91 THEN 'withdrawn' WHEN outcome < 0.93 THEN 'approved'
                ELSE (ARRAY['reported', 'verifying', 'verified', 'needs_info', 'assessed'])[1 + floor(pick * 5)::int] END AS status,
           (incident_date + floor(delay * 5)::int)::timestamp AT TIME ZONE 'Asia/Shanghai'
             + interval '8 hours 30 minutes' + pick * interval '9 hours' AS reported_at
    FROM draws d
  )
  INSERT INTO claim (claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type, resident_id,
    incident_date, incident_place, description, claimed_amount, payee_account_name, payee_bank_name, payee_account_cipher,
    payee_account_index, payee_account_masked, status, returned_from, verified_loss, assessed_amount, approved_amount,
    paid_amount, reported_by, reported_at, decided_at, paid_at, closed_at)
  SELECT $1 || '-' || $2 || '-' || lpad(seq::text, 6, '0'), $1, $2, seq, street_code, $4, $9, ($5::uuid[])[coverage_index],
         ($6::text[])[coverage_index], resident_id, incident_date, '基准测试地点', '基准测试数据', claimed, '基准测试', '基准银行',
         'bench', repeat('0', 64), '**** 0000', status,
         CASE WHEN status = 'needs_info' THEN 'verifying' END,
         CASE WHEN status NOT IN ('reported', 'verifying', 'withdrawn', 'needs_info') THEN claimed * 9 / 10 END,
         CASE WHEN status NOT IN ('reported', 'verifying', 'verified', 'withdrawn', 'needs_info') THEN claimed * 85 / 100 END,
         CASE WHEN outcome < 0.80 OR status = 'approved' THEN claimed * 85 / 100 END,
         CASE WHEN outcome < 0.80 THEN claimed * 85 / 100 END,
         $10, reported_at,
         CASE WHEN outcome < 0.87 OR status = 'approved' THEN reported_at + (1 + delay * 20) * interval '1 day' END,
         CASE WHEN outcome < 0.80 THEN reported_at + (2 + delay * 40) * interval '1 day' END,
         CASE WHEN outcome < 0.62 THEN reported_at + (30 + delay * 40) * interval '1 day'
              WHEN outcome >= 0.80 AND outcome < 0.84 THEN reported_at + (25 + delay * 20) * interval '1 day' END
  FROM claims`;

async function loadClaims(client: pg.Client): Promise<{ seconds: number; counts: ReturnType<typeof claimCounts> }> {
  const started = performance.now();
  const [{ id: cadreId }] = (await client.query(`SELECT id FROM app_user WHERE username = 'hc.cadre1'`)).rows;
  const counts = claimCounts();
  for (const d of DISTRICTS) {
    const streets: string[] = (await client.query('SELECT code FROM street WHERE district_code = $1 ORDER BY code', [d.code])).rows.map((r) => r.code);
    const residents: string[] = (await client.query(
      `INSERT INTO resident (name, id_number_cipher, id_number_index, id_number_masked, phone_cipher, phone_index, phone_masked,
         key_id, district_code, street_code, address, cover_basis)
       SELECT '基准居民' || g, 'bench', encode(sha256(convert_to($1 || '-id-' || g, 'UTF8')), 'hex'), $1 || '********0000', 'bench',
              encode(sha256(convert_to($1 || '-phone-' || g, 'UTF8')), 'hex'), '138****0000', 'bench', $1,
              ($2::text[])[1 + g % cardinality($2::text[])], '基准地址', 'registered'
       FROM generate_series(1, $3::int) AS g
       RETURNING id`, [d.code, streets, RESIDENTS_PER_DISTRICT])).rows.map((r) => r.id);
    for (const { year, claims } of counts.filter((c) => c.districtCode === d.code)) {
      const [policy] = (await client.query(
        `SELECT p.id, p.insurer_id, array_agg(cv.id ORDER BY cv.event_type) AS coverage_ids, array_agg(cv.event_type ORDER BY cv.event_type) AS event_types
         FROM policy p JOIN coverage cv ON cv.policy_id = p.id
         WHERE p.district_code = $1 AND p.year = $2 AND p.status = 'active' GROUP BY p.id`, [d.code, year])).rows;
      const yearStarted = performance.now();
      await client.query(INSERT_CLAIMS_SQL,
        [d.code, year, claims, policy.id, policy.coverage_ids, policy.event_types, streets, residents, policy.insurer_id, cadreId]);
      await client.query('INSERT INTO claim_counter (district_code, year, last_seq) VALUES ($1, $2, $3)', [d.code, year, claims]);
      console.log(`  ${d.code} ${year}: ${claims.toLocaleString('en')} claims in ${((performance.now() - yearStarted) / 1000).toFixed(1)} s`);
    }
  }
  await client.query('VACUUM ANALYZE');
  return { seconds: (performance.now() - started) / 1000, counts };
}

// ---------- what is timed ----------

/** The same figures as the annual report, as the plain GROUP BY queries anyone would write first. */
async function annualBySql(client: pg.Client, districtCode: string, year: number): Promise<unknown[]> {
  const claims = 'FROM claim WHERE district_code = $1 AND year = $2';
  const params = [districtCode, year];
  return [
    (await client.query(
      `SELECT p.policy_no, p.premium, p.aggregate_limit, sum(c.approved_amount) AS used, sum(c.paid_amount) AS paid
       FROM policy p LEFT JOIN claim c ON c.policy_id = p.id AND c.district_code = p.district_code AND c.year = p.year
       WHERE p.district_code = $1 AND p.year = $2 AND p.status IN ('active', 'expired') GROUP BY p.id`, params)).rows,
    (await client.query(
      `SELECT count(*) AS reported, count(approved_amount) AS approved,
              count(*) FILTER (WHERE status = 'denied' OR (status = 'closed' AND paid_amount IS NULL)) AS denied,
              count(paid_amount) AS paid,
              count(*) FILTER (WHERE status IN ('reported', 'verifying', 'verified', 'needs_info', 'assessed')) AS pending,
              count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn,
              sum(claimed_amount) AS claimed, sum(approved_amount) AS approved_amount, sum(paid_amount) AS paid_amount ${claims}`, params)).rows,
    (await client.query(`SELECT event_type, count(*), count(paid_amount), sum(paid_amount) ${claims} GROUP BY event_type`, params)).rows,
    (await client.query(`SELECT street_code, count(*), count(paid_amount), sum(paid_amount) ${claims} GROUP BY street_code`, params)).rows,
    (await client.query(`SELECT to_char(incident_date, 'YYYY-MM') AS month, count(*), count(paid_amount), sum(paid_amount) ${claims} GROUP BY 1`, params)).rows,
    (await client.query(
      `SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - reported_at)) AS days,
              max(paid_at - reported_at) ${claims} AND paid_at IS NOT NULL`, params)).rows,
    (await client.query(`SELECT count(paid_amount), sum(paid_amount) ${claims.replace('$2', '$2 - 1')}`, params)).rows,
  ];
}

interface Timing {
  median: number;
  p95: number;
  min: number;
}

async function time(label: string, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const result = { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), min: samples[0] };
  console.log(`  ${label}: median ${result.median.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
  return result;
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}


// ---------- main ----------

async function main(): Promise<void> {
  console.log(`Reports benchmark: ${TOTAL_CLAIMS.toLocaleString('en')} claims`);
  const database = await freshDatabase();
  let app: NestExpressApplication | undefined;
  const client = new pg.Client({ connectionString: database.url });
  try {
    const db = new DataSource(dataSourceOptions(database.url));
    await db.initialize();
    await prepareReferenceData(db);
    await db.destroy();

    await client.connect();
    console.log('Loading claims…');
    const load = await loadClaims(client);
    const target = load.counts.find((c) => c.districtCode === TARGET.districtCode && c.year === TARGET.year)!;
    console.log(`Loaded in ${load.seconds.toFixed(1)} s`);

    const plan: string = (await client.query(
      `EXPLAIN (FORMAT TEXT) SELECT count(*), sum(paid_amount) FROM claim WHERE district_code = $1 AND year = $2`,
      [TARGET.districtCode, TARGET.year])).rows.map((r) => r['QUERY PLAN']).join('\n');
    const indexOnly = /Index Only Scan using claim_report_idx/.test(plan);

    Object.assign(process.env, { DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'development' });
    app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hc.officer', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const get = async (path: string): Promise<Response> => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    const annual = `/reports/annual?districtCode=${TARGET.districtCode}&year=${TARGET.year}`;
    const multiYear = `/reports/multi-year?districtCode=${TARGET.districtCode}&from=${YEARS[0]}&to=${YEARS.at(-1)}`;

    const report = (await (await get(annual)).json()) as { totals: { reported: number; paid: number } };
    const [, [totals]] = (await annualBySql(client, TARGET.districtCode, TARGET.year)) as [unknown, { reported: string; paid: string }[]];
    const agree = report.totals.reported === Number(totals.reported) && report.totals.paid === Number(totals.paid);
    if (report.totals.reported !== target.claims || !agree) throw new Error('The report does not match the loaded claims');

    const loadBefore = os.loadavg()[0];
    const memory = watchMemory();
    console.log(`Timing (${ITERATIONS} runs after ${WARM_UP} warm-up runs each):`);
    const sql = await time('annual, plain SQL GROUP BY', () => annualBySql(client, TARGET.districtCode, TARGET.year));
    const repository = app.get(ReportsRepository);
    const snapshots = app.get(Database);
    const own = await time('annual, the report\'s own queries', () => snapshots.snapshot((tx) => repository.annualFigures(tx, { districtCode: TARGET.districtCode, insurerId: null }, TARGET.year)));
    const json = await time('annual JSON over HTTP', async () => (await get(annual)).json());
    const pdf = await time('annual PDF over HTTP', async () => (await get(`${annual}&format=pdf`)).arrayBuffer());
    const xlsx = await time('annual XLSX over HTTP', async () => (await get(`${annual}&format=xlsx`)).arrayBuffer());
    const multi = await time('multi-year JSON over HTTP', async () => (await get(multiYear)).json());
    memory.stop();
    const peakRssMb = Math.max(memory.peakMb(), process.resourceUsage().maxRSS / 1024);
    const pgVersion: string = (await client.query('SHOW server_version')).rows[0].server_version;

    const ratio = json.median / sql.median;
    const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
    const ms = (t: Timing) => `${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.min.toFixed(1)}`;
    const cpus = os.cpus();
    const section = [
      `## ${new Date().toISOString()}`,
      '',
      `- Machine: ${machineLine()}`,
      `- Node ${process.version}, PostgreSQL ${pgVersion} (${database.where}, default settings)`,
      `- Data: ${TOTAL_CLAIMS.toLocaleString('en')} claims over ${DISTRICTS.length} districts × ${YEARS.length} years, loaded in ${load.seconds.toFixed(1)} s`
        + ` (INSERT … SELECT FROM generate_series, indexes and foreign keys in place, then VACUUM ANALYZE)`,
      `- Timed report: district ${TARGET.districtCode}, policy year ${TARGET.year}: ${target.claims.toLocaleString('en')} claims;`
        + ` its aggregation is ${indexOnly ? 'an index-only scan of claim_report_idx' : 'NOT an index-only scan (see plan)'}`,
      `- ${ITERATIONS} timed runs of each after ${WARM_UP} warm-up runs, one after another; the app answers over HTTP on localhost`
        + ' (token check, scope check, audit event per export included)',
      `- Load average (1 min) when timing started: ${loadBefore.toFixed(2)}, when it ended: ${os.loadavg()[0].toFixed(2)}`
        + ` (${cpus.length} CPUs; other work on the machine shows up in the spread between min and median)`,
      '',
      '| what | median ms | p95 ms | min ms |',
      '|---|---:|---:|---:|',
      `| annual figures, plain SQL GROUP BY (7 queries, one connection) | ${ms(sql)} |`,
      `| annual figures, the report's own queries (ReportsRepository.annualFigures, no HTTP) | ${ms(own)} |`,
      `| annual report JSON (GET /reports/annual) | ${ms(json)} |`,
      `| annual report PDF (format=pdf) | ${ms(pdf)} |`,
      `| annual report XLSX (format=xlsx) | ${ms(xlsx)} |`,
      `| multi-year JSON (${YEARS[0]}–${YEARS.at(-1)}) | ${ms(multi)} |`,
      '',
      '| goal | result | |',
      '|---|---|---|',
      `| annual JSON ≤ ${GOALS.jsonVsSqlRatio} × plain SQL | ${ratio.toFixed(2)} × | ${verdict(ratio <= GOALS.jsonVsSqlRatio)} |`,
      `| annual JSON < ${GOALS.jsonMs} ms | ${json.median.toFixed(1)} ms median, ${json.p95.toFixed(1)} ms p95 | ${verdict(json.p95 < GOALS.jsonMs)} |`,
      `| annual PDF < ${GOALS.pdfMs} ms | ${pdf.median.toFixed(1)} ms median, ${pdf.p95.toFixed(1)} ms p95 | ${verdict(pdf.p95 < GOALS.pdfMs)} |`,
      `| app process RSS < ${GOALS.rssMb} MB | ${peakRssMb.toFixed(0)} MB peak | ${verdict(peakRssMb < GOALS.rssMb)} |`,
      '',
    ].join('\n');
    console.log(`\n${section}`);
    const results = join(benchDir(), 'RESULTS.md');
    if (!existsSync(results)) {
      writeFileSync(results, '# Reports benchmark results\n\nWritten by `npm run bench:reports` (bench/reports.bench.ts); newest run last.\n\n');
    }
    appendFileSync(results, `${section}\n`);
    console.log(`Appended to ${results}`);
  } finally {
    await app?.close();
    await client.end().catch(() => undefined);
    await database.drop();
  }
}


main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
