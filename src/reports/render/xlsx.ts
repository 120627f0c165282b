import ExcelJS from 'exceljs';
import { parseMoney, yuanNumber } from '../../common/money.js';
import { multiYearTableRows } from './derive.js';
import { formatTime, ratioToNumber } from './format.js';
import type { AnnualReport, MultiYearReport } from './report-types.js';
import { fill, reportText } from './report-text.js';

type Kind = 'text' | 'count' | 'year' | 'days' | 'money' | 'percent';
type Value = string | number | null;

const NUMBER_FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  year: '0',
  days: undefined,
  money: '#,##0.00 "元"',
  percent: '0.00%',
};
const DISPLAY_WIDTH_EXTRA: Record<Kind, number> = { text: 0, count: 0, year: 0, days: 0, money: 7, percent: 1 };

interface Column {
  header: string;
  kind: Kind;
}

export async function renderAnnualXlsx(report: AnnualReport): Promise<Buffer> {
  const text = reportText();
  const t = text.annual;
  const workbook = newWorkbook(report.generatedAt);

  const overview: [string, Kind, Value][] = [
    [text.common.report, 'text', fill(t.title, { districtName: report.districtName, year: report.year })],
    [text.common.districtCode, 'text', report.districtCode],
  ];
  const policy = report.policy;
  if (policy) {
    overview.push(
      [t.policy.policyNo, 'text', policy.policyNo],
      [t.policy.insurer, 'text', policy.insurer],
      [t.policy.period, 'text', fill(t.period, { start: policy.periodStart, end: policy.periodEnd })],
      [t.policy.premium, 'money', policy.premium],
      [t.policy.aggregateLimit, 'money', policy.aggregateLimit],
      [t.policy.aggregateUsed, 'money', policy.aggregateUsed],
      [t.policy.lossRatio, 'percent', policy.lossRatio],
    );
  } else {
    overview.push([t.sections.policy, 'text', t.policy.missing]);
  }
  overview.push(
    [t.totals.reported, 'count', report.totals.reported],
    [t.totals.approved, 'count', report.totals.approved],
    [t.totals.denied, 'count', report.totals.denied],
    [t.totals.paid, 'count', report.totals.paid],
    [t.totals.pending, 'count', report.totals.pending],
    [t.totals.claimedAmount, 'money', report.totals.claimedAmount],
    [t.totals.approvedAmount, 'money', report.totals.approvedAmount],
    [t.totals.paidAmount, 'money', report.totals.paidAmount],
    [t.processingDays.median, 'days', report.processingDays.median],
    [t.processingDays.p90, 'days', report.processingDays.p90],
    [t.processingDays.max, 'days', report.processingDays.max],
  );
  const y = t.yearOverYear;
  if (report.previousYear) {
    overview.push(
      [y.previousPaid, 'count', report.previousYear.paid],
      [y.previousPaidAmount, 'money', report.previousYear.paidAmount],
    );
  } else {
    overview.push([t.sections.yearOverYear, 'text', y.missing]);
  }
  overview.push([text.common.generatedAt, 'text', formatTime(report.generatedAt)]);
  addKeyValueSheet(workbook, t.sheets.overview, [text.common.item, text.common.value], overview);

  const c = t.columns;
  addTableSheet(
    workbook,
    t.sheets.byEventType,
    [col(c.eventType, 'text'), col(c.nameZh, 'text'), col(c.claims, 'count'), col(c.paid, 'count'), col(c.paidAmount, 'money')],
    report.byEventType.map((r) => [r.eventType, r.nameZh, r.claims, r.paid, r.paidAmount]),
  );
  addTableSheet(
    workbook,
    t.sheets.byStreet,
    [col(c.streetCode, 'text'), col(c.streetName, 'text'), col(c.claims, 'count'), col(c.paid, 'count'), col(c.paidAmount, 'money')],
    report.byStreet.map((r) => [r.streetCode, r.streetName, r.claims, r.paid, r.paidAmount]),
  );
  addTableSheet(
    workbook,
    t.sheets.byMonth,
    [col(c.month, 'text'), col(c.claims, 'count'), col(c.paid, 'count'), col(c.paidAmount, 'money')],
    report.byMonth.map((r) => [r.month, r.claims, r.paid, r.paidAmount]),
  );
  return toBuffer(workbook);
}

export async function renderMultiYearXlsx(report: MultiYearReport): Promise<Buffer> {
  const text = reportText();
  const c = text.multiYear.columns;
  const workbook = newWorkbook(report.generatedAt);
  const sheet = addTableSheet(
    workbook,
    text.multiYear.sheet,
    [
      col(c.year, 'year'),
      col(c.coveredEvents, 'count'),
      col(c.claimsPaid, 'count'),
      col(c.paidAmount, 'money'),
      col(c.cumulativeClaimsPaid, 'count'),
      col(c.cumulativePaidAmount, 'money'),
    ],
    [
      ...multiYearTableRows(report, text.common.total),
    ],
  );
  sheet.lastRow!.font = { bold: true };
  return toBuffer(workbook);
}

function col(header: string, kind: Kind): Column {
  return { header, kind };
}

function newWorkbook(generatedAt: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const created = new Date(generatedAt);
  if (!Number.isNaN(created.getTime())) workbook.created = created;
  return workbook;
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Value[][]): ExcelJS.Worksheet {
  const sheet = newSheet(workbook, name, columns.map((c) => c.header));
  for (const values of rows) {
    const row = sheet.addRow([]);
    columns.forEach((column, i) => setCell(row.getCell(i + 1), values[i], column.kind));
  }
  columns.forEach((column, i) => {
    const widths = [displayWidth(column.header), ...rows.map((r) => cellWidth(r[i], column.kind))];
    sheet.getColumn(i + 1).width = columnWidth(widths);
  });
  return sheet;
}

function addKeyValueSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: [string, Kind, Value][]): void {
  const sheet = newSheet(workbook, name, headers);
  for (const [label, kind, value] of rows) {
    const row = sheet.addRow([label]);
    setCell(row.getCell(2), value, kind);
  }
  sheet.getColumn(1).width = columnWidth([displayWidth(headers[0]), ...rows.map(([label]) => displayWidth(label))]);
  sheet.getColumn(2).width = columnWidth([displayWidth(headers[1]), ...rows.map(([, kind, value]) => cellWidth(value, kind))]);
}

function newSheet(workbook: ExcelJS.Workbook, name: string, headers: string[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  });
  return sheet;
}

function setCell(cell: ExcelJS.Cell, value: Value, kind: Kind): void {
  if (value === null) return;
  // A cell holds a double; for two-decimal amounts below 2^53 fen it is the double nearest the decimal,
  // which Excel displays (and sums) as the same amount in fen. See yuanNumber.
  if (kind === 'money') cell.value = yuanNumber(parseMoney(String(value)));
  else if (kind === 'percent') cell.value = ratioToNumber(String(value));
  else cell.value = value;
  const numFmt = NUMBER_FORMATS[kind];
  if (numFmt && typeof cell.value === 'number') cell.numFmt = numFmt;
}

function cellWidth(value: Value, kind: Kind): number {
  return value === null ? 0 : displayWidth(String(value)) + DISPLAY_WIDTH_EXTRA[kind];
}

// Excel column width is in characters of the default font; a CJK character takes about two.
function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return width;
}

function columnWidth(widths: number[]): number {
  return Math.min(60, Math.max(8, ...widths) + 2);
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
