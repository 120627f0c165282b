// Input of the renderers: report data already aggregated in SQL.
// Counts are integers; money is a yuan string with two decimals ("35000.00").

export interface AnnualReport {
  districtCode: string;
  districtName: string;
  year: number;
  policy: {
    policyNo: string;
    insurer: string;
    periodStart: string;
    periodEnd: string;
    premium: string;
    aggregateLimit: string;
    aggregateUsed: string;
    /** paid / premium as a decimal string with four places, e.g. "0.8123"; null when the premium is zero */
    lossRatio: string | null;
  } | null;
  totals: {
    reported: number;
    approved: number;
    denied: number;
    paid: number;
    pending: number;
    claimedAmount: string;
    approvedAmount: string;
    paidAmount: string;
  };
  /** Every covered event type, zero rows included. */
  byEventType: { eventType: string; nameZh: string; claims: number; paid: number; paidAmount: string }[];
  byStreet: { streetCode: string; streetName: string; claims: number; paid: number; paidAmount: string }[];
  byMonth: { month: string /* "2022-06" */; claims: number; paid: number; paidAmount: string }[];
  /** Days from report to payment. */
  processingDays: { median: number | null; p90: number | null; max: number | null };
  previousYear: { paid: number; paidAmount: string } | null;
  /** ISO time */
  generatedAt: string;
}

export interface MultiYearReport {
  districtCode: string;
  districtName: string;
  from: number;
  to: number;
  years: { year: number; coveredEvents: number; claimsPaid: number; paidAmount: string }[];
  total: { claimsPaid: number; paidAmount: string };
  generatedAt: string;
}

export interface PayoutNotice {
  claimNo: string;
  districtName: string;
  streetName: string;
  residentName: string;
  idNumberMasked: string;
  eventTypeZh: string;
  /** business date "2022-06-01" */
  incidentDate: string;
  /** ISO times */
  reportedAt: string;
  paidAt: string;
  verifiedLoss: string;
  steps: { step: string; description: string; amount: string }[];
  approvedAmount: string;
  paidAmount: string;
  insurerName: string;
  policyNo: string;
  bankReference: string;
  payeeAccountMasked: string;
  payeeName: string;
  generatedAt: string;
}
