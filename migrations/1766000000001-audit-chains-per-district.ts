import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { canonicalJson } from '../src/audit/canonical-json.js';

const GENESIS_HASH = '0'.repeat(64);
const BATCH = 2_000;

interface StoredEvent {
  seq: string; at: Date; actor_id: string | null; action: string; entity: string; entity_id: string | null;
  district_code: string | null; data: unknown; prev_hash: string; hash: string; chain_seq: string | null;
}

/** The hashed fields of the one global chain this migration leaves behind (seq was gap-free and hashed). */
function globalLinkHash(prevHash: string, e: StoredEvent): string {
  return sha256(prevHash, {
    seq: e.seq, at: e.at.toISOString(), actorId: e.actor_id, action: e.action, entity: e.entity,
    entityId: e.entity_id, districtCode: e.district_code, data: e.data,
  });
}

/** The hashed fields of a per-district chain, as src/audit/audit-chain.ts defines them at this migration. */
function chainLinkHash(prevHash: string, chain: string, chainSeq: string, e: StoredEvent): string {
  return sha256(prevHash, {
    chain, chainSeq, at: e.at.toISOString(), actorId: e.actor_id, action: e.action, entity: e.entity,
    entityId: e.entity_id, districtCode: e.district_code, data: e.data,
  });
}

function sha256(prevHash: string, row: unknown): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/**
 * One hash chain per district, and one for system-wide events (users,
 * insurers, the catalogue), so a district's writes never wait on another's.
 * `audit_chain` holds each chain's head: locking that row is what orders a
 * chain, and it lets verification notice a chain cut short at its end.
 * `seq` stays the global order of the log but now comes from a sequence
 * (gaps after a rollback are fine; the chains are gap-free).
 *
 * The existing global chain is checked link by link before it is rewritten:
 * a broken log stops the migration instead of being re-hashed into a valid one.
 */
export class AuditChainsPerDistrict1766000000001 implements MigrationInterface {
  name = 'AuditChainsPerDistrict1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN chain varchar(12), ADD COLUMN chain_seq bigint`);
    await q.query(`
      CREATE TABLE audit_chain (
        chain     varchar(12) PRIMARY KEY,
        last_seq  bigint NOT NULL CHECK (last_seq >= 0),
        last_hash char(64) NOT NULL
      )`);

    const heads = new Map<string, { seq: bigint; hash: string }>();
    let globalPrev = GENESIS_HASH;
    let expected = 1n;
    await rewrite(q, (event) => {
      if (BigInt(event.seq) !== expected || event.prev_hash !== globalPrev || event.hash !== globalLinkHash(globalPrev, event)) {
        throw new Error(`audit_event seq ${event.seq} breaks the audit chain; verify and repair the log before migrating`);
      }
      expected += 1n;
      globalPrev = event.hash;
      const chain = event.district_code ?? 'system';
      const head = heads.get(chain) ?? { seq: 0n, hash: GENESIS_HASH };
      const chainSeq = (head.seq + 1n).toString();
      const hash = chainLinkHash(head.hash, chain, chainSeq, event);
      const prevHash = head.hash;
      heads.set(chain, { seq: head.seq + 1n, hash });
      return { chain, chainSeq, prevHash, hash };
    });
    for (const [chain, head] of heads) {
      await q.query(`INSERT INTO audit_chain (chain, last_seq, last_hash) VALUES ($1, $2, $3)`, [chain, head.seq.toString(), head.hash]);
    }

    await q.query(`
      ALTER TABLE audit_event
        ALTER COLUMN chain SET NOT NULL,
        ALTER COLUMN chain_seq SET NOT NULL,
        ADD CONSTRAINT audit_event_chain_seq_positive CHECK (chain_seq > 0),
        ADD CONSTRAINT audit_event_chain_of_district CHECK (chain = coalesce(district_code, 'system')),
        ADD CONSTRAINT audit_event_chain_link_uq UNIQUE (chain, chain_seq),
        ADD CONSTRAINT audit_event_chain_fk FOREIGN KEY (chain) REFERENCES audit_chain(chain)`);
    await q.query(`CREATE SEQUENCE audit_event_seq_seq OWNED BY audit_event.seq`);
    await q.query(`SELECT setval('audit_event_seq_seq', coalesce((SELECT max(seq) FROM audit_event), 0) + 1, false)`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN seq SET DEFAULT nextval('audit_event_seq_seq')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ALTER COLUMN seq DROP DEFAULT`);
    await q.query(`DROP SEQUENCE audit_event_seq_seq`);
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_chain_fk, DROP CONSTRAINT audit_event_chain_link_uq,
      DROP CONSTRAINT audit_event_chain_of_district, DROP CONSTRAINT audit_event_chain_seq_positive`);
    // Back to one gap-free chain in seq order: renumber, then link each event to the one before.
    // The key is dropped meanwhile: a renumbering UPDATE may meet a seq that moves away later in the same statement.
    await q.query('ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey');
    let seq = 0n;
    let prev = GENESIS_HASH;
    await rewrite(q, (event) => {
      seq += 1n;
      const renumbered = { ...event, seq: seq.toString() };
      const hash = globalLinkHash(prev, renumbered);
      const prevHash = prev;
      prev = hash;
      return { seq: renumbered.seq, prevHash, hash };
    });
    await q.query('ALTER TABLE audit_event ADD PRIMARY KEY (seq)');
    await q.query(`DROP TABLE audit_chain`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN chain, DROP COLUMN chain_seq`);
  }
}

/**
 * Walks the log in seq order and rewrites each event's link fields, with the
 * append-only trigger switched off for this transaction's statements only.
 * Renumbered seqs only ever move down, so a row already rewritten is never read again.
 */
async function rewrite(
  q: QueryRunner,
  relink: (event: StoredEvent) => { seq?: string; chain?: string; chainSeq?: string; prevHash: string; hash: string },
): Promise<void> {
  await q.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
  // Hashes are rewritten in place; the unique index on hash must not see an old and a new value collide mid-batch.
  await q.query('ALTER TABLE audit_event DROP CONSTRAINT audit_event_hash_key');
  let after = '0';
  for (;;) {
    const batch: StoredEvent[] = await q.query(
      `SELECT seq, at, actor_id, action, entity, entity_id, district_code, data, prev_hash, hash
       FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`, [after]);
    if (batch.length === 0) break;
    const params: unknown[] = [];
    const rows = batch.map((event) => {
      const link = relink(event);
      params.push(event.seq, link.seq ?? event.seq, link.chain ?? null, link.chainSeq ?? null, link.prevHash, link.hash);
      const n = params.length - 6;
      return `($${n + 1}::bigint, $${n + 2}::bigint, $${n + 3}::varchar, $${n + 4}::bigint, $${n + 5}::char(64), $${n + 6}::char(64))`;
    });
    await q.query(
      `UPDATE audit_event e SET seq = v.new_seq, chain = coalesce(v.chain, e.chain), chain_seq = coalesce(v.chain_seq, e.chain_seq), prev_hash = v.prev_hash, hash = v.hash
       FROM (VALUES ${rows.join(', ')}) AS v(seq, new_seq, chain, chain_seq, prev_hash, hash) WHERE e.seq = v.seq`,
      params);
    after = batch[batch.length - 1].seq;
  }
  await q.query('ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_key UNIQUE (hash)');
  await q.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
}
