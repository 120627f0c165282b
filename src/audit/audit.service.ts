import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { canonicalAroundSeq, chainHash, chainOf, GENESIS_HASH, type ChainedFields } from './audit-chain.js';
import { toAuditEventResponse, type AuditEventResponse, type AuditVerifyResponse, type ChainVerification, type ListAuditQuery } from './dto/audit.dto.js';
import { canonicalJson } from './canonical-json.js';
import { AuditRepository, type ChainHead } from './audit.repository.js';

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
   * Appends one hash-chained event inside the caller's transaction, to the
   * chain of its district (or the system chain). The chain's head stays
   * locked until that transaction ends, so call this as the last write of
   * the transaction: the shorter the hold, the more writes a district takes.
   */
  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    const row = unlinkedRow(chainOf(entry.districtCode), new Date().toISOString(), entry);
    const appended = await this.audit.appendLinked(tx, { ...row, ...canonicalAroundSeq(row) });
    // A chain's first event creates its head.
    if (!appended) await this.recordAll(tx, [entry]);
  }

  /**
   * Appends the events in order, each chain's events linked one to the next
   * (the demo seed records many at once). Chains are locked in name order,
   * so two transactions writing to the same chains cannot deadlock here.
   */
  async recordAll(tx: EntityManager, entries: AuditEntry[]): Promise<void> {
    const byChain = new Map<string, AuditEntry[]>();
    for (const entry of entries) {
      const chain = chainOf(entry.districtCode);
      byChain.set(chain, [...(byChain.get(chain) ?? []), entry]);
    }
    const at = new Date().toISOString();
    for (const chain of [...byChain.keys()].sort()) {
      const head = await this.audit.lockChainHead(tx, chain);
      let chainSeq = BigInt(head.lastSeq);
      let prevHash = head.lastHash;
      const events = byChain.get(chain)!.map((entry) => {
        chainSeq += 1n;
        const row = { ...unlinkedRow(chain, at, entry), chainSeq: chainSeq.toString() };
        const event = { ...row, prevHash, hash: chainHash(prevHash, row) };
        prevHash = event.hash;
        return event;
      });
      await this.audit.append(tx, events);
    }
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

  /**
   * Recomputes every link of every chain the caller may see (an officer:
   * their district's); names each chain's first event whose hash or link does
   * not hold, or that its head says should be there and is not.
   */
  async verify(caller: AuthUser): Promise<AuditVerifyResponse> {
    const heads = await this.audit.heads(this.db.manager, caller.role === Role.Admin ? undefined : [caller.districtCode ?? '']);
    const chains: ChainVerification[] = [];
    for (const head of heads) chains.push(await this.verifyChain(head));
    const broken = chains.filter((c) => !c.ok);
    const firstBrokenSeq = broken.map((c) => c.firstBrokenSeq).filter((seq) => seq !== null)
      .sort((a, b) => Number(BigInt(a) - BigInt(b)))[0] ?? null;
    return { ok: broken.length === 0, checked: chains.reduce((n, c) => n + c.checked, 0), firstBrokenSeq, chains };
  }

  private async verifyChain(head: ChainHead): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    let lastSeq: string | null = null;
    for await (const batch of this.audit.walk(this.db.manager, head.chain)) {
      for (const event of batch) {
        const recomputed = chainHash(prevHash, {
          chain: event.chain, chainSeq: event.chainSeq, at: event.at.toISOString(), actorId: event.actorId, action: event.action,
          entity: event.entity, entityId: event.entityId, districtCode: event.districtCode, data: event.data,
        });
        if (BigInt(event.chainSeq) !== expectedSeq || event.prevHash !== prevHash || event.hash !== recomputed) {
          return { chain: head.chain, ok: false, checked, firstBrokenSeq: event.seq };
        }
        prevHash = event.hash;
        expectedSeq += 1n;
        checked += 1;
        lastSeq = event.seq;
      }
    }
    // Events cut from the chain's end leave every remaining link intact; the head still counts them.
    if (BigInt(head.lastSeq) !== BigInt(checked) || head.lastHash !== prevHash) {
      return { chain: head.chain, ok: false, checked, firstBrokenSeq: lastSeq };
    }
    return { chain: head.chain, ok: true, checked, firstBrokenSeq: null };
  }
}

/** What an entry's event says, all but its place in the chain. */
function unlinkedRow(chain: string, at: string, entry: AuditEntry): Omit<ChainedFields, 'chainSeq'> & { data: Record<string, unknown> } {
  return {
    chain,
    at,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    districtCode: entry.districtCode ?? null,
    // Round-trip through canonical JSON so what is hashed is exactly what jsonb returns.
    data: JSON.parse(canonicalJson(entry.data ?? {})) as Record<string, unknown>,
  };
}
