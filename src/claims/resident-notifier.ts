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
  transitioned(tx: EntityManager, claim: NotifiedClaim, event: ClaimAction | 'file'): Promise<void>;
}

/** What a message says of its claim, and whom it goes to. */
export type NotifiedClaim = Pick<Claim, 'id' | 'claimNo' | 'residentId' | 'status' | 'approvedAmount' | 'paidAmount'>;

export const RESIDENT_NOTIFIER = Symbol('ResidentNotifier');
