import type { EntityManager } from 'typeorm';
import type { ClaimAction } from './claim-workflow.js';

/**
 * The claim's deadline clocks, moved in the transaction of every filing and
 * transition. deadlines/ provides it (DeadlinesService); claims/ names only
 * what the workflow needs, so it does not depend on deadlines/.
 */
export interface ClaimClocks {
  /** `policy`: the claim's policy terms when the caller has them already (a filing has just read its policy), saving their read. */
  track(tx: EntityManager, claim: { id: string; policyId: string }, event: ClaimAction | 'file', policy?: PolicyTerms): Promise<void>;
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
