import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The chain of system-wide events (users, insurers, the catalogue); every district has its own, named by its code. */
export const SYSTEM_CHAIN = 'system';

export const chainOf = (districtCode: string | null | undefined): string => districtCode ?? SYSTEM_CHAIN;

/** What an event's hash covers: its place in its chain and everything it says. The global `seq` only orders the log. */
export interface ChainedFields {
  chain: string;
  chainSeq: string;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  districtCode: string | null;
  data: unknown;
}

/** hash = sha256(prev_hash ‖ canonical JSON of the row) */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/**
 * The row's canonical JSON split around its chainSeq value, for a hash taken
 * where the seq is only known under the chain's lock (AuditRepository.appendLinked):
 * chainHash(prev, row) = sha256(prev ‖ before ‖ row.chainSeq ‖ after).
 * chainSeq is the one key between `chain` and `data` in sorted order.
 */
export function canonicalAroundSeq(row: Omit<ChainedFields, 'chainSeq'>): { before: string; after: string } {
  const { action, actorId, at, chain, ...rest } = row;
  const head = canonicalJson({ action, actorId, at, chain });
  return { before: `${head.slice(0, -1)},"chainSeq":"`, after: `",${canonicalJson(rest).slice(1)}` };
}
