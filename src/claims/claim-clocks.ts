import type { EntityManager } from 'typeorm';
import type { ClaimAction } from './claim-workflow.js';

/**
 * The claim's deadline clocks, moved in the transaction of every filing and
 * transition. deadlines/ provides it (DeadlinesService); claims/ names only
 * what the workflow needs, so it does not depend on deadlines/.
 */
export interface ClaimClocks {
  track(tx: EntityManager, claim: { id: string; policyId: string }, event: ClaimAction): Promise<void>;
  /**
   * The clocks a filing starts, worked out from the policy's terms (the
   * filing has just read its policy) before the claim exists, reads
   * included; the returned step writes them for the new claim, in the same transaction.
   */
  prepareFiling(tx: EntityManager, policy: PolicyTerms): Promise<(claimId: string) => Promise<void>>;
}

/** A policy's service deadlines (its entity has them); working days for the steps, calendar days for the decision and the refusal. */
export interface PolicyTerms {
  verifyWorkingDays: number;
  assessWorkingDays: number;
  decideDays: number;
  payWorkingDays: number;
  denialNoticeDays: number;
}

export const CLAIM_CLOCKS = Symbol('ClaimClocks');
