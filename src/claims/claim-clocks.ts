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
   * included; the returned write inserts them for the new claim as part of
   * the filing's own statement (ClaimsRepository.insertFiled).
   */
  prepareFiling(tx: EntityManager, policy: PolicyTerms): Promise<FiledClaimWrite>;
}

/**
 * Another module's write that goes with a filing's one statement: the SQL of
 * a data-modifying WITH part reading the new claim's `id` from the relation
 * named `filed`, its values as parameters through `param` (which answers the
 * placeholder, `$n`). So the write is in the statement that takes the number,
 * not one more round trip while the number's counter row is held.
 */
export type FiledClaimWrite = (filed: string, param: (value: unknown) => string) => string;

/** A policy's service deadlines (its entity has them); working days for the steps, calendar days for the decision and the refusal. */
export interface PolicyTerms {
  verifyWorkingDays: number;
  assessWorkingDays: number;
  decideDays: number;
  payWorkingDays: number;
  denialNoticeDays: number;
}

export const CLAIM_CLOCKS = Symbol('ClaimClocks');

/**
 * A clock that runs, as SQL over claim_deadline aliased `alias`: not ended,
 * and not paused (its claim waits in needs_info, so it has no due date).
 * What the overdue list, the work queues, the reminders and the claim list's
 * overdue filter all mean by a running clock.
 */
export function runningClockSql(alias: string): string {
  return `${alias}.ended_on IS NULL AND ${alias}.paused_on IS NULL`;
}
