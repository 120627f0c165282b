import { describe, it, expect } from '@jest/globals';
import { parseMoney } from '../common/money.js';
import { calculatePayout, quoteToJson, type PayoutInput, type PayoutLimitedBy } from './payout-calculator.js';

const yuan = (amount: string): bigint => parseMoney(amount);

// A typical 综治保险 fire coverage: no deductible, 100 %, 35,000 yuan per claim,
// 50,000 yuan per person a year, a 2,000,000 yuan annual aggregate.
const FIRE_COVERAGE: PayoutInput = {
  verifiedLoss: 0n,
  deductible: 0n,
  payoutRatioBp: 10_000,
  perClaimLimit: yuan('35000'),
  perPersonAnnualLimit: yuan('50000'),
  personUsed: 0n,
  aggregateLimit: yuan('2000000'),
  aggregateUsed: 0n,
};

interface PayoutCase {
  name: string;
  input: Partial<PayoutInput>;
  afterDeductible: bigint;
  afterRatio: bigint;
  payable: bigint;
  limitedBy: PayoutLimitedBy;
}

const cases: PayoutCase[] = [
  {
    name: 'Haicang shop fire, 新垵村 2022-06-03: 40,000.00 loss capped at the 35,000.00 per-claim limit',
    input: { verifiedLoss: yuan('40000') },
    afterDeductible: yuan('40000'),
    afterRatio: yuan('40000'),
    payable: yuan('35000'),
    limitedBy: 'per_claim_limit',
  },
  {
    name: 'Jimei house fire: 30,000.00 loss paid in full',
    input: { verifiedLoss: yuan('30000') },
    afterDeductible: yuan('30000'),
    afterRatio: yuan('30000'),
    payable: yuan('30000'),
    limitedBy: 'loss',
  },
  {
    name: 'loss exactly at the per-claim limit counts as paid in full',
    input: { verifiedLoss: yuan('35000') },
    afterDeductible: yuan('35000'),
    afterRatio: yuan('35000'),
    payable: yuan('35000'),
    limitedBy: 'loss',
  },
  {
    name: 'deductible larger than the loss pays nothing',
    input: { verifiedLoss: yuan('500'), deductible: yuan('1000') },
    afterDeductible: 0n,
    afterRatio: 0n,
    payable: 0n,
    limitedBy: 'loss',
  },
  {
    name: 'deductible equal to the loss pays nothing',
    input: { verifiedLoss: yuan('1000'), deductible: yuan('1000') },
    afterDeductible: 0n,
    afterRatio: 0n,
    payable: 0n,
    limitedBy: 'loss',
  },
  {
    name: 'burglary at 50 % after a 1,000.00 deductible',
    input: { verifiedLoss: yuan('10000'), deductible: yuan('1000'), payoutRatioBp: 5_000 },
    afterDeductible: yuan('9000'),
    afterRatio: yuan('4500'),
    payable: yuan('4500'),
    limitedBy: 'loss',
  },
  {
    name: 'ratio applied before the per-claim limit: 80,000.00 at 50 % is 40,000.00, capped at 35,000.00',
    input: { verifiedLoss: yuan('80000'), payoutRatioBp: 5_000 },
    afterDeductible: yuan('80000'),
    afterRatio: yuan('40000'),
    payable: yuan('35000'),
    limitedBy: 'per_claim_limit',
  },
  {
    name: 'exact 100 % of an odd amount',
    input: { verifiedLoss: yuan('12345.67') },
    afterDeductible: yuan('12345.67'),
    afterRatio: yuan('12345.67'),
    payable: yuan('12345.67'),
    limitedBy: 'loss',
  },
  {
    name: '0 % pays nothing',
    input: { verifiedLoss: yuan('10000'), payoutRatioBp: 0 },
    afterDeductible: yuan('10000'),
    afterRatio: 0n,
    payable: 0n,
    limitedBy: 'loss',
  },
  {
    name: 'per-person annual limit after an earlier 30,000.00 claim leaves 20,000.00',
    input: { verifiedLoss: yuan('25000'), personUsed: yuan('30000') },
    afterDeductible: yuan('25000'),
    afterRatio: yuan('25000'),
    payable: yuan('20000'),
    limitedBy: 'per_person_annual_limit',
  },
  {
    name: 'per-person annual limit fully used pays nothing',
    input: { verifiedLoss: yuan('5000'), personUsed: yuan('50000') },
    afterDeductible: yuan('5000'),
    afterRatio: yuan('5000'),
    payable: 0n,
    limitedBy: 'per_person_annual_limit',
  },
  {
    name: 'per-person use above the limit (a limit lowered later) counts as nothing left',
    input: { verifiedLoss: yuan('5000'), personUsed: yuan('60000') },
    afterDeductible: yuan('5000'),
    afterRatio: yuan('5000'),
    payable: 0n,
    limitedBy: 'per_person_annual_limit',
  },
  {
    name: 'aggregate nearly exhausted: 1,000.00 left of 2,000,000.00',
    input: { verifiedLoss: yuan('8000'), aggregateUsed: yuan('1999000') },
    afterDeductible: yuan('8000'),
    afterRatio: yuan('8000'),
    payable: yuan('1000'),
    limitedBy: 'aggregate_limit',
  },
  {
    name: 'aggregate fully exhausted pays nothing',
    input: { verifiedLoss: yuan('8000'), aggregateUsed: yuan('2000000') },
    afterDeductible: yuan('8000'),
    afterRatio: yuan('8000'),
    payable: 0n,
    limitedBy: 'aggregate_limit',
  },
  {
    name: 'aggregate over-used counts as nothing left',
    input: { verifiedLoss: yuan('8000'), aggregateUsed: yuan('2000000.01') },
    afterDeductible: yuan('8000'),
    afterRatio: yuan('8000'),
    payable: 0n,
    limitedBy: 'aggregate_limit',
  },
  {
    name: 'the smallest of several binding limits wins: aggregate below per-person below per-claim',
    input: { verifiedLoss: yuan('40000'), personUsed: yuan('20000'), aggregateUsed: yuan('1990000') },
    afterDeductible: yuan('40000'),
    afterRatio: yuan('40000'),
    payable: yuan('10000'),
    limitedBy: 'aggregate_limit',
  },
  {
    name: 'per-claim and per-person limits tie: the per-claim limit is named',
    input: { verifiedLoss: yuan('40000'), personUsed: yuan('15000') },
    afterDeductible: yuan('40000'),
    afterRatio: yuan('40000'),
    payable: yuan('35000'),
    limitedBy: 'per_claim_limit',
  },
  {
    name: 'nothing claimed, nothing paid',
    input: { verifiedLoss: 0n },
    afterDeductible: 0n,
    afterRatio: 0n,
    payable: 0n,
    limitedBy: 'loss',
  },
  {
    name: 'rounding: 1 fen at 50 % rounds half up to 1 fen',
    input: { verifiedLoss: 1n, payoutRatioBp: 5_000 },
    afterDeductible: 1n,
    afterRatio: 1n,
    payable: 1n,
    limitedBy: 'loss',
  },
  {
    name: 'rounding: 3 fen at 50 % rounds half up to 2 fen',
    input: { verifiedLoss: 3n, payoutRatioBp: 5_000 },
    afterDeductible: 3n,
    afterRatio: 2n,
    payable: 2n,
    limitedBy: 'loss',
  },
  {
    name: 'rounding: 1 fen at 33.33 % rounds down to 0',
    input: { verifiedLoss: 1n, payoutRatioBp: 3_333 },
    afterDeductible: 1n,
    afterRatio: 0n,
    payable: 0n,
    limitedBy: 'loss',
  },
  {
    name: 'rounding: 1 fen at 49.99 % rounds down to 0',
    input: { verifiedLoss: 1n, payoutRatioBp: 4_999 },
    afterDeductible: 1n,
    afterRatio: 0n,
    payable: 0n,
    limitedBy: 'loss',
  },
  {
    name: 'rounding: 2 fen at 25 % is exactly half a fen and rounds up to 1',
    input: { verifiedLoss: 2n, payoutRatioBp: 2_500 },
    afterDeductible: 2n,
    afterRatio: 1n,
    payable: 1n,
    limitedBy: 'loss',
  },
  {
    name: 'rounding: 12,345.67 at 33.33 % is 4,114.811811 and rounds to 4,114.81',
    input: { verifiedLoss: yuan('12345.67'), payoutRatioBp: 3_333 },
    afterDeductible: yuan('12345.67'),
    afterRatio: yuan('4114.81'),
    payable: yuan('4114.81'),
    limitedBy: 'loss',
  },
  {
    name: 'rounding: 0.15 at 70 % is 0.105 and rounds half up to 0.11',
    input: { verifiedLoss: yuan('0.15'), payoutRatioBp: 7_000 },
    afterDeductible: 15n,
    afterRatio: 11n,
    payable: 11n,
    limitedBy: 'loss',
  },
];

describe('calculatePayout', () => {
  it.each(cases)('$name', ({ input, afterDeductible, afterRatio, payable, limitedBy }) => {
    const quote = calculatePayout({ ...FIRE_COVERAGE, ...input });
    expect({
      afterDeductible: quote.afterDeductible,
      afterRatio: quote.afterRatio,
      payable: quote.payable,
      limitedBy: quote.limitedBy,
    }).toEqual({ afterDeductible, afterRatio, payable, limitedBy });
  });

  it('reports what is left under each limit', () => {
    const quote = calculatePayout({
      ...FIRE_COVERAGE,
      verifiedLoss: yuan('1000'),
      personUsed: yuan('12000.50'),
      aggregateUsed: yuan('765432.10'),
    });
    expect(quote.perClaimLimit).toBe(yuan('35000'));
    expect(quote.perPersonAnnualLeft).toBe(yuan('37999.50'));
    expect(quote.aggregateLeft).toBe(yuan('1234567.90'));
  });

  it('lists every step of the Haicang shop fire quote', () => {
    const quote = calculatePayout({ ...FIRE_COVERAGE, verifiedLoss: yuan('40000'), aggregateUsed: yuan('500000') });
    expect(quote.steps).toEqual([
      { step: 'verified_loss', amount: yuan('40000') },
      { step: 'deductible', amount: 0n },
      { step: 'after_deductible', amount: yuan('40000') },
      { step: 'payout_ratio', amount: yuan('40000') },
      { step: 'per_claim_limit', amount: yuan('35000') },
      { step: 'per_person_annual_left', amount: yuan('50000') },
      { step: 'aggregate_left', amount: yuan('1500000') },
      { step: 'payable', amount: yuan('35000') },
    ]);
  });

  it.each([
    'verifiedLoss',
    'deductible',
    'perClaimLimit',
    'perPersonAnnualLimit',
    'personUsed',
    'aggregateLimit',
    'aggregateUsed',
  ] as const)('rejects a negative %s', (field) => {
    expect(() => calculatePayout({ ...FIRE_COVERAGE, [field]: -1n })).toThrow(RangeError);
    expect(() => calculatePayout({ ...FIRE_COVERAGE, [field]: -1n })).toThrow(`${field} must not be negative`);
  });

  it.each([
    ['below 0', -1],
    ['above 10000', 10_001],
    ['that is a fraction', 50.5],
    ['of NaN', Number.NaN],
    ['of Infinity', Number.POSITIVE_INFINITY],
  ])('rejects a ratio %s', (_name, bp) => {
    expect(() => calculatePayout({ ...FIRE_COVERAGE, payoutRatioBp: bp })).toThrow(RangeError);
  });

  it('rejects an amount given as a number instead of bigint fen', () => {
    const input = { ...FIRE_COVERAGE, verifiedLoss: 4_000_000 } as unknown as PayoutInput;
    expect(() => calculatePayout(input)).toThrow(TypeError);
  });

  // Checks every quote of a deterministic sweep against the formula restated
  // independently: half-up rounding as an inequality, payable as the minimum.
  it('agrees with the formula over a sweep of amounts, ratios and limits', () => {
    let seed = 20220603n;
    const next = (bound: bigint): bigint => {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
      return (seed >> 20n) % bound;
    };
    const disagreements: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const input: PayoutInput = {
        verifiedLoss: next(10_000_000n),
        deductible: next(200_000n),
        payoutRatioBp: Number(next(10_001n)),
        perClaimLimit: next(5_000_000n),
        perPersonAnnualLimit: next(10_000_000n),
        personUsed: next(10_000_000n),
        aggregateLimit: next(100_000_000n),
        aggregateUsed: next(100_000_000n),
      };
      const quote = calculatePayout(input);
      const x = input.verifiedLoss > input.deductible ? input.verifiedLoss - input.deductible : 0n;
      const scaledError = quote.afterRatio * 10_000n - x * BigInt(input.payoutRatioBp);
      if (scaledError <= -5_000n || scaledError > 5_000n) disagreements.push(`rounding, case ${i}`);

      const personLeft = input.perPersonAnnualLimit > input.personUsed ? input.perPersonAnnualLimit - input.personUsed : 0n;
      const aggregateLeft = input.aggregateLimit > input.aggregateUsed ? input.aggregateLimit - input.aggregateUsed : 0n;
      const candidates = [quote.afterRatio, input.perClaimLimit, personLeft, aggregateLeft];
      const minimum = candidates.reduce((a, b) => (b < a ? b : a));
      if (quote.payable !== minimum) disagreements.push(`payable, case ${i}`);
      const byName = {
        loss: quote.afterRatio,
        per_claim_limit: input.perClaimLimit,
        per_person_annual_limit: personLeft,
        aggregate_limit: aggregateLeft,
      };
      if (byName[quote.limitedBy] !== quote.payable) disagreements.push(`limitedBy, case ${i}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('quoteToJson', () => {
  it('turns every amount into a money string and keeps the ratio a number', () => {
    const quote = calculatePayout({
      ...FIRE_COVERAGE,
      verifiedLoss: yuan('40000'),
      deductible: yuan('500.5'),
      payoutRatioBp: 9_000,
      personUsed: yuan('20000'),
      aggregateUsed: yuan('1980000'),
    });
    expect(quoteToJson(quote)).toEqual({
      verifiedLoss: '40000.00',
      deductible: '500.50',
      afterDeductible: '39499.50',
      ratioBp: 9000,
      afterRatio: '35549.55',
      perClaimLimit: '35000.00',
      perPersonAnnualLeft: '30000.00',
      aggregateLeft: '20000.00',
      payable: '20000.00',
      limitedBy: 'aggregate_limit',
      steps: [
        { step: 'verified_loss', amount: '40000.00' },
        { step: 'deductible', amount: '500.50' },
        { step: 'after_deductible', amount: '39499.50' },
        { step: 'payout_ratio', amount: '35549.55' },
        { step: 'per_claim_limit', amount: '35000.00' },
        { step: 'per_person_annual_left', amount: '30000.00' },
        { step: 'aggregate_left', amount: '20000.00' },
        { step: 'payable', amount: '20000.00' },
      ],
    });
  });

  it('produces plain JSON (no bigint left to break JSON.stringify)', () => {
    const json = quoteToJson(calculatePayout({ ...FIRE_COVERAGE, verifiedLoss: yuan('40000') }));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
