/**
 * The bare baselines of `npm run bench:load`: Node's http server and a `pg`
 * pool as large as the app's, doing one piece of the app's database work per
 * request and nothing else (no framework, no validation, no auth). Run in a
 * process of its own, like the app. Tables are copies of the app's (LIKE …
 * INCLUDING ALL, foreign keys aside), so rows are the same shape and size.
 *
 *   POST /insert   one INSERT of a claim-like row
 *   POST /filing   a filing's writes in one transaction, holding its locks to
 *                  the end: counter upsert for the gap-free number, claim
 *                  insert, history insert, advisory lock + last hash + audit insert
 *   GET  /claim?id one SELECT of a claim by id
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const AUDIT_LOCK = 7_245_777;

export const BASELINE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS bench_claim (LIKE claim INCLUDING ALL);
  CREATE TABLE IF NOT EXISTS bench_claim_counter (LIKE claim_counter INCLUDING ALL);
  CREATE TABLE IF NOT EXISTS bench_claim_status_change (LIKE claim_status_change INCLUDING ALL);
  CREATE TABLE IF NOT EXISTS bench_audit_event (LIKE audit_event INCLUDING ALL);`;

/** A claim row as the app writes one, from an existing claim (the same references and sizes). */
export async function claimTemplate(pool: pg.Pool): Promise<Record<string, unknown>> {
  const { rows: [claim] } = await pool.query(`SELECT * FROM claim ORDER BY reported_at LIMIT 1`);
  if (!claim) throw new Error('the baseline copies an existing claim: file one first');
  return claim;
}

async function main(): Promise<void> {
  const [databaseUrl, port, poolSize] = [process.env.DATABASE_URL!, Number(process.env.PORT), Number(process.env.POOL_SIZE ?? 20)];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(BASELINE_SCHEMA);
  const template = await claimTemplate(pool);
  const columns = Object.keys(template).filter((c) => !['id', 'claim_no', 'seq'].includes(c));
  let n = 0;
  const reported = new Set<string>();

  const insertClaim = (db: pg.Pool | pg.PoolClient, seq: number, claimNo: string) => db.query(
    `INSERT INTO bench_claim (id, claim_no, seq, ${columns.join(', ')})
     VALUES ($1, $2, $3, ${columns.map((_, i) => `$${i + 4}`).join(', ')}) RETURNING id`,
    [randomUUID(), claimNo, seq, ...columns.map((c) => template[c])]);

  const filing = async (): Promise<string> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows: [{ last_seq: seq }] } = await client.query(
        `INSERT INTO bench_claim_counter (district_code, year, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (district_code, year) DO UPDATE SET last_seq = bench_claim_counter.last_seq + 1 RETURNING last_seq`,
        [template.district_code, template.year]);
      const { rows: [{ id }] } = await insertClaim(client, seq, `${template.district_code}-${template.year}-${String(seq).padStart(6, '0')}`);
      await client.query(
        `INSERT INTO bench_claim_status_change (claim_id, district_code, from_status, to_status, actor_id, reason) VALUES ($1, $2, NULL, 'reported', $3, NULL)`,
        [id, template.district_code, template.reported_by]);
      await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      const { rows: [last] } = await client.query('SELECT chain_seq, hash FROM bench_audit_event ORDER BY chain_seq DESC LIMIT 1');
      const chainSeq = Number(last?.chain_seq ?? 0) + 1;
      const prevHash = last?.hash ?? '0'.repeat(64);
      const data = { claimNo: `${seq}`, residentId: template.resident_id, claimedAmount: '1000.00', flags: [] };
      const hash = createHash('sha256').update(prevHash).update(JSON.stringify({ chainSeq, data })).digest('hex');
      await client.query(
        `INSERT INTO bench_audit_event (chain, chain_seq, at, actor_id, action, entity, entity_id, district_code, data, prev_hash, hash)
         VALUES ($4, $1, now(), $2, 'claim.file', 'claim', $3, $4, $5, $6, $7)`,
        [chainSeq, template.reported_by, id, template.district_code, JSON.stringify(data), prevHash, hash]);
      await client.query('COMMIT');
      return id;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = (work: Promise<unknown>) => work.then(
      (body) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); },
      (error: Error) => {
        // Each distinct failure once: a baseline that errs measures nothing.
        if (!reported.has(error.message)) console.error(`baseline ${url.pathname}: ${reported.add(error.message) && error.message}`);
        res.writeHead(500);
        res.end(error.message);
      });
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && url.pathname === '/insert') {
        n += 1;
        answer(insertClaim(pool, 1_000_000 + n, `bench-${process.pid}-${n}`).then((r) => r.rows[0]));
      } else if (req.method === 'POST' && url.pathname === '/filing') {
        answer(filing().then((id) => ({ id })));
      } else if (req.method === 'GET' && url.pathname === '/claim') {
        answer(pool.query('SELECT * FROM claim WHERE id = $1', [url.searchParams.get('id')]).then((r) => r.rows[0]));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  server.listen(port, '127.0.0.1', () => console.log(`baseline listening on ${port}`));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}

if (process.argv[1]?.endsWith('baseline-server.js')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
