import { fill } from '../../common/templates.js';
import { payoutStepText } from '../../payouts/payout-step-text.js';
import { amountInWords, formatFen, formatTime } from './format.js';
import { PdfLayout } from './pdf-layout.js';
import type { DenialNotice, NoticeClaim, PayoutNotice } from './report-types.js';
import { reportText, type ReportText } from './report-text.js';

/**
 * The letters to a resident share one layout: the title, the salutation and
 * the opening paragraph, the claim's particulars, what the letter is about,
 * and the two issuers with room to seal and sign.
 */
function openLetter(text: ReportText, title: string, notice: NoticeClaim, body: string): PdfLayout {
  const t = text.notice;
  const pdf = new PdfLayout(text, { title: `${title} ${notice.claimNo}`, createdAt: notice.generatedAt });
  pdf.title(title);
  pdf.paragraph(fill(t.salutation, { residentName: notice.residentName }));
  pdf.paragraph(body);
  return pdf;
}

/** The claim's particulars, then the letter's own lines (its date). */
function claimParticulars(text: ReportText, notice: NoticeClaim, own: [string, string][]): [string, string][] {
  const t = text.notice;
  const f = t.fields;
  return [
    [f.claimNo, notice.claimNo],
    [f.location, fill(t.location, { districtName: notice.districtName, streetName: notice.streetName })],
    [f.residentName, notice.residentName],
    [f.idNumber, notice.idNumberMasked],
    [f.eventType, notice.eventTypeZh],
    [f.incidentDate, notice.incidentDate],
    [f.reportedAt, formatTime(notice.reportedAt)],
    ...own,
  ];
}

/** The insurer and the district's 综治 office, each with its seal, signature and date lines. */
function closeLetter(pdf: PdfLayout, text: ReportText, notice: NoticeClaim): Promise<Buffer> {
  const issuer = text.notice.issuer;
  pdf.signatureBlocks([
    { name: notice.insurerName, seal: issuer.seal, signature: issuer.signature, date: issuer.date },
    { name: fill(issuer.office, { districtName: notice.districtName }), seal: issuer.seal, signature: issuer.signature, date: issuer.date },
  ]);
  return pdf.finish(formatTime(notice.generatedAt));
}

/** 理赔通知书 for one paid claim. */
export async function renderPayoutNoticePdf(notice: PayoutNotice): Promise<Buffer> {
  const text = reportText();
  const t = text.notice;
  const f = t.fields;
  const pdf = openLetter(text, t.title, notice, fill(t.body, {
    reportedAt: formatTime(notice.reportedAt),
    eventTypeZh: notice.eventTypeZh,
    incidentDate: notice.incidentDate,
    paidAt: formatTime(notice.paidAt),
  }));

  pdf.heading(t.sections.claim);
  pdf.keyValues(claimParticulars(text, notice, [[f.paidAt, formatTime(notice.paidAt)]]));

  // The verified loss is the first line of the calculation below, so it is not repeated here.
  pdf.heading(t.sections.verification);
  const v = notice.verification;
  const tv = t.verification;
  if (v) {
    pdf.keyValues(
      [
        [tv.visitedAt, formatTime(v.visitedAt)],
        [tv.verifier, v.verifierName],
        [tv.recommendation, tv.recommendations[v.recommendation]],
      ],
      3,
      0.35,
    );
    pdf.keyValues(
      [
        [tv.participants, v.participants.join(tv.participantSeparator) || text.common.none],
        [tv.findings, v.findings],
      ],
      1,
    );
  } else {
    pdf.paragraph(tv.missing);
  }

  pdf.heading(t.sections.calculation);
  pdf.table(
    [
      { header: t.columns.step, width: 0.27 },
      { header: t.columns.note, width: 0.51 },
      { header: t.columns.amount, width: 0.22, align: 'right' },
    ],
    notice.steps.map((s) => {
      const step = payoutStepText(s.step, notice.ratioBp);
      return { cells: [step.name, step.note, formatFen(s.amount)], bold: s.step === 'payable' };
    }),
  );
  pdf.keyValues([
    [f.approvedAmount, formatFen(notice.approvedAmount)],
    [f.paidAmount, formatFen(notice.paidAmount)],
    [f.paidAmountInWords, fill(t.amountInWords, { words: amountInWords(notice.paidAmount) })],
  ]);

  pdf.heading(t.sections.payment);
  // The insurer is named, to seal, in the issuer block at the end.
  pdf.keyValues([
    [f.policyNo, notice.policyNo],
    [f.payeeName, notice.payeeName],
    [f.payeeAccount, notice.payeeAccountMasked],
    [f.bankReference, notice.bankReference],
  ]);

  pdf.paragraph(t.closing);
  return closeLetter(pdf, text, notice);
}

/** 拒赔通知书 for one denied claim: the reason from the catalogue, the clause it rests on, and how to object. */
export async function renderDenialNoticePdf(notice: DenialNotice): Promise<Buffer> {
  const text = reportText();
  const t = text.denialNotice;
  const decidedAt = formatTime(notice.decidedAt);
  const pdf = openLetter(text, t.title, notice, fill(t.body, {
    reportedAt: formatTime(notice.reportedAt),
    eventTypeZh: notice.eventTypeZh,
    incidentDate: notice.incidentDate,
    insurerName: notice.insurerName,
    decidedAt,
  }));

  pdf.heading(t.sections.claim);
  pdf.keyValues(claimParticulars(text, notice, [[t.fields.decidedAt, decidedAt]]));
  pdf.keyValues([[text.notice.fields.policyNo, notice.policyNo]], 1);

  pdf.heading(t.sections.reason);
  pdf.keyValues(
    [
      [t.fields.reason, notice.reasonZh],
      [t.fields.policyClause, notice.policyClause],
      [t.fields.note, notice.note ?? text.common.none],
    ],
    1,
  );

  pdf.heading(t.sections.objection);
  for (const line of t.objection) {
    pdf.paragraph(fill(line, { districtName: notice.districtName, insurerName: notice.insurerName }));
  }
  return closeLetter(pdf, text, notice);
}
