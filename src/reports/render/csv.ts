import { formatMoney } from '../../common/money.js';
import {
  breakdownTables, multiYearStatement, multiYearTable, timelinessTable, totalsEquation, yearOverYear, type ReportTable, type TableCell,
} from './derive.js';
import { formatRatioPercent, formatTime, signed } from './format.js';
import type { AnnualReport, MultiYearReport } from './report-types.js';
import { fill } from '../../common/templates.js';
import { reportText, type ReportText } from './report-text.js';

type Cell = string | number | null;
type Row = Cell[];

// Excel runs a cell that starts with one of these as a formula (CSV injection); numbers may start with + or -.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC = /^[+-]?\d[\d,]*(\.\d+)?%?$/;

/** UTF-8 with BOM (so Excel detects the encoding), CRLF line ends, sections separated by a blank line. */
export function renderAnnualCsv(report: AnnualReport): Buffer {
  const text = reportText();
  const t = text.annual;
  const sections: Row[][] = [
    [
      [fill(t.title, { districtName: report.districtName, year: report.year })],
      [text.common.districtCode, report.districtCode],
      [text.common.generatedAt, formatTime(report.generatedAt)],
    ],
    [[t.sections.policy], [text.common.item, text.common.value], ...policyRows(report, text)],
    [
      [t.sections.totals],
      [text.common.item, text.common.value],
      [t.totals.reported, report.totals.reported],
      [t.totals.approved, report.totals.approved],
      [t.totals.denied, report.totals.denied],
      [t.totals.pending, report.totals.pending],
      [t.totals.withdrawn, report.totals.withdrawn],
      [t.totals.paid, report.totals.paid],
      [t.totals.claimedAmount, formatMoney(report.totals.claimedAmount)],
      [t.totals.approvedAmount, formatMoney(report.totals.approvedAmount)],
      [t.totals.paidAmount, formatMoney(report.totals.paidAmount)],
      [totalsEquation(report, text)],
    ],
    [[t.sections.yearOverYear], ...yearOverYearRows(report, text)],
    [
      [t.sections.processingDays],
      [text.common.item, text.common.value],
      [t.processingDays.median, report.processingDays.median],
      [t.processingDays.p90, report.processingDays.p90],
      [t.processingDays.max, report.processingDays.max],
    ],
    tableRows(timelinessTable(report, text)),
    ...breakdownTables(report, text).map(tableRows),
  ];
  return toCsv(sections);
}

export function renderMultiYearCsv(report: MultiYearReport): Buffer {
  const text = reportText();
  const t = text.multiYear;
  const sections: Row[][] = [
    [
      [fill(t.title, { districtName: report.districtName, from: report.from, to: report.to })],
      [text.common.districtCode, report.districtCode],
      [text.common.generatedAt, formatTime(report.generatedAt)],
    ],
    tableRows(multiYearTable(report, text)),
    [[t.sections.summary], [multiYearStatement(report, text)]],
  ];
  return toCsv(sections);
}

function policyRows(report: AnnualReport, text: ReportText): Row[] {
  const t = text.annual;
  const policy = report.policy;
  if (!policy) return [[t.policy.missing]];
  return [
    [t.policy.policyNo, policy.policyNo],
    [t.policy.insurer, policy.insurer],
    [t.policy.period, fill(t.period, { start: policy.periodStart, end: policy.periodEnd })],
    [t.policy.premium, formatMoney(policy.premium)],
    [t.policy.aggregateLimit, formatMoney(policy.aggregateLimit)],
    [t.policy.aggregateUsed, formatMoney(policy.aggregateUsed)],
    [t.policy.lossRatio, formatRatioPercent(policy.lossRatio, text.common.none)],
  ];
}

function yearOverYearRows(report: AnnualReport, text: ReportText): Row[] {
  const t = text.annual.yearOverYear;
  const yoy = yearOverYear(report);
  if (!yoy) return [[t.missing]];
  return [
    [t.columns.item, t.columns.current, t.columns.previous, t.columns.change, t.columns.changePercent],
    [t.paid, yoy.paid.current, yoy.paid.previous, signed(String(yoy.paid.change)), yoy.paid.changePercent],
    [
      t.paidAmount,
      formatMoney(yoy.paidAmount.current),
      formatMoney(yoy.paidAmount.previous),
      signed(formatMoney(yoy.paidAmount.change)),
      yoy.paidAmount.changePercent,
    ],
  ];
}

/** A table as a CSV section: title, header, rows, total row; money as plain yuan ("35000.00") for spreadsheets. */
function tableRows(table: ReportTable): Row[] {
  const cell = (value: TableCell, i: number): Cell => {
    if (typeof value === 'bigint') return formatMoney(value);
    return table.columns[i].kind === 'percent' && typeof value === 'string' ? formatRatioPercent(value) : value;
  };
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return [[table.title], table.columns.map((c) => c.header), ...rows.map((row) => row.map(cell))];
}

function toCsv(sections: Row[][]): Buffer {
  const lines = sections.map((rows) => rows.map((row) => row.map(csvCell).join(',')).join('\r\n'));
  return Buffer.from(`\uFEFF${lines.join('\r\n\r\n')}\r\n`, 'utf8');
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) && !NUMERIC.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
