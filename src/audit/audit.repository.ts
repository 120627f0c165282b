import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GENESIS_HASH } from './audit-chain.js';
import { AuditEvent } from './entities/audit-event.entity.js';
import { prepared } from '../database/prepared-statements.js';

const APPEND_CHUNK = 5_000;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  districtCode?: string;
}

export interface ChainHead {
  chain: string;
  lastSeq: string;
  lastHash: string;
}

export type NewAuditEvent = Omit<AuditEvent, 'seq' | 'at' | 'data'> & { at: string; data: Record<string, unknown> };

/** An event whose link is made in SQL: its canonical JSON around the chainSeq the head gives it (canonicalAroundSeq). */
export type UnlinkedAuditEvent = Omit<NewAuditEvent, 'chainSeq' | 'prevHash' | 'hash'> & { before: string; after: string };

@Injectable()
export class AuditRepository {
  /**
   * Locks a chain's head row until the transaction ends and returns its tail,
   * creating the head of a chain's first event. One round trip: the upsert
   * waits for a concurrent writer of the same chain and then reads what it committed.
   */
  async lockChainHead(tx: EntityManager, chain: string): Promise<ChainHead> {
    const [head]: { last_seq: string; last_hash: string }[] = await tx.query(
      `INSERT INTO audit_chain (chain, last_seq, last_hash) VALUES ($1, 0, $2)
       ON CONFLICT (chain) DO UPDATE SET chain = EXCLUDED.chain
       RETURNING last_seq, last_hash`,
      [chain, GENESIS_HASH],
    );
    return { chain, lastSeq: head.last_seq, lastHash: head.last_hash };
  }

  /**
   * Appends one event to a chain that has a head, in one statement: locks
   * the head, links the event to it (sha256 of the head's hash and the
   * canonical JSON, byte for byte chainHash), inserts it and moves the head.
   * The FOR UPDATE waits for a concurrent writer of the chain and then reads
   * what it committed, which the UPDATE of the same row follows. False when
   * the chain has no head yet (nothing written).
   */
  async appendLinked(tx: EntityManager, event: UnlinkedAuditEvent): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      prepared(`WITH head AS (
         SELECT chain, last_seq + 1 AS chain_seq, last_hash AS prev_hash FROM audit_chain WHERE chain = $1 FOR UPDATE
       ), linked AS (
         SELECT chain, chain_seq, prev_hash,
                encode(sha256(convert_to(prev_hash, 'UTF8') || $2::bytea || convert_to(chain_seq::text, 'UTF8') || $3::bytea), 'hex') AS hash
           FROM head
       ), moved AS (
         UPDATE audit_chain c SET last_seq = l.chain_seq, last_hash = l.hash FROM linked l WHERE c.chain = l.chain
       )
       INSERT INTO audit_event (chain, chain_seq, at, actor_id, action, entity, entity_id, district_code, data, prev_hash, hash)
       SELECT chain, chain_seq, $4, $5, $6, $7, $8, $9, $10, prev_hash, hash FROM linked
       RETURNING chain_seq`),
      [event.chain, Buffer.from(event.before, 'utf8'), Buffer.from(event.after, 'utf8'), event.at, event.actorId, event.action,
        event.entity, event.entityId, event.districtCode, JSON.stringify(event.data)],
    );
    return rows.length === 1;
  }

  /** Inserts a chain's new events and moves its head to the last, in one statement per chunk (PostgreSQL takes 65,535 parameters a statement). */
  async append(tx: EntityManager, events: NewAuditEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += APPEND_CHUNK) {
      const chunk = events.slice(start, start + APPEND_CHUNK);
      const params: unknown[] = [];
      const rows = chunk.map((event) => {
        params.push(event.chain, event.chainSeq, event.at, event.actorId, event.action, event.entity, event.entityId,
          event.districtCode, JSON.stringify(event.data), event.prevHash, event.hash);
        const n = params.length - 11;
        return `(${Array.from({ length: 11 }, (_, i) => `$${n + i + 1}`).join(', ')})`;
      });
      const last = chunk[chunk.length - 1];
      params.push(last.chain, last.chainSeq, last.hash);
      const n = params.length;
      await tx.query(
        `WITH appended AS (
           INSERT INTO audit_event (chain, chain_seq, at, actor_id, action, entity, entity_id, district_code, data, prev_hash, hash)
           VALUES ${rows.join(', ')})
         UPDATE audit_chain SET last_seq = $${n - 1}, last_hash = $${n} WHERE chain = $${n - 2}`,
        params,
      );
    }
  }

  async list(db: EntityManager, filter: AuditFilter, offset: number, limit: number): Promise<[AuditEvent[], number]> {
    const query = db.getRepository(AuditEvent).createQueryBuilder('e');
    if (filter.entity) query.andWhere('e.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('e.entityId = :entityId', { entityId: filter.entityId });
    if (filter.districtCode) query.andWhere('e.districtCode = :districtCode', { districtCode: filter.districtCode });
    return query.orderBy('e.seq', 'DESC').skip(offset).take(limit).getManyAndCount();
  }

  /** Every chain's head, or only the named ones. */
  async heads(db: EntityManager, chains?: string[]): Promise<ChainHead[]> {
    const rows: { chain: string; last_seq: string; last_hash: string }[] = chains
      ? await db.query('SELECT chain, last_seq, last_hash FROM audit_chain WHERE chain = ANY($1) ORDER BY chain', [chains])
      : await db.query('SELECT chain, last_seq, last_hash FROM audit_chain ORDER BY chain');
    return rows.map((r) => ({ chain: r.chain, lastSeq: r.last_seq, lastHash: r.last_hash }));
  }

  /** Streams one chain in link order, a batch at a time, so verification stays in bounded memory. */
  async *walk(db: EntityManager, chain: string, batchSize = 5000): AsyncGenerator<AuditEvent[]> {
    let after = '0';
    for (;;) {
      const batch = await db.getRepository(AuditEvent).createQueryBuilder('e')
        .where('e.chain = :chain AND e.chainSeq > :after', { chain, after }).orderBy('e.chainSeq', 'ASC').limit(batchSize).getMany();
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].chainSeq;
    }
  }
}
