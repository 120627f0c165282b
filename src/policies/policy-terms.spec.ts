import { describe, expect, it } from '@jest/globals';
import {
  activationProblems, draftProblems, effectiveStatus, resolveCoverages,
  type CoverageDefaults, type CoverageTerms, type PolicyTerms,
} from './policy-terms.js';

const FIRE: CoverageDefaults = {
  code: 'fire', defaultPerClaimLimit: 5_000_000n, defaultDeductible: 50_000n,
  defaultPayoutRatioBp: 9000, defaultReportWindowDays: 30, requiredDocuments: ['id_card', 'fire_certificate'],
};
const THEFT: CoverageDefaults = {
  code: 'theft', defaultPerClaimLimit: 1_000_000n, defaultDeductible: 0n,
  defaultPayoutRatioBp: 10000, defaultReportWindowDays: 15, requiredDocuments: ['police_report'],
};
const CATALOGUE = new Map([FIRE, THEFT].map((e) => [e.code, e]));

const YEAR_2030: PolicyTerms = { year: 2030, periodStart: '2030-01-01', periodEnd: '2030-12-31', aggregateLimit: 100_000_000n };
const coverage = (overrides: Partial<CoverageTerms> = {}): CoverageTerms => ({
  eventType: 'fire', perClaimLimit: 5_000_000n, perPersonAnnualLimit: 5_000_000n, deductible: 0n,
  payoutRatioBp: 10000, reportWindowDays: 30, requiredDocuments: [], ...overrides,
});

describe('effectiveStatus', () => {
  it('reports an active policy whose period ended before today as expired', () => {
    expect(effectiveStatus('active', '2022-12-31', '2023-01-01')).toBe('expired');
  });
  it('keeps an active policy active through the last day of its period', () => {
    expect(effectiveStatus('active', '2022-12-31', '2022-12-31')).toBe('active');
  });
  it('never expires a draft', () => {
    expect(effectiveStatus('draft', '2022-12-31', '2030-01-01')).toBe('draft');
  });
});

describe('resolveCoverages', () => {
  it('takes every omitted field from the catalogue, the per-person limit from the per-claim limit', () => {
    const { coverages, problems } = resolveCoverages([{ eventType: 'fire' }], CATALOGUE);
    expect(problems).toEqual([]);
    expect(coverages).toEqual([{
      eventType: 'fire', perClaimLimit: 5_000_000n, perPersonAnnualLimit: 5_000_000n, deductible: 50_000n,
      payoutRatioBp: 9000, reportWindowDays: 30, requiredDocuments: ['id_card', 'fire_certificate'],
    }]);
  });

  it('keeps the fields that were given, and derives the per-person limit from a given per-claim limit', () => {
    const { coverages } = resolveCoverages([{
      eventType: 'theft', perClaimLimit: 300_000n, deductible: 10_000n, payoutRatioBp: 8000, reportWindowDays: 7,
      requiredDocuments: ['police_report', 'id_card', 'police_report'],
    }], CATALOGUE);
    expect(coverages[0]).toEqual({
      eventType: 'theft', perClaimLimit: 300_000n, perPersonAnnualLimit: 300_000n, deductible: 10_000n,
      payoutRatioBp: 8000, reportWindowDays: 7, requiredDocuments: ['police_report', 'id_card'],
    });
  });

  it('keeps an explicit zero deductible and zero ratio instead of the defaults', () => {
    const { coverages } = resolveCoverages([{ eventType: 'fire', deductible: 0n, payoutRatioBp: 0 }], CATALOGUE);
    expect(coverages[0]).toMatchObject({ deductible: 0n, payoutRatioBp: 0 });
  });

  it('names unknown and repeated event types by their index', () => {
    const { problems } = resolveCoverages([{ eventType: 'fire' }, { eventType: 'meteor' }, { eventType: 'fire' }], CATALOGUE);
    expect(problems.map((p) => p.field)).toEqual(['coverages.1.eventType', 'coverages.2.eventType']);
  });

  it('reports a zero per-claim limit once, not again through the per-person limit derived from it', () => {
    const { problems } = resolveCoverages([{ eventType: 'theft', perClaimLimit: 0n }], CATALOGUE);
    expect(problems.map((p) => p.field)).toEqual(['coverages.0.perClaimLimit']);
  });

  it('rejects zero limits field by field', () => {
    const { problems } = resolveCoverages([{ eventType: 'theft', perClaimLimit: 0n, perPersonAnnualLimit: 0n }], CATALOGUE);
    expect(problems.map((p) => p.field)).toEqual(['coverages.0.perClaimLimit', 'coverages.0.perPersonAnnualLimit']);
  });
});

describe('draftProblems', () => {
  it('accepts a one-day period', () => {
    expect(draftProblems({ ...YEAR_2030, periodEnd: '2030-01-01' })).toEqual([]);
  });
  it('rejects a period that ends before it starts and a zero aggregate limit', () => {
    expect(draftProblems({ ...YEAR_2030, periodEnd: '2029-12-31', aggregateLimit: 0n }).map((p) => p.field))
      .toEqual(['periodEnd', 'aggregateLimit']);
  });
});

describe('activationProblems', () => {
  it.each([
    ['the calendar year', '2030-01-01', '2030-12-31'],
    ['part of the year', '2030-04-01', '2030-09-30'],
    ['twelve months from mid-year', '2030-07-01', '2031-06-30'],
  ])('accepts %s', (_name, periodStart, periodEnd) => {
    expect(activationProblems({ ...YEAR_2030, periodStart, periodEnd }, [coverage()])).toEqual([]);
  });

  it.each([
    ['a start in another year', '2029-12-31', '2030-12-30', 'periodStart'],
    ['a period longer than a year', '2030-01-01', '2031-01-01', 'periodEnd'],
  ])('rejects %s', (_name, periodStart, periodEnd, field) => {
    expect(activationProblems({ ...YEAR_2030, periodStart, periodEnd }, [coverage()]).map((p) => p.field)).toEqual([field]);
  });

  it('measures a year from 29 February to 28 February', () => {
    const leap = { ...YEAR_2030, year: 2028, periodStart: '2028-02-29' };
    expect(activationProblems({ ...leap, periodEnd: '2029-02-28' }, [coverage()])).toEqual([]);
    expect(activationProblems({ ...leap, periodEnd: '2029-03-01' }, [coverage()]).map((p) => p.field)).toEqual(['periodEnd']);
  });

  it('requires at least one coverage', () => {
    expect(activationProblems(YEAR_2030, []).map((p) => p.field)).toEqual(['coverages']);
  });

  it('requires per claim ≤ per person and year ≤ aggregate', () => {
    const problems = activationProblems({ ...YEAR_2030, aggregateLimit: 4_000_000n }, [
      coverage({ perClaimLimit: 3_000_000n, perPersonAnnualLimit: 3_000_000n }),
      coverage({ eventType: 'theft', perClaimLimit: 2_000_000n, perPersonAnnualLimit: 1_000_000n }),
      coverage({ eventType: 'riot', perClaimLimit: 4_000_000n, perPersonAnnualLimit: 4_000_001n }),
    ]);
    expect(problems.map((p) => p.field)).toEqual(['coverages.1.perClaimLimit', 'coverages.2.perPersonAnnualLimit']);
  });
});
