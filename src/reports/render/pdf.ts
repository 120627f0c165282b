import { fill } from '../../common/templates.js';
import {
  breakdownTables, byPaidAmount, multiYearStatement, multiYearTable, timelinessTable, totalsEquation, yearOverYear,
  type ColumnKind, type ReportTable, type TableCell,
} from './derive.js';
import { formatCount, formatDays, formatFen, formatRatioPercent, formatTime, formatWan, signed } from './format.js';
import { PdfLayout, type TableColumn } from './pdf-layout.js';
import type { AnnualReport, MultiYearReport } from './report-types.js';
import { reportText } from './report-text.js';

/** Shares of the content width by kind of column, before the table's columns are scaled to fill it. */
const COLUMN_WIDTH: Record<ColumnKind, number> = { text: 0.3, code: 0.19, count: 0.15, year: 0.1, money: 0.22, percent: 0.15 };

export async function renderAnnualPdf(report: AnnualReport): Promise<Buffer> {
  const text = reportText();
  const t = text.annual;
  const none = text.common.none;
  const generatedAt = formatTime(report.generatedAt);
  const title = fill(t.title, { districtName: report.districtName, year: report.year });
  const pdf = new PdfLayout(text, { title, createdAt: report.generatedAt });

  pdf.title(title);
  pdf.subtitle(fill(text.common.subtitle, { districtCode: report.districtCode, generatedAt }));

  pdf.heading(t.sections.policy);
  const policy = report.policy;
  if (policy) {
    pdf.keyValues([
      [t.policy.policyNo, policy.policyNo],
      [t.policy.insurer, policy.insurer],
      [t.policy.period, fill(t.period, { start: policy.periodStart, end: policy.periodEnd })],
      [t.policy.premium, formatFen(policy.premium)],
      [t.policy.aggregateLimit, formatFen(policy.aggregateLimit)],
      [t.policy.aggregateUsed, formatFen(policy.aggregateUsed)],
      [t.policy.lossRatio, formatRatioPercent(policy.lossRatio, none)],
    ]);
  } else {
    pdf.paragraph(t.policy.missing);
  }

  pdf.heading(t.sections.totals);
  const totals = report.totals;
  pdf.keyValues([
    [t.totals.reported, formatCount(totals.reported)],
    [t.totals.claimedAmount, formatFen(totals.claimedAmount)],
    [t.totals.approved, formatCount(totals.approved)],
    [t.totals.approvedAmount, formatFen(totals.approvedAmount)],
    [t.totals.paid, formatCount(totals.paid)],
    [t.totals.paidAmount, formatFen(totals.paidAmount)],
    [t.totals.denied, formatCount(totals.denied)],
    [t.totals.pending, formatCount(totals.pending)],
    [t.totals.withdrawn, formatCount(totals.withdrawn)],
  ]);
  pdf.paragraph(totalsEquation(report, text));

  pdf.heading(t.sections.yearOverYear);
  const yoy = yearOverYear(report);
  if (yoy) {
    const c = t.yearOverYear.columns;
    pdf.table(
      [
        { header: c.item, width: 0.28 },
        { header: c.current, width: 0.19, align: 'right' },
        { header: c.previous, width: 0.19, align: 'right' },
        { header: c.change, width: 0.19, align: 'right' },
        { header: c.changePercent, width: 0.15, align: 'right' },
      ],
      [
        {
          cells: [
            t.yearOverYear.paid,
            formatCount(yoy.paid.current),
            formatCount(yoy.paid.previous),
            signed(formatCount(yoy.paid.change)),
            yoy.paid.changePercent ?? none,
          ],
        },
        {
          cells: [
            t.yearOverYear.paidAmount,
            formatFen(yoy.paidAmount.current),
            formatFen(yoy.paidAmount.previous),
            signed(formatFen(yoy.paidAmount.change)),
            yoy.paidAmount.changePercent ?? none,
          ],
        },
      ],
    );
  } else {
    pdf.paragraph(t.yearOverYear.missing);
  }

  pdf.heading(t.sections.processingDays);
  pdf.keyValues(
    [
      [t.processingDays.median, formatDays(report.processingDays.median, none)],
      [t.processingDays.p90, formatDays(report.processingDays.p90, none)],
      [t.processingDays.max, formatDays(report.processingDays.max, none)],
    ],
    3,
    0.72,
  );

  const timeliness = timelinessTable(report, text);
  pdf.heading(timeliness.title);
  pdfTable(pdf, timeliness, none);

  const [byEventType, byStreet, byMonth] = breakdownTables(report, text);
  pdf.heading(byEventType.title);
  pdfTable(pdf, byEventType, none);
  pdf.horizontalBars(
    t.charts.byEventType,
    byPaidAmount(report.byEventType).map((r) => ({ label: r.nameZh, value: r.paidAmount, valueLabel: formatFen(r.paidAmount) })),
  );

  pdf.heading(byStreet.title);
  pdfTable(pdf, byStreet, none);

  pdf.heading(byMonth.title);
  pdfTable(pdf, byMonth, none);
  pdf.verticalBars(
    t.charts.byMonth,
    report.byMonth.map((r) => ({ label: r.month, value: r.paidAmount, valueLabel: formatWan(r.paidAmount) })),
  );

  return pdf.finish(generatedAt);
}

export async function renderMultiYearPdf(report: MultiYearReport): Promise<Buffer> {
  const text = reportText();
  const t = text.multiYear;
  const generatedAt = formatTime(report.generatedAt);
  const title = fill(t.title, { districtName: report.districtName, from: report.from, to: report.to });
  const pdf = new PdfLayout(text, { title, createdAt: report.generatedAt });

  pdf.title(title);
  pdf.subtitle(fill(text.common.subtitle, { districtCode: report.districtCode, generatedAt }));

  pdf.heading(t.sections.summary);
  pdf.paragraph(multiYearStatement(report, text));

  const table = multiYearTable(report, text);
  pdf.heading(table.title);
  pdfTable(pdf, table, text.common.none);

  pdf.heading(t.sections.chart);
  pdf.verticalBars(
    t.chart,
    [...report.years]
      .sort((a, b) => a.year - b.year)
      .map((y) => ({ label: String(y.year), value: y.paidAmount, valueLabel: formatWan(y.paidAmount) })),
  );

  return pdf.finish(generatedAt);
}

/**
 * A shared report table with its bold total row. A code column is printed only where every code fits on one line
 * (a code split across lines reads as two); otherwise the name beside it says the same to a person.
 */
function pdfTable(pdf: PdfLayout, table: ReportTable, none: string): void {
  const cells = (row: TableCell[]) => row.map((value, i) => pdfCell(value, table.columns[i].kind, none));
  const keep = table.columns.map((column, i) =>
    column.kind !== 'code' || pdf.fitsTableColumn(table.rows.map((row) => cells(row)[i]), COLUMN_WIDTH.code / totalWidth(table)),
  );
  const columns = table.columns.filter((_, i) => keep[i]);
  const scale = columns.reduce((sum, c) => sum + COLUMN_WIDTH[c.kind], 0);
  const pdfColumns: TableColumn[] = columns.map((c) => ({
    header: c.header,
    width: COLUMN_WIDTH[c.kind] / scale,
    align: c.kind === 'text' || c.kind === 'code' || c.kind === 'year' ? 'left' : 'right',
  }));
  const body = table.rows.map((row) => ({ cells: cells(row).filter((_, i) => keep[i]) }));
  const total = table.total && { cells: cells(table.total).filter((_, i) => keep[i]), bold: true };
  pdf.table(pdfColumns, total ? [...body, total] : body);
}

function totalWidth(table: ReportTable): number {
  return table.columns.reduce((sum, c) => sum + COLUMN_WIDTH[c.kind], 0);
}

function pdfCell(value: TableCell, kind: ColumnKind, none: string): string {
  if (kind === 'percent') return formatRatioPercent(value === null ? null : String(value), none);
  if (value === null) return '';
  if (typeof value === 'bigint') return formatFen(value);
  if (typeof value === 'number') return kind === 'year' ? String(value) : formatCount(value);
  return value;
}
