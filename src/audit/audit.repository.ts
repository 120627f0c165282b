import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent } from './entities/audit-event.entity.js';

/** Any constant works; it names the one lock that orders the chain across app processes. */
const AUDIT_CHAIN_LOCK = 7_245_001;
const APPEND_CHUNK = 5_000;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  districtCode?: string;
}

@Injectable()
export class AuditRepository {
  async lockChainAndReadTail(tx: EntityManager): Promise<{ seq: string; hash: string } | undefined> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const rows: { seq: string; hash: string }[] = await tx.query(
      'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    return rows[0];
  }

  /** In chunks, to stay under PostgreSQL's 65,535 parameters a statement. */
  async append(tx: EntityManager, events: (Omit<AuditEvent, 'at' | 'data'> & { at: string; data: Record<string, unknown> })[]): Promise<void> {
    for (let start = 0; start < events.length; start += APPEND_CHUNK) {
      const params: unknown[] = [];
      const rows = events.slice(start, start + APPEND_CHUNK).map((event) => {
        params.push(event.seq, event.at, event.actorId, event.action, event.entity, event.entityId,
          event.districtCode, JSON.stringify(event.data), event.prevHash, event.hash);
        const n = params.length - 10;
        return `(${Array.from({ length: 10 }, (_, i) => `$${n + i + 1}`).join(', ')})`;
      });
      await tx.query(
        `INSERT INTO audit_event (seq, at, actor_id, action, entity, entity_id, district_code, data, prev_hash, hash)
         VALUES ${rows.join(', ')}`,
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

  /** Streams the chain in seq order, a batch at a time, so verification stays in bounded memory. */
  async *walk(db: EntityManager, batchSize = 5000): AsyncGenerator<AuditEvent[]> {
    let after = '0';
    for (;;) {
      const batch = await db.getRepository(AuditEvent).createQueryBuilder('e')
        .where('e.seq > :after', { after }).orderBy('e.seq', 'ASC').limit(batchSize).getMany();
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].seq;
    }
  }
}
