import { describe, expect, it } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { formatCount, formatYuan } from './format.js';
import { renderAnnualPdf, renderMultiYearPdf, renderPayoutNoticePdf } from './pdf.js';
import { cjkFonts } from './pdf-fonts.js';
import { missingGlyphs } from './pdf-layout.js';
import { extractPdfText } from './pdf-text.test-helper.js';
import {
  annualReportFixture,
  fullAnnualReportFixture,
  multiYearReportFixture,
  payoutNoticeFixture,
  TRICKY_STREET_NAME,
} from './render-fixtures.test-helper.js';

function expectPdf(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('renderAnnualPdf', () => {
  it('shows the district, the totals, every event type and page numbers', async () => {
    const report = annualReportFixture();
    const pdf = await renderAnnualPdf(report);
    expectPdf(pdf);
    const pages = await extractPdfText(pdf);
    const text = pages.join('\n');

    expect(text).toContain('海沧区 2022 年度社会治安综合保险理赔报告');
    expect(text).toContain('区划代码：350205');
    expect(text).toContain('中国人民财产保险股份有限');
    for (const value of [
      formatCount(report.totals.reported),
      formatYuan(report.totals.claimedAmount),
      formatYuan(report.totals.approvedAmount),
      formatYuan(report.totals.paidAmount),
      '80.12%',
      '+15.0%',
      '+101,234.56',
      '27.5',
    ]) {
      expect(text).toContain(value);
    }
    for (const row of report.byEventType) {
      expect(text).toContain(row.nameZh);
      expect(text).toContain(formatYuan(row.paidAmount));
    }
    expect(text).toContain(TRICKY_STREET_NAME);
    expect(text).toContain('2022-06');
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
    expect(text).toContain('生成时间：2023-01-05 10:30');
    expect(text).not.toContain('undefined');
  });

  it('continues long tables on new pages with the header repeated, fast', async () => {
    const report = fullAnnualReportFixture();
    const started = performance.now();
    const pdf = await renderAnnualPdf(report);
    const elapsed = performance.now() - started;

    const pages = await extractPdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const withEventHeader = pages.filter((page) => page.includes('事件类型代码'));
    expect(withEventHeader.length).toBeGreaterThan(1);
    for (const row of report.byEventType) expect(pages.join('\n')).toContain(row.nameZh);
    expect(elapsed).toBeLessThan(1000);
  });

  it('shows a decrease from the previous year', async () => {
    const pdf = await renderAnnualPdf({ ...annualReportFixture(), previousYear: { paid: 100, paidAmount: '900000.00' } });
    const text = (await extractPdfText(pdf)).join('\n');
    expect(text).toContain('-98,765.44');
    expect(text).toContain('-11.0%');
  });

  it('renders without a policy or previous year', async () => {
    const pdf = await renderAnnualPdf({ ...annualReportFixture(), policy: null, previousYear: null, byMonth: [] });
    const text = (await extractPdfText(pdf)).join('\n');
    expect(text).toContain('本年度无有效保单');
    expect(text).toContain('无上年数据');
  });
});

describe('renderMultiYearPdf', () => {
  it('states the growth and lists every year', async () => {
    const text = (await extractPdfText(await renderMultiYearPdf(multiYearReportFixture()))).join('\n');
    expect(text).toContain('海沧区 2018–2022 年社会治安综合保险理赔情况');
    expect(text).toContain('2018–2022 年，承保事件由 6 项增至 21 项，累计赔付 765 件，赔付金额 8,012,345.67 元。');
    for (const year of ['2018', '2019', '2020', '2021', '2022']) expect(text).toContain(year);
    expect(text).toContain('1,962,345.67');
    expect(text).toContain('第 1 页 / 共 1 页');
  });
});

describe('renderPayoutNoticePdf', () => {
  it('shows the claim, the calculation and the payment', async () => {
    const notice = payoutNoticeFixture();
    const text = (await extractPdfText(await renderPayoutNoticePdf(notice))).join('\n');
    expect(text).toContain('社会治安综合保险理赔通知书');
    expect(text).toContain(notice.claimNo);
    expect(text).toContain(notice.idNumberMasked);
    expect(text).toContain('30,000.00');
    expect(text).toContain('人民币叁万元整');
    expect(text).toContain('42,000.00');
    for (const step of notice.steps) expect(text).toContain(step.step);
    for (const value of [notice.bankReference, notice.payeeAccountMasked, notice.policyNo, notice.insurerName.slice(0, 8)]) {
      expect(text).toContain(value);
    }
    expect(text).toContain('2022-06-20 15:00');
    expect(text).toContain('第 1 页 / 共 1 页');
  });
});

describe('fonts', () => {
  // 禤 is a real surname the npm subset lacks; the Debian CJK fonts have it.
  it('finds characters the npm subset lacks', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.font(cjkFonts().regular);
    expect(missingGlyphs(doc, '张晓明 海沧区 2022')).toEqual([]);
    expect(missingGlyphs(doc, '禤晓明')).toEqual(['禤']);
  });

  it('sets such a name in the system CJK font when one is installed, else leaves only that character blank', async () => {
    const notice = { ...payoutNoticeFixture(), residentName: '禤晓明' };
    const text = (await extractPdfText(await renderPayoutNoticePdf(notice))).join('\n');
    expect(text).toContain(cjkFonts().fallback ? '禤晓明' : '晓明');
    expect(text).toContain(notice.claimNo);
  });
});
