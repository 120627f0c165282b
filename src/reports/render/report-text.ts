import { readTemplate } from '../../common/templates.js';
import type { DeadlineStage } from '../../deadlines/deadline-rules.js';

/** Shape of templates/report-text.zh.json. */
export interface ReportText {
  common: {
    none: string;
    total: string;
    report: string;
    districtCode: string;
    subtitle: string;
    generatedAt: string;
    footerGeneratedAt: string;
    footerPage: string;
    sectionHeading: string;
    numerals: string[];
    item: string;
    value: string;
    creator: string;
  };
  annual: {
    title: string;
    sections: Record<'policy' | 'totals' | 'yearOverYear' | 'processingDays' | 'timeliness' | 'byEventType' | 'byStreet' | 'byMonth', string>;
    sheets: Record<'overview' | 'timeliness' | 'byEventType' | 'byStreet' | 'byMonth', string>;
    timeliness: {
      columns: Record<'stage' | 'onTime' | 'late' | 'onTimeShare', string>;
      stages: Record<DeadlineStage, string>;
    };
    policy: Record<'policyNo' | 'insurer' | 'period' | 'premium' | 'aggregateLimit' | 'aggregateUsed' | 'lossRatio' | 'missing', string>;
    period: string;
    totals: Record<
      'reported' | 'approved' | 'denied' | 'paid' | 'pending' | 'withdrawn' | 'claimedAmount' | 'approvedAmount' | 'paidAmount',
      string
    >;
    totalsEquation: string;
    processingDays: Record<'median' | 'p90' | 'max', string>;
    yearOverYear: {
      columns: Record<'item' | 'current' | 'previous' | 'change' | 'changePercent', string>;
      paid: string;
      paidAmount: string;
      previousPaid: string;
      previousPaidAmount: string;
      missing: string;
    };
    columns: Record<'eventType' | 'nameZh' | 'streetCode' | 'streetName' | 'month' | 'claims' | 'paid' | 'paidAmount', string>;
    charts: Record<'byEventType' | 'byMonth', string>;
  };
  multiYear: {
    title: string;
    sheet: string;
    sections: Record<'summary' | 'years' | 'chart', string>;
    columns: Record<
      'year' | 'coveredEvents' | 'claimsPaid' | 'paidAmount' | 'cumulativeClaimsPaid' | 'cumulativePaidAmount',
      string
    >;
    chart: string;
    statement: Record<'grew' | 'shrank' | 'unchanged' | 'singleYear' | 'empty', string>;
  };
  notice: {
    title: string;
    salutation: string;
    body: string;
    sections: Record<'claim' | 'verification' | 'calculation' | 'payment', string>;
    fields: Record<
      | 'claimNo' | 'location' | 'residentName' | 'idNumber' | 'eventType' | 'incidentDate' | 'reportedAt' | 'paidAt'
      | 'approvedAmount' | 'paidAmount' | 'paidAmountInWords' | 'policyNo' | 'payeeName'
      | 'payeeAccount' | 'bankReference',
      string
    >;
    location: string;
    amountInWords: string;
    verification: Record<'visitedAt' | 'verifier' | 'participants' | 'findings' | 'recommendation' | 'participantSeparator' | 'missing', string> & {
      recommendations: Record<'pay' | 'deny', string>;
    };
    columns: Record<'step' | 'note' | 'amount', string>;
    closing: string;
    issuer: Record<'office' | 'seal' | 'signature' | 'date', string>;
  };
  /** 拒赔通知书; the claim's fields and the issuers are the payout notice's. */
  denialNotice: {
    title: string;
    body: string;
    sections: Record<'claim' | 'reason' | 'objection', string>;
    fields: Record<'decidedAt' | 'reason' | 'policyClause' | 'note', string>;
    /** paragraphs, with {districtName} and {insurerName} */
    objection: string[];
  };
}

export function reportText(): ReportText {
  return readTemplate<ReportText>('report-text.zh.json');
}
