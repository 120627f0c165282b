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

export interface PayoutStep {
  step: string;
  description: string;
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
  step: string;
  description: string;
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
    { step: 'verified_loss', description: '核定损失 / verified loss', amount: verifiedLoss },
    { step: 'deductible', description: '扣除免赔额 / minus deductible', amount: deductible },
    { step: 'after_deductible', description: '免赔后金额 / after deductible', amount: afterDeductible },
    {
      step: 'payout_ratio',
      description: `按赔付比例 ${formatRatio(ratioBp)} / at payout ratio ${formatRatio(ratioBp)}`,
      amount: afterRatio,
    },
    { step: 'per_claim_limit', description: '每次事故赔偿限额 / per-claim limit', amount: perClaimLimit },
    {
      step: 'per_person_annual_left',
      description: '每人年度剩余赔偿限额 / per-person annual limit left',
      amount: perPersonAnnualLeft,
    },
    { step: 'aggregate_left', description: '保单年度累计剩余赔偿限额 / policy aggregate limit left', amount: aggregateLeft },
    { step: 'payable', description: '应赔付金额 / payable', amount: payable },
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
    steps: quote.steps.map(({ step, description, amount }) => ({ step, description, amount: formatMoney(amount) })),
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

/** 5000 → "50%", 3333 → "33.33%", 1250 → "12.5%", without going through a float. */
function formatRatio(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = (bp % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
