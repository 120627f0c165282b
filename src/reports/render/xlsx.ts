import ExcelJS from 'exceljs';
import { formatMoney, yuanNumber } from '../../common/money.js';
import { fill } from '../../common/templates.js';
import { breakdownTables, multiYearTable, timelinessTable, type ColumnKind, type ReportTable, type TableCell } from './derive.js';
import { formatTime, ratioToNumber } from './format.js';
import type { AnnualReport, MultiYearReport } from './report-types.js';
import { reportText } from './report-text.js';

type Kind = ColumnKind | 'days';

// The unit (元) is in the column header or the label, so money cells show plain numbers.
const NUMBER_FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  code: undefined,
  count: '#,##0',
  year: '0',
  days: undefined,
  money: '#,##0.00',
  percent: '0.00%',
};
const DISPLAY_WIDTH_EXTRA: Record<Kind, number> = { text: 0, code: 0, count: 0, year: 0, days: 0, money: 3, percent: 1 };

export async function renderAnnualXlsx(report: AnnualReport): Promise<Buffer> {
  const text = reportText();
  const t = text.annual;
  const title = fill(t.title, { districtName: report.districtName, year: report.year });
  const workbook = newWorkbook(title, report.generatedAt);

  const overview: [string, Kind, TableCell][] = [
    [text.common.report, 'text', title],
    [text.common.districtCode, 'code', report.districtCode],
  ];
  const policy = report.policy;
  if (policy) {
    overview.push(
      [t.policy.policyNo, 'code', policy.policyNo],
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
  const totals = report.totals;
  overview.push(
    [t.totals.reported, 'count', totals.reported],
    [t.totals.approved, 'count', totals.approved],
    [t.totals.denied, 'count', totals.denied],
    [t.totals.pending, 'count', totals.pending],
    [t.totals.withdrawn, 'count', totals.withdrawn],
    [t.totals.paid, 'count', totals.paid],
    [t.totals.claimedAmount, 'money', totals.claimedAmount],
    [t.totals.approvedAmount, 'money', totals.approvedAmount],
    [t.totals.paidAmount, 'money', totals.paidAmount],
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

  addTableSheet(workbook, { ...timelinessTable(report, text), title: t.sheets.timeliness });
  for (const table of breakdownTables(report, text)) addTableSheet(workbook, table);
  return toBuffer(workbook);
}

export async function renderMultiYearXlsx(report: MultiYearReport): Promise<Buffer> {
  const text = reportText();
  const title = fill(text.multiYear.title, { districtName: report.districtName, from: report.from, to: report.to });
  const workbook = newWorkbook(title, report.generatedAt);
  addTableSheet(workbook, { ...multiYearTable(report, text), title: text.multiYear.sheet });
  return toBuffer(workbook);
}

function newWorkbook(title: string, generatedAt: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  workbook.creator = reportText().common.creator;
  const created = new Date(generatedAt);
  if (!Number.isNaN(created.getTime())) workbook.created = created;
  return workbook;
}

/** A sheet per table: header, rows under an autofilter, then the total row (if any) outside the filter range. */
function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable): void {
  const { columns, rows, total } = table;
  const sheet = newSheet(workbook, table.title, columns.map((c) => c.header));
  for (const values of rows) {
    const row = sheet.addRow([]);
    columns.forEach((column, i) => setCell(row.getCell(i + 1), values[i], column.kind));
  }
  const lastDataRow = rows.length + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastDataRow, column: columns.length } };
  if (total) addTotalRow(sheet, columns, total, lastDataRow);

  columns.forEach((column, i) => {
    const widths = [displayWidth(column.header), ...[...rows, total ?? []].map((r) => cellWidth(r[i] ?? null, column.kind))];
    sheet.getColumn(i + 1).width = columnWidth(widths);
  });
}

/**
 * The bold total row. Its counts and amounts are SUM formulas over the rows with the report's totals as their
 * cached results, so a spreadsheet that recalculates shows at once if the rows did not add up.
 */
function addTotalRow(sheet: ExcelJS.Worksheet, columns: ReportTable['columns'], total: TableCell[], lastDataRow: number): void {
  const totalRow = sheet.addRow([]);
  columns.forEach((column, i) => {
    const cell = totalRow.getCell(i + 1);
    const value = total[i];
    if (lastDataRow > 1 && typeof value !== 'string' && value !== null && (column.kind === 'count' || column.kind === 'money')) {
      const letter = sheet.getColumn(i + 1).letter;
      cell.value = { formula: `SUM(${letter}2:${letter}${lastDataRow})`, result: xlsxNumber(value, column.kind) };
      cell.numFmt = NUMBER_FORMATS[column.kind]!;
    } else {
      setCell(cell, value, column.kind);
    }
  });
  totalRow.font = { bold: true };
}

function addKeyValueSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: [string, Kind, TableCell][]): void {
  const sheet = newSheet(workbook, name, headers);
  for (const [label, kind, value] of rows) {
    const row = sheet.addRow([label]);
    setCell(row.getCell(2), value, kind);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: 2 } };
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

function setCell(cell: ExcelJS.Cell, value: TableCell, kind: Kind): void {
  if (value === null) return;
  cell.value = xlsxNumber(value, kind);
  const numFmt = NUMBER_FORMATS[kind];
  if (numFmt && typeof cell.value === 'number') cell.numFmt = numFmt;
}

// A cell holds a double; for two-decimal amounts below 2^53 fen it is the double nearest the decimal,
// which Excel displays (and sums) as the same amount in fen. See yuanNumber.
function xlsxNumber(value: string | number | bigint, kind: Kind): string | number {
  if (typeof value === 'bigint') return yuanNumber(value);
  if (kind === 'percent') return ratioToNumber(String(value));
  return value;
}

function cellWidth(value: TableCell, kind: Kind): number {
  if (value === null) return 0;
  const shown = typeof value === 'bigint' ? formatMoney(value) : String(value);
  return displayWidth(shown) + DISPLAY_WIDTH_EXTRA[kind];
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
