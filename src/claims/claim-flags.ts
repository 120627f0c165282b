import { daysBetween } from '../common/business-date.js';
import { formatMoney } from '../common/money.js';
import type { ClaimStatus } from './claim-status.js';
import type { FlagCode } from './entities/claim-flag.entity.js';

/**
 * The fraud and duplicate rules of DESIGN.md "Flags", as pure functions. They
 * never block intake; a flagged claim needs a manager's approval. The
 * repository finds the candidate claims, these rules decide.
 */

/** An incident this many days or fewer from another claim's of the same kind counts as the same event. */
export const DUPLICATE_EVENT_WINDOW_DAYS = 3;

export interface FlaggedClaim {
  id: string;
  residentId: string;
  eventType: string;
  incidentDate: string;
  /** The Shanghai date the claim was reported. */
  reportDate: string;
  /** The policy year, which numbers the claim. */
  year: number;
  policeReportNo: string | null;
  /** Null for a claim imported from a ledger: it names no account. */
  payeeAccountIndex: string | null;
  claimedAmount: bigint;
  /** Null until the site verification is recorded. */
  verifiedLoss: bigint | null;
}

export interface CoverageTerms {
  perClaimLimit: bigint;
  reportWindowDays: number;
}

/** Another claim that shares the resident, the police report or the payee account. */
export interface OtherClaim {
  id: string;
  claimNo: string;
  residentId: string;
  eventType: string;
  incidentDate: string;
  year: number;
  policeReportNo: string | null;
  payeeAccountIndex: string | null;
  status: ClaimStatus;
}

export interface RaisedFlag {
  code: FlagCode;
  relatedClaimId: string | null;
  detail: string;
}

/**
 * Every flag the claim deserves, one per related claim. Withdrawn claims
 * relate to nothing: they will never be paid.
 */
export function evaluateFlags(claim: FlaggedClaim, coverage: CoverageTerms, others: readonly OtherClaim[]): RaisedFlag[] {
  const flags: RaisedFlag[] = [];
  for (const other of others) {
    if (other.id === claim.id || other.status === 'withdrawn') continue;
    if (isDuplicateEvent(claim, other)) {
      flags.push({
        code: 'DUPLICATE_EVENT', relatedClaimId: other.id,
        detail: `Claim ${other.claimNo} of the same resident for ${other.eventType} on ${other.incidentDate}`,
      });
    }
    if (claim.policeReportNo !== null && other.policeReportNo === claim.policeReportNo) {
      flags.push({ code: 'POLICE_REPORT_REUSED', relatedClaimId: other.id, detail: `Police report also on claim ${other.claimNo}` });
    }
    if (claim.payeeAccountIndex !== null && other.payeeAccountIndex === claim.payeeAccountIndex && other.residentId !== claim.residentId && other.year === claim.year) {
      flags.push({
        code: 'BANK_ACCOUNT_SHARED', relatedClaimId: other.id,
        detail: `Payee account also receives claim ${other.claimNo} of another resident in ${claim.year}`,
      });
    }
  }
  const reportedAfter = daysBetween(claim.incidentDate, claim.reportDate);
  if (reportedAfter > coverage.reportWindowDays) {
    flags.push({
      code: 'LATE_REPORT', relatedClaimId: null,
      detail: `Reported ${reportedAfter} days after the incident; the reporting window is ${coverage.reportWindowDays} days`,
    });
  }
  if (claim.claimedAmount > coverage.perClaimLimit) {
    flags.push({
      code: 'HIGH_AMOUNT', relatedClaimId: null,
      detail: `Claimed ${formatMoney(claim.claimedAmount)} exceeds the per-claim limit of ${formatMoney(coverage.perClaimLimit)}`,
    });
  }
  if (claim.verifiedLoss !== null && claim.verifiedLoss > claim.claimedAmount) {
    flags.push({
      code: 'LOSS_ABOVE_CLAIM', relatedClaimId: null,
      detail: `Verified loss ${formatMoney(claim.verifiedLoss)} is above the claimed ${formatMoney(claim.claimedAmount)}`,
    });
  }
  return flags;
}

function isDuplicateEvent(claim: FlaggedClaim, other: OtherClaim): boolean {
  return other.residentId === claim.residentId
    && other.eventType === claim.eventType
    && Math.abs(daysBetween(other.incidentDate, claim.incidentDate)) <= DUPLICATE_EVENT_WINDOW_DAYS;
}
