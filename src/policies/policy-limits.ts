/**
 * The limits a claim is paid within and what other claims have used of them.
 * "Used" counts every approved amount: approval alone sets a claim's
 * approved_amount, so approved, paid and closed-after-payment claims count and
 * denied or withdrawn ones never do.
 */
export interface CoverageLimits {
  deductible: bigint;
  /** Basis points: 10000 = 100 %. */
  payoutRatioBp: number;
  perClaimLimit: bigint;
  perPersonAnnualLimit: bigint;
  /** Same resident, same coverage (so the same policy year). */
  personUsed: bigint;
  aggregateLimit: bigint;
  /** Every approved claim of the policy. */
  aggregateUsed: bigint;
}

/** What is left of a limit: never below zero. The one computation behind the quote, the approval and the policy response. */
export function leftOf(limit: bigint, used: bigint): bigint {
  return used < limit ? limit - used : 0n;
}
