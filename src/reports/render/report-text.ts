import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE_FILE = join('templates', 'report-text.zh.json');

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
  };
  annual: {
    title: string;
    sections: Record<'policy' | 'totals' | 'yearOverYear' | 'processingDays' | 'byEventType' | 'byStreet' | 'byMonth', string>;
    sheets: Record<'overview' | 'byEventType' | 'byStreet' | 'byMonth', string>;
    policy: Record<'policyNo' | 'insurer' | 'period' | 'premium' | 'aggregateLimit' | 'aggregateUsed' | 'lossRatio' | 'missing', string>;
    period: string;
    totals: Record<'reported' | 'approved' | 'denied' | 'paid' | 'pending' | 'claimedAmount' | 'approvedAmount' | 'paidAmount', string>;
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
    claimNo: string;
    salutation: string;
    body: string;
    sections: Record<'claim' | 'calculation' | 'payment', string>;
    fields: Record<
      | 'claimNo' | 'location' | 'residentName' | 'idNumber' | 'eventType' | 'incidentDate' | 'reportedAt' | 'paidAt'
      | 'verifiedLoss' | 'approvedAmount' | 'paidAmount' | 'paidAmountInWords' | 'insurer' | 'policyNo' | 'payeeName'
      | 'payeeAccount' | 'bankReference',
      string
    >;
    location: string;
    amountInWords: string;
    columns: Record<'step' | 'description' | 'amount', string>;
    closing: string;
  };
}

let cached: ReportText | undefined;

export function reportText(): ReportText {
  cached ??= JSON.parse(readFileSync(join(projectRoot(), TEMPLATE_FILE), 'utf8')) as ReportText;
  return cached;
}

/** Replaces `{name}` placeholders; a placeholder without a value is a template bug, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Template placeholder {${name}} has no value in "${template}"`);
    return String(value);
  });
}

// This module runs from src/ under jest and from dist/src/ when built; templates/ sits at the project root.
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, TEMPLATE_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${TEMPLATE_FILE} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
