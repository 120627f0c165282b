import type { ErrorDetail } from '../common/domain-error.js';
import type { PolicyStatus } from './entities/policy.entity.js';

/** What a coverage pays, after the catalogue defaults have been applied. */
export interface CoverageTerms {
  eventType: string;
  perClaimLimit: bigint;
  perPersonAnnualLimit: bigint;
  deductible: bigint;
  payoutRatioBp: number;
  reportWindowDays: number;
  requiredDocuments: string[];
}

/** A coverage as the caller sent it: every field but the event type may be left to the catalogue. */
export interface CoverageInput {
  eventType: string;
  perClaimLimit?: bigint;
  perPersonAnnualLimit?: bigint;
  deductible?: bigint;
  payoutRatioBp?: number;
  reportWindowDays?: number;
  requiredDocuments?: string[];
}

/** The catalogue defaults of one event type. */
export interface CoverageDefaults {
  code: string;
  defaultPerClaimLimit: bigint;
  defaultDeductible: bigint;
  defaultPayoutRatioBp: number;
  defaultReportWindowDays: number;
  requiredDocuments: string[];
}

export interface PolicyTerms {
  year: number;
  periodStart: string;
  periodEnd: string;
  aggregateLimit: bigint;
}

/** A policy is stored `active` for good; once its period is over it reports `expired`. */
export function effectiveStatus(stored: PolicyStatus, periodEnd: string, today: string): PolicyStatus {
  return stored === 'active' && periodEnd < today ? 'expired' : stored;
}

/**
 * Fills omitted coverage fields from the catalogue (the per-person annual limit
 * defaults to the per-claim limit) and lists what is wrong, field by field:
 * unknown or repeated event types and limits that are not positive.
 */
export function resolveCoverages(
  inputs: CoverageInput[],
  catalogue: ReadonlyMap<string, CoverageDefaults>,
): { coverages: CoverageTerms[]; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const coverages: CoverageTerms[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const field = (name: string) => `coverages.${index}.${name}`;
    const defaults = catalogue.get(input.eventType);
    if (!defaults) {
      problems.push({ field: field('eventType'), message: `unknown event type ${input.eventType}` });
      return;
    }
    if (seen.has(input.eventType)) {
      problems.push({ field: field('eventType'), message: `event type ${input.eventType} is covered twice` });
      return;
    }
    seen.add(input.eventType);
    const perClaimLimit = input.perClaimLimit ?? defaults.defaultPerClaimLimit;
    const coverage: CoverageTerms = {
      eventType: input.eventType,
      perClaimLimit,
      perPersonAnnualLimit: input.perPersonAnnualLimit ?? perClaimLimit,
      deductible: input.deductible ?? defaults.defaultDeductible,
      payoutRatioBp: input.payoutRatioBp ?? defaults.defaultPayoutRatioBp,
      reportWindowDays: input.reportWindowDays ?? defaults.defaultReportWindowDays,
      requiredDocuments: [...new Set(input.requiredDocuments ?? defaults.requiredDocuments)],
    };
    if (perClaimLimit <= 0n) problems.push({ field: field('perClaimLimit'), message: 'must be greater than zero' });
    if (input.perPersonAnnualLimit !== undefined && input.perPersonAnnualLimit <= 0n) {
      problems.push({ field: field('perPersonAnnualLimit'), message: 'must be greater than zero' });
    }
    coverages.push(coverage);
  });
  return { coverages, problems };
}

/** What a draft must satisfy to be saved at all (the database would refuse it otherwise). */
export function draftProblems(terms: PolicyTerms): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (terms.periodEnd < terms.periodStart) problems.push({ field: 'periodEnd', message: 'must not be before periodStart' });
  if (terms.aggregateLimit <= 0n) problems.push({ field: 'aggregateLimit', message: 'must be greater than zero' });
  return problems;
}

/**
 * What a draft must satisfy to be activated. The period starts in the policy
 * year and lasts at most a year: the calendar year itself, part of it, or a
 * twelve-month term that starts during it. Limits must nest: per claim ≤ per
 * person and year ≤ the policy's aggregate.
 */
export function activationProblems(terms: PolicyTerms, coverages: CoverageTerms[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!terms.periodStart.startsWith(`${terms.year}-`)) {
    problems.push({ field: 'periodStart', message: `must fall in the policy year ${terms.year}` });
  }
  if (terms.periodEnd >= sameDayNextYear(terms.periodStart)) {
    problems.push({ field: 'periodEnd', message: 'the period must not be longer than one year' });
  }
  if (coverages.length === 0) problems.push({ field: 'coverages', message: 'at least one event type must be covered' });
  coverages.forEach((coverage, index) => {
    if (coverage.perClaimLimit > coverage.perPersonAnnualLimit) {
      problems.push({ field: `coverages.${index}.perClaimLimit`, message: `${coverage.eventType}: per-claim limit exceeds the per-person annual limit` });
    }
    if (coverage.perPersonAnnualLimit > terms.aggregateLimit) {
      problems.push({ field: `coverages.${index}.perPersonAnnualLimit`, message: `${coverage.eventType}: per-person annual limit exceeds the aggregate limit` });
    }
  });
  return problems;
}

/** 2022-03-15 → 2023-03-15; 2024-02-29 → 2025-03-01 (string comparison is enough for the bound). */
function sameDayNextYear(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next.toISOString().slice(0, 10);
}
