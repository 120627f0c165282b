// Figures every output format shows that are not in the aggregated data itself.
import { formatMoney, parseMoney } from '../../common/money.js';
import { formatCount, formatYuan, percentChange } from './format.js';
import type { AnnualReport, MultiYearReport } from './report-types.js';
import { fill, type ReportText } from './report-text.js';

export interface YearOverYear {
  paid: { current: number; previous: number; change: number; changePercent: string | null };
  paidAmount: { current: bigint; previous: bigint; change: bigint; changePercent: string | null };
}

export function yearOverYear(report: AnnualReport): YearOverYear | null {
  const previous = report.previousYear;
  if (!previous) return null;
  const now = parseMoney(report.totals.paidAmount);
  const before = parseMoney(previous.paidAmount);
  return {
    paid: {
      current: report.totals.paid,
      previous: previous.paid,
      change: report.totals.paid - previous.paid,
      changePercent: percentChange(BigInt(report.totals.paid), BigInt(previous.paid)),
    },
    paidAmount: {
      current: now,
      previous: before,
      change: now - before,
      changePercent: percentChange(now, before),
    },
  };
}

export interface YearRow {
  year: number;
  coveredEvents: number;
  claimsPaid: number;
  paidAmount: string;
  cumulativeClaimsPaid: number;
  cumulativePaidAmount: string;
}

export function yearRows(report: MultiYearReport): YearRow[] {
  let claims = 0;
  let fen = 0n;
  return [...report.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      claims += y.claimsPaid;
      fen += parseMoney(y.paidAmount);
      return { ...y, cumulativeClaimsPaid: claims, cumulativePaidAmount: formatMoney(fen) };
    });
}

/** The multi-year table body: one row a year with running totals, then the total row. */
export function multiYearTableRows(report: MultiYearReport, totalLabel: string): (string | number | null)[][] {
  return [
    ...yearRows(report).map((y) => [y.year, y.coveredEvents, y.claimsPaid, y.paidAmount, y.cumulativeClaimsPaid, y.cumulativePaidAmount]),
    [totalLabel, null, report.total.claimsPaid, report.total.paidAmount, null, null],
  ];
}

/** "2018–2022 年，承保事件由 6 项增至 21 项，累计赔付 765 件，赔付金额 8,012,345.67 元。" */
export function multiYearStatement(report: MultiYearReport, text: ReportText): string {
  const templates = text.multiYear.statement;
  const years = [...report.years].sort((a, b) => a.year - b.year);
  if (years.length === 0) return fill(templates.empty, { from: report.from, to: report.to });
  const first = years[0];
  const last = years[years.length - 1];
  const template =
    first.year === last.year
      ? templates.singleYear
      : last.coveredEvents > first.coveredEvents
        ? templates.grew
        : last.coveredEvents < first.coveredEvents
          ? templates.shrank
          : templates.unchanged;
  return fill(template, {
    from: first.year,
    to: last.year,
    firstEvents: formatCount(first.coveredEvents),
    lastEvents: formatCount(last.coveredEvents),
    claimsPaid: formatCount(report.total.claimsPaid),
    paidAmount: formatYuan(report.total.paidAmount),
  });
}
