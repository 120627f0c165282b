import type { EntityManager } from 'typeorm';
import type { ClaimAction } from './claim-workflow.js';
import type { Claim } from './entities/claim.entity.js';

/**
 * Tells the resident of the transitions that concern them (filed, returned
 * for information, approved, denied, paid), in the transaction of the
 * transition: an outbox row the notifications worker delivers after commit.
 * notifications/ provides it; claims/ names only what the workflow needs.
 */
export interface ResidentNotifier {
  transitioned(tx: EntityManager, claim: Claim, event: ClaimAction | 'file'): Promise<void>;
}

export const RESIDENT_NOTIFIER = Symbol('ResidentNotifier');
