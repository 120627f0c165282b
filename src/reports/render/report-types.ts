import type { DeadlineStage } from '../../deadlines/deadline-rules.js';
import type { PayoutStepCode } from '../../payouts/payout-calculator.js';

// The one definition of each report's shape, generic in how money is written: `bigint` fen where the
// figures come from (the repository) and go to (the renderers), a two-decimal yuan string in the JSON
// response (whose DTO classes implement the same shape). A yuan string handed to a renderer, or fen
// handed to the response, does not compile.

export type Fen = bigint;

export interface PolicySummaryOf<Money> {
  policyNo: string;
  insurer: string;
  periodStart: string;
  periodEnd: string;
  premium: Money;
  aggregateLimit: Money;
  aggregateUsed: Money;
  /** paid / premium as a decimal string with four places, e.g. "0.8123"; null when the premium is zero */
  lossRatio: string | null;
}

/** reported = approved + denied + pending + withdrawn */
export interface ReportTotalsOf<Money> {
  reported: number;
  approved: number;
  denied: number;
  paid: number;
  pending: number;
  withdrawn: number;
  claimedAmount: Money;
  approvedAmount: Money;
  paidAmount: Money;
}

export interface BreakdownOf<Money> {
  claims: number;
  paid: number;
  paidAmount: Money;
}

export interface EventTypeRowOf<Money> extends BreakdownOf<Money> {
  eventType: string;
  nameZh: string;
}

export interface StreetRowOf<Money> extends BreakdownOf<Money> {
  streetCode: string;
  streetName: string;
}

export interface MonthRowOf<Money> extends BreakdownOf<Money> {
  /** "2022-06" */
  month: string;
}

export interface ProcessingDays {
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface PreviousYearOf<Money> {
  paid: number;
  paidAmount: Money;
}

export interface StageTimeliness {
  onTime: number;
  late: number;
  /** onTime / (onTime + late) with four decimals; null when no claim finished the stage */
  onTimeShare: string | null;
}

/** Per deadline stage, the claims of the year that finished it on time and late. */
export type Timeliness = Record<DeadlineStage, StageTimeliness>;

/** What the database says about a district's policy year. */
export interface AnnualFiguresOf<Money> {
  policy: PolicySummaryOf<Money> | null;
  totals: ReportTotalsOf<Money>;
  /** Every covered event type, zero rows included. */
  byEventType: EventTypeRowOf<Money>[];
  byStreet: StreetRowOf<Money>[];
  byMonth: MonthRowOf<Money>[];
  /** Days from report to payment. */
  processingDays: ProcessingDays;
  previousYear: PreviousYearOf<Money> | null;
  timeliness: Timeliness;
}

export interface AnnualReportOf<Money> extends AnnualFiguresOf<Money> {
  districtCode: string;
  districtName: string;
  year: number;
  /** ISO time */
  generatedAt: string;
}

export interface MultiYearRowOf<Money> {
  year: number;
  coveredEvents: number;
  claimsPaid: number;
  paidAmount: Money;
}

export interface MultiYearFiguresOf<Money> {
  years: MultiYearRowOf<Money>[];
  total: { claimsPaid: number; paidAmount: Money };
}

export interface MultiYearReportOf<Money> extends MultiYearFiguresOf<Money> {
  districtCode: string;
  districtName: string;
  from: number;
  to: number;
  generatedAt: string;
}

export type AnnualFigures = AnnualFiguresOf<Fen>;
export type AnnualReport = AnnualReportOf<Fen>;
export type MultiYearFigures = MultiYearFiguresOf<Fen>;
export type MultiYearReport = MultiYearReportOf<Fen>;

/** A step of the stored payout calculation: its code and amount; the printed name comes from templates/. */
export interface NoticeStep {
  step: PayoutStepCode;
  amount: Fen;
}

/** The on-site verification the payout rests on. */
export interface NoticeVerification {
  /** ISO time */
  visitedAt: string;
  verifierName: string;
  participants: string[];
  findings: string;
  recommendation: 'pay' | 'deny';
}

/** What both letters to a resident (理赔通知书, 拒赔通知书) say of the claim. */
export interface NoticeClaim {
  claimNo: string;
  districtName: string;
  streetName: string;
  residentName: string;
  idNumberMasked: string;
  eventTypeZh: string;
  /** business date "2022-06-01" */
  incidentDate: string;
  /** ISO time */
  reportedAt: string;
  insurerName: string;
  policyNo: string;
  generatedAt: string;
}

export interface PayoutNotice extends NoticeClaim {
  /** ISO time */
  paidAt: string;
  verification: NoticeVerification | null;
  /** payout ratio of the calculation, in basis points */
  ratioBp: number;
  steps: NoticeStep[];
  approvedAmount: Fen;
  paidAmount: Fen;
  bankReference: string;
  payeeAccountMasked: string;
  payeeName: string;
}

/** 拒赔通知书: the refusal, its reason from the catalogue, and the clause it rests on. */
export interface DenialNotice extends NoticeClaim {
  /** ISO time of the denial */
  decidedAt: string;
  reasonCode: string;
  reasonZh: string;
  policyClause: string;
  note: string | null;
}
