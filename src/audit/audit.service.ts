import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';
import { toAuditEventResponse, type AuditEventResponse, type AuditVerifyResponse, type ListAuditQuery } from './dto/audit.dto.js';
import { canonicalJson } from './canonical-json.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditEntry {
  actor: AuthUser | { id: string | null };
  action: string;
  entity: string;
  entityId?: string | null;
  districtCode?: string | null;
  data?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly db: Database,
  ) {}

  /**
   * Appends one hash-chained event inside the caller's transaction. The chain
   * lock is held until that transaction ends, so call this as the last write
   * of the transaction (after any row locks) to keep lock order simple.
   */
  record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    return this.recordAll(tx, [entry]);
  }

  /** Appends the events in order, chained one to the next, under one lock: record for many events at once (the demo seed). */
  async recordAll(tx: EntityManager, entries: AuditEntry[]): Promise<void> {
    const last = await this.audit.lockChainAndReadTail(tx);
    let seq = BigInt(last?.seq ?? '0');
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = new Date().toISOString();
    const events = entries.map((entry) => {
      seq += 1n;
      const row = {
        seq: seq.toString(),
        at,
        actorId: entry.actor.id ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        districtCode: entry.districtCode ?? null,
        // Round-trip through canonical JSON so what is hashed is exactly what jsonb returns.
        data: JSON.parse(canonicalJson(entry.data ?? {})) as Record<string, unknown>,
      };
      const event = { ...row, prevHash, hash: chainHash(prevHash, row) };
      prevHash = event.hash;
      return event;
    });
    await this.audit.append(tx, events);
  }

  /** Admins see the whole log; a district officer sees the events of their district. */
  async list(caller: AuthUser, query: ListAuditQuery): Promise<Page<AuditEventResponse>> {
    const districtCode = caller.role === Role.Admin ? undefined : caller.districtCode ?? '';
    const [events, total] = await this.audit.list(this.db.manager,
      { entity: query.entity, entityId: query.entityId, districtCode },
      (query.page - 1) * query.pageSize, query.pageSize,
    );
    return pageOf(events.map(toAuditEventResponse), total, query);
  }

  /** Recomputes every link of the chain; names the first row whose hash or link does not hold. */
  async verify(): Promise<AuditVerifyResponse> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    for await (const batch of this.audit.walk(this.db.manager)) {
      for (const event of batch) {
        const recomputed = chainHash(prevHash, {
          seq: event.seq, at: event.at.toISOString(), actorId: event.actorId, action: event.action,
          entity: event.entity, entityId: event.entityId, districtCode: event.districtCode, data: event.data,
        });
        if (BigInt(event.seq) !== expectedSeq || event.prevHash !== prevHash || event.hash !== recomputed) {
          return { ok: false, checked, firstBrokenSeq: event.seq };
        }
        prevHash = event.hash;
        expectedSeq += 1n;
        checked += 1;
      }
    }
    return { ok: true, checked, firstBrokenSeq: null };
  }
}
