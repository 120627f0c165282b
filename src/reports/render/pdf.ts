import { parseMoney } from '../../common/money.js';
import { multiYearStatement, yearOverYear, yearRows } from './derive.js';
import {
  amountInWords,
  formatCount,
  formatDays,
  formatFen,
  formatRatioPercent,
  formatTime,
  formatWan,
  formatYuan,
  signed,
} from './format.js';
import { PdfLayout, type TableColumn } from './pdf-layout.js';
import type { AnnualReport, MultiYearReport, PayoutNotice } from './report-types.js';
import { fill, reportText } from './report-text.js';

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
      [t.policy.premium, formatYuan(policy.premium)],
      [t.policy.aggregateLimit, formatYuan(policy.aggregateLimit)],
      [t.policy.aggregateUsed, formatYuan(policy.aggregateUsed)],
      [t.policy.lossRatio, formatRatioPercent(policy.lossRatio, none)],
    ]);
  } else {
    pdf.paragraph(t.policy.missing);
  }

  pdf.heading(t.sections.totals);
  const totals = report.totals;
  pdf.keyValues([
    [t.totals.reported, formatCount(totals.reported)],
    [t.totals.claimedAmount, formatYuan(totals.claimedAmount)],
    [t.totals.approved, formatCount(totals.approved)],
    [t.totals.approvedAmount, formatYuan(totals.approvedAmount)],
    [t.totals.paid, formatCount(totals.paid)],
    [t.totals.paidAmount, formatYuan(totals.paidAmount)],
    [t.totals.denied, formatCount(totals.denied)],
    [t.totals.pending, formatCount(totals.pending)],
  ]);

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

  const c = t.columns;
  const counts: TableColumn[] = [
    { header: c.claims, width: 0.15, align: 'right' },
    { header: c.paid, width: 0.15, align: 'right' },
    { header: c.paidAmount, width: 0.22, align: 'right' },
  ];

  pdf.heading(t.sections.byEventType);
  pdf.table(
    [{ header: c.eventType, width: 0.18 }, { header: c.nameZh, width: 0.3 }, ...counts],
    report.byEventType.map((r) => ({
      cells: [r.eventType, r.nameZh, formatCount(r.claims), formatCount(r.paid), formatYuan(r.paidAmount)],
    })),
  );
  pdf.horizontalBars(
    t.charts.byEventType,
    report.byEventType.map((r) => ({ label: r.nameZh, value: parseMoney(r.paidAmount), valueLabel: formatYuan(r.paidAmount) })),
  );

  pdf.heading(t.sections.byStreet);
  pdf.table(
    [{ header: c.streetCode, width: 0.18 }, { header: c.streetName, width: 0.3 }, ...counts],
    report.byStreet.map((r) => ({
      cells: [r.streetCode, r.streetName, formatCount(r.claims), formatCount(r.paid), formatYuan(r.paidAmount)],
    })),
  );

  pdf.heading(t.sections.byMonth);
  pdf.table(
    [{ header: c.month, width: 0.48 }, ...counts],
    report.byMonth.map((r) => ({
      cells: [r.month, formatCount(r.claims), formatCount(r.paid), formatYuan(r.paidAmount)],
    })),
  );
  pdf.verticalBars(
    t.charts.byMonth,
    report.byMonth.map((r) => ({ label: r.month, value: parseMoney(r.paidAmount), valueLabel: formatWan(r.paidAmount) })),
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

  pdf.heading(t.sections.years);
  const c = t.columns;
  const rows = yearRows(report);
  pdf.table(
    [
      { header: c.year, width: 0.1 },
      { header: c.coveredEvents, width: 0.15, align: 'right' },
      { header: c.claimsPaid, width: 0.13, align: 'right' },
      { header: c.paidAmount, width: 0.2, align: 'right' },
      { header: c.cumulativeClaimsPaid, width: 0.17, align: 'right' },
      { header: c.cumulativePaidAmount, width: 0.25, align: 'right' },
    ],
    [
      ...rows.map((y) => ({
        cells: [
          String(y.year),
          formatCount(y.coveredEvents),
          formatCount(y.claimsPaid),
          formatYuan(y.paidAmount),
          formatCount(y.cumulativeClaimsPaid),
          formatYuan(y.cumulativePaidAmount),
        ],
      })),
      {
        cells: [text.common.total, '', formatCount(report.total.claimsPaid), formatYuan(report.total.paidAmount), '', ''],
        bold: true,
      },
    ],
  );

  pdf.heading(t.sections.chart);
  pdf.verticalBars(
    t.chart,
    rows.map((y) => ({ label: String(y.year), value: parseMoney(y.paidAmount), valueLabel: formatWan(y.paidAmount) })),
  );

  return pdf.finish(generatedAt);
}

/** 理赔通知书 for one paid claim. */
export async function renderPayoutNoticePdf(notice: PayoutNotice): Promise<Buffer> {
  const text = reportText();
  const t = text.notice;
  const f = t.fields;
  const generatedAt = formatTime(notice.generatedAt);
  const pdf = new PdfLayout(text, { title: `${t.title} ${notice.claimNo}`, createdAt: notice.generatedAt });

  pdf.title(t.title);
  pdf.paragraph(fill(t.claimNo, { claimNo: notice.claimNo }), 'right');
  pdf.paragraph(fill(t.salutation, { residentName: notice.residentName }));
  pdf.paragraph(
    fill(t.body, {
      reportedAt: formatTime(notice.reportedAt),
      eventTypeZh: notice.eventTypeZh,
      incidentDate: notice.incidentDate,
      paidAt: formatTime(notice.paidAt),
    }),
  );

  pdf.heading(t.sections.claim);
  pdf.keyValues([
    [f.claimNo, notice.claimNo],
    [f.location, fill(t.location, { districtName: notice.districtName, streetName: notice.streetName })],
    [f.residentName, notice.residentName],
    [f.idNumber, notice.idNumberMasked],
    [f.eventType, notice.eventTypeZh],
    [f.incidentDate, notice.incidentDate],
    [f.reportedAt, formatTime(notice.reportedAt)],
    [f.paidAt, formatTime(notice.paidAt)],
    [f.verifiedLoss, formatYuan(notice.verifiedLoss)],
  ]);

  pdf.heading(t.sections.calculation);
  pdf.table(
    [
      { header: t.columns.step, width: 0.25 },
      { header: t.columns.description, width: 0.5 },
      { header: t.columns.amount, width: 0.25, align: 'right' },
    ],
    notice.steps.map((s) => ({ cells: [s.step, s.description, formatYuan(s.amount)] })),
  );
  pdf.keyValues([
    [f.approvedAmount, formatYuan(notice.approvedAmount)],
    [f.paidAmount, formatYuan(notice.paidAmount)],
  ]);
  pdf.keyValues([[f.paidAmountInWords, fill(t.amountInWords, { words: amountInWords(notice.paidAmount) })]], 1);

  pdf.heading(t.sections.payment);
  pdf.keyValues([
    [f.insurer, notice.insurerName],
    [f.policyNo, notice.policyNo],
    [f.payeeName, notice.payeeName],
    [f.payeeAccount, notice.payeeAccountMasked],
    [f.bankReference, notice.bankReference],
  ]);

  pdf.paragraph(t.closing);
  return pdf.finish(generatedAt);
}
