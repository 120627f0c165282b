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
