// What every output format shows that is not in the aggregated data itself, and the tables all three formats share.
import { fill } from '../../common/templates.js';
import { DEADLINE_STAGES } from '../../deadlines/deadline-rules.js';
import { formatCount, formatFen, percentChange } from './format.js';
import type { AnnualReport, Fen, MultiYearReport } from './report-types.js';
import type { ReportText } from './report-text.js';

export interface YearOverYear {
  paid: { current: number; previous: number; change: number; changePercent: string | null };
  paidAmount: { current: Fen; previous: Fen; change: Fen; changePercent: string | null };
}

export function yearOverYear(report: AnnualReport): YearOverYear | null {
  const previous = report.previousYear;
  if (!previous) return null;
  const now = report.totals.paidAmount;
  const before = previous.paidAmount;
  return {
    paid: {
      current: report.totals.paid,
      previous: previous.paid,
      change: report.totals.paid - previous.paid,
      changePercent: percentChange(BigInt(report.totals.paid), BigInt(previous.paid)),
    },
    paidAmount: { current: now, previous: before, change: now - before, changePercent: percentChange(now, before) },
  };
}

/** How a column's values are written: each format turns a kind into its own cell (text, number format, alignment). */
export type ColumnKind = 'text' | 'code' | 'count' | 'year' | 'money' | 'percent';
export type TableCell = string | number | Fen | null;

export interface ReportTable {
  /** section title and sheet name */
  title: string;
  columns: { header: string; kind: ColumnKind }[];
  rows: TableCell[][];
  /** the total row, from the report's totals (not summed here), so a reader can check that the rows add up; null when a total means nothing */
  total: TableCell[] | null;
}

/** The three breakdowns of the annual report: by event type (largest amount first), by street and by month. */
export function breakdownTables(report: AnnualReport, text: ReportText): ReportTable[] {
  const t = text.annual;
  const c = t.columns;
  const counts = [
    { header: c.claims, kind: 'count' },
    { header: c.paid, kind: 'count' },
    { header: c.paidAmount, kind: 'money' },
  ] as const;
  const { reported, paid, paidAmount } = report.totals;
  return [
    {
      title: t.sections.byEventType,
      columns: [{ header: c.nameZh, kind: 'text' }, { header: c.eventType, kind: 'code' }, ...counts],
      rows: byPaidAmount(report.byEventType).map((r) => [r.nameZh, r.eventType, r.claims, r.paid, r.paidAmount]),
      total: [text.common.total, null, reported, paid, paidAmount],
    },
    {
      title: t.sections.byStreet,
      columns: [{ header: c.streetName, kind: 'text' }, { header: c.streetCode, kind: 'code' }, ...counts],
      rows: report.byStreet.map((r) => [r.streetName, r.streetCode, r.claims, r.paid, r.paidAmount]),
      total: [text.common.total, null, reported, paid, paidAmount],
    },
    {
      title: t.sections.byMonth,
      columns: [{ header: c.month, kind: 'code' }, ...counts],
      rows: report.byMonth.map((r) => [r.month, r.claims, r.paid, r.paidAmount]),
      total: [text.common.total, reported, paid, paidAmount],
    },
  ];
}

/** Per deadline stage, how many of the year's claims finished it on time and late. */
export function timelinessTable(report: AnnualReport, text: ReportText): ReportTable {
  const t = text.annual.timeliness;
  return {
    title: text.annual.sections.timeliness,
    columns: [
      { header: t.columns.stage, kind: 'text' },
      { header: t.columns.onTime, kind: 'count' },
      { header: t.columns.late, kind: 'count' },
      { header: t.columns.onTimeShare, kind: 'percent' },
    ],
    rows: DEADLINE_STAGES.map((stage) => {
      const { onTime, late, onTimeShare } = report.timeliness[stage];
      return [t.stages[stage], onTime, late, onTimeShare];
    }),
    total: null,
  };
}

/** Largest paid amount first; equal amounts keep the catalogue order. */
export function byPaidAmount<T extends { paidAmount: Fen }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.paidAmount === b.paidAmount ? 0 : a.paidAmount > b.paidAmount ? -1 : 1));
}

/** The multi-year table: one row a year with running totals; the total row from the report's total. */
export function multiYearTable(report: MultiYearReport, text: ReportText): ReportTable {
  const t = text.multiYear;
  const c = t.columns;
  let claims = 0;
  let fen = 0n;
  const rows = [...report.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      claims += y.claimsPaid;
      fen += y.paidAmount;
      return [y.year, y.coveredEvents, y.claimsPaid, y.paidAmount, claims, fen];
    });
  return {
    title: t.sections.years,
    columns: [
      { header: c.year, kind: 'year' },
      { header: c.coveredEvents, kind: 'count' },
      { header: c.claimsPaid, kind: 'count' },
      { header: c.paidAmount, kind: 'money' },
      { header: c.cumulativeClaimsPaid, kind: 'count' },
      { header: c.cumulativePaidAmount, kind: 'money' },
    ],
    rows,
    total: [text.common.total, null, report.total.claimsPaid, report.total.paidAmount, null, null],
  };
}

/** "报案 258 件 = 核准 216 件 + 拒赔 17 件 + 待处理 14 件 + 撤回 11 件" */
export function totalsEquation(report: AnnualReport, text: ReportText): string {
  const { reported, approved, denied, pending, withdrawn } = report.totals;
  return fill(text.annual.totalsEquation, {
    reported: formatCount(reported),
    approved: formatCount(approved),
    denied: formatCount(denied),
    pending: formatCount(pending),
    withdrawn: formatCount(withdrawn),
  });
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
    paidAmount: formatFen(report.total.paidAmount),
  });
}
