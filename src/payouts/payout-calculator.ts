import { formatMoney } from '../common/money.js';
import { leftOf, type CoverageLimits } from '../policies/policy-limits.js';

/**
 * The payout calculator of DESIGN.md, in fen:
 *
 *   payable = min( round_half_up((verifiedLoss − deductible)⁺ × ratioBp / 10000),
 *                  perClaimLimit, perPersonAnnualLeft, aggregateLeft )
 *
 * The caller supplies what the person and the policy have already used
 * (PoliciesRepository.limitsFor); the calculator only does arithmetic.
 */
export interface PayoutInput extends CoverageLimits {
  verifiedLoss: bigint;
}

export type PayoutLimitedBy = 'loss' | 'per_claim_limit' | 'per_person_annual_limit' | 'aggregate_limit';

export const PAYOUT_STEP_CODES = [
  'verified_loss', 'deductible', 'after_deductible', 'payout_ratio',
  'per_claim_limit', 'per_person_annual_left', 'aggregate_left', 'payable',
] as const;
export type PayoutStepCode = (typeof PAYOUT_STEP_CODES)[number];

/** Codes and numbers only: what a step is called on paper comes from templates/. */
export interface PayoutStep {
  step: PayoutStepCode;
  amount: bigint;
}

export interface PayoutQuote {
  verifiedLoss: bigint;
  deductible: bigint;
  afterDeductible: bigint;
  ratioBp: number;
  afterRatio: bigint;
  perClaimLimit: bigint;
  perPersonAnnualLeft: bigint;
  aggregateLeft: bigint;
  payable: bigint;
  limitedBy: PayoutLimitedBy;
  steps: PayoutStep[];
}

export interface PayoutStepJson {
  step: PayoutStepCode;
  amount: string;
}

// A type alias, not an interface, so it stays assignable to Record<string, unknown> (jsonb columns, responses).
export type PayoutQuoteJson = {
  verifiedLoss: string;
  deductible: string;
  afterDeductible: string;
  ratioBp: number;
  afterRatio: string;
  perClaimLimit: string;
  perPersonAnnualLeft: string;
  aggregateLeft: string;
  payable: string;
  limitedBy: PayoutLimitedBy;
  steps: PayoutStepJson[];
};

const FULL_RATIO_BP = 10_000;

export function calculatePayout(input: PayoutInput): PayoutQuote {
  assertInput(input);
  const { verifiedLoss, deductible, payoutRatioBp: ratioBp, perClaimLimit } = input;

  const afterDeductible = leftOf(verifiedLoss, deductible);
  const afterRatio = (afterDeductible * BigInt(ratioBp) + 5_000n) / 10_000n;
  const perPersonAnnualLeft = leftOf(input.perPersonAnnualLimit, input.personUsed);
  const aggregateLeft = leftOf(input.aggregateLimit, input.aggregateUsed);

  // A limit is named only when it is strictly below everything before it, so
  // a loss that exactly meets a limit is reported as paid in full ('loss').
  let payable = afterRatio;
  let limitedBy: PayoutLimitedBy = 'loss';
  for (const [limit, name] of [
    [perClaimLimit, 'per_claim_limit'],
    [perPersonAnnualLeft, 'per_person_annual_limit'],
    [aggregateLeft, 'aggregate_limit'],
  ] as const) {
    if (limit < payable) {
      payable = limit;
      limitedBy = name;
    }
  }

  const steps: PayoutStep[] = [
    { step: 'verified_loss', amount: verifiedLoss },
    { step: 'deductible', amount: deductible },
    { step: 'after_deductible', amount: afterDeductible },
    { step: 'payout_ratio', amount: afterRatio },
    { step: 'per_claim_limit', amount: perClaimLimit },
    { step: 'per_person_annual_left', amount: perPersonAnnualLeft },
    { step: 'aggregate_left', amount: aggregateLeft },
    { step: 'payable', amount: payable },
  ];

  return {
    verifiedLoss,
    deductible,
    afterDeductible,
    ratioBp,
    afterRatio,
    perClaimLimit,
    perPersonAnnualLeft,
    aggregateLeft,
    payable,
    limitedBy,
    steps,
  };
}

export function quoteToJson(quote: PayoutQuote): PayoutQuoteJson {
  return {
    verifiedLoss: formatMoney(quote.verifiedLoss),
    deductible: formatMoney(quote.deductible),
    afterDeductible: formatMoney(quote.afterDeductible),
    ratioBp: quote.ratioBp,
    afterRatio: formatMoney(quote.afterRatio),
    perClaimLimit: formatMoney(quote.perClaimLimit),
    perPersonAnnualLeft: formatMoney(quote.perPersonAnnualLeft),
    aggregateLeft: formatMoney(quote.aggregateLeft),
    payable: formatMoney(quote.payable),
    limitedBy: quote.limitedBy,
    steps: quote.steps.map(({ step, amount }) => ({ step, amount: formatMoney(amount) })),
  };
}

function assertInput(input: PayoutInput): void {
  const amounts = [
    'verifiedLoss',
    'deductible',
    'perClaimLimit',
    'perPersonAnnualLimit',
    'personUsed',
    'aggregateLimit',
    'aggregateUsed',
  ] as const;
  for (const name of amounts) {
    const value: unknown = input[name];
    if (typeof value !== 'bigint') {
      throw new TypeError(`${name} must be a bigint amount in fen`);
    }
    if (value < 0n) {
      throw new RangeError(`${name} must not be negative, got ${value} fen`);
    }
  }
  const ratio = input.payoutRatioBp;
  if (!Number.isInteger(ratio) || ratio < 0 || ratio > FULL_RATIO_BP) {
    throw new RangeError(`payoutRatioBp must be an integer from 0 to ${FULL_RATIO_BP}, got ${ratio}`);
  }
}
