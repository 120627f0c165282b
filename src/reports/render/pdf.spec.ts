import { describe, expect, it } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { extractPdfLines, extractPdfText, type PdfLine } from '../../../test/support/pdf.js';
import { byPaidAmount } from './derive.js';
import { formatCount, formatFen } from './format.js';
import { renderAnnualPdf, renderMultiYearPdf } from './pdf.js';
import { renderDenialNoticePdf, renderPayoutNoticePdf } from './notice-pdf.js';
import { cjkFonts } from './pdf-fonts.js';
import { missingGlyphs } from './pdf-layout.js';
import {
  annualReportFixture,
  denialNoticeFixture,
  fullAnnualReportFixture,
  multiYearReportFixture,
  payoutNoticeFixture,
  TRICKY_STREET_NAME,
  yuan,
} from './render-fixtures.test-helper.js';

function expectPdf(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

const AMOUNT = /^-?[\d,]+\.\d{2}$/;
const COUNT = /^[\d,]+$/;

/** Lines of every page from the line that starts with `from` up to (not including) the first that starts with `to`. */
function linesBetween(pages: PdfLine[][], from: string, to: string): PdfLine[] {
  const lines = pages.flat();
  const start = lines.findIndex((l) => l.text.startsWith(from));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.text.startsWith(to));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The body rows of a printed table (its header lines repeated on each page left out) and its 合计 row. */
function tableRows(lines: PdfLine[]): { rows: string[][]; total: string[] } {
  const cells = lines.map((l) => l.items.map((i) => i.text)).filter((c) => AMOUNT.test(c[c.length - 1]));
  const total = cells.find((c) => c[0] === '合计');
  expect(total).toBeDefined();
  return { rows: cells.filter((c) => c !== total), total: total! };
}

const fen = (amount: string) => yuan(amount.replace(/,/g, ''));
const count = (text: string) => Number(text.replace(/,/g, ''));

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
      formatFen(report.totals.claimedAmount),
      formatFen(report.totals.approvedAmount),
      formatFen(report.totals.paidAmount),
      '80.12%',
      '+15.0%',
      '+101,234.56',
      '27.5',
    ]) {
      expect(text).toContain(value);
    }
    for (const row of report.byEventType) {
      expect(text).toContain(row.nameZh);
      expect(text).toContain(formatFen(row.paidAmount));
    }
    expect(text).toContain(TRICKY_STREET_NAME);
    expect(text).toContain('2022-06');
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
    expect(text).toContain('生成时间：2023-01-05 10:30');
    expect(text).not.toContain('undefined');
  });

  it('prints how the reported claims divide, withdrawn ones included, so the totals add up on paper', async () => {
    const base = annualReportFixture();
    const report = { ...base, totals: { ...base.totals, reported: 258, approved: 216, denied: 17, pending: 14, withdrawn: 11 } };
    const lines = (await extractPdfLines(await renderAnnualPdf(report))).flat();
    expect(lines.map((l) => l.text)).toContain('报案 258 件 = 核准 216 件 + 拒赔 17 件 + 待处理 14 件 + 撤回 11 件');
    expect(lines.find((l) => l.text.includes('撤回件数'))?.text).toMatch(/撤回件数 11$/);
  });

  it('ends every breakdown table with a 合计 row that its rows add up to', async () => {
    const report = fullAnnualReportFixture();
    const pages = await extractPdfLines(await renderAnnualPdf(report));
    for (const [from, to] of [['六、按事件类型', '赔付金额（按事件类型'], ['七、按街镇', '八、按月份'], ['八、按月份', '赔付金额（按月份']]) {
      const { rows, total } = tableRows(linesBetween(pages, from, to));
      const [claims, paid, amount] = total.slice(-3);
      expect(count(claims)).toBe(report.totals.reported);
      expect(count(paid)).toBe(report.totals.paid);
      expect(fen(amount)).toBe(report.totals.paidAmount);
      expect(rows.reduce((sum, r) => sum + count(r[r.length - 3]), 0)).toBe(report.totals.reported);
      expect(rows.reduce((sum, r) => sum + count(r[r.length - 2]), 0)).toBe(report.totals.paid);
      expect(rows.reduce((sum, r) => sum + fen(r[r.length - 1]), 0n)).toBe(report.totals.paidAmount);
    }
  });

  it('names event types in Chinese and never splits a code across lines', async () => {
    const report = fullAnnualReportFixture();
    const pages = await extractPdfLines(await renderAnnualPdf(report));
    const codes = new Set(report.byEventType.map((r) => r.eventType));
    const { rows } = tableRows(linesBetween(pages, '六、按事件类型', '赔付金额（按事件类型'));
    expect(rows.map((r) => r[0])).toEqual(byPaidAmount(report.byEventType).map((r) => r.nameZh));
    // Any run of code characters on the page is a whole code, or not a code at all.
    const fragments = pages.flat().flatMap((l) => l.items.flatMap((i) => i.text.match(/[a-z][a-z_]*[a-z]/g) ?? []));
    for (const fragment of fragments) {
      if ([...codes].some((code) => code.includes(fragment))) expect(codes.has(fragment)).toBe(true);
    }
  });

  it('prints a code column where the codes fit on one line', async () => {
    const base = annualReportFixture();
    const short = { ...base, byEventType: base.byEventType.map((r, i) => ({ ...r, eventType: `E${i + 1}` })) };
    const { rows } = tableRows(linesBetween(await extractPdfLines(await renderAnnualPdf(short)), '六、按事件类型', '赔付金额（按事件类型'));
    expect(rows.map((r) => r[1])).toEqual(byPaidAmount(short.byEventType).map((r) => r.eventType));
  });

  it('draws the by-event chart largest amount first, in type readable at print size', async () => {
    const report = fullAnnualReportFixture();
    const lines = linesBetween(await extractPdfLines(await renderAnnualPdf(report)), '赔付金额（按事件类型', '七、按街镇');
    const bars = lines.filter((l) => l.items.length === 2 && AMOUNT.test(l.items[1].text));
    expect(bars.map((l) => l.items[0].text)).toEqual(byPaidAmount(report.byEventType).map((r) => r.nameZh));
    expect(bars.map((l) => l.items[1].text)).toEqual(byPaidAmount(report.byEventType).map((r) => formatFen(r.paidAmount)));
    for (const item of bars.flatMap((l) => l.items)) expect(item.size).toBeGreaterThanOrEqual(8);
  });

  it('continues long tables on new pages with the header repeated', async () => {
    const report = fullAnnualReportFixture();
    const pages = await extractPdfText(await renderAnnualPdf(report));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.filter((page) => page.includes('报案件数赔付件数')).length).toBeGreaterThan(1);
    for (const row of report.byEventType) expect(pages.join('\n')).toContain(row.nameZh);
  });

  it('shows a decrease from the previous year', async () => {
    const pdf = await renderAnnualPdf({ ...annualReportFixture(), previousYear: { paid: 100, paidAmount: yuan('900000.00') } });
    const text = (await extractPdfText(pdf)).join('\n');
    expect(text).toContain('-98,765.44');
    expect(text).toContain('-11.0%');
  });

  it('shows how many claims finished each stage on time, as the JSON has it', async () => {
    const lines = (await extractPdfLines(await renderAnnualPdf(annualReportFixture()))).flat().map((l) => l.text);
    const start = lines.indexOf('五、办理时效');
    expect(lines.slice(start + 1, start + 7)).toEqual([
      '环节 按时办结（件） 超时办结（件） 按时率',
      '现场核查（报案至核查完成） 120 8 93.75%',
      '核定损失（核查至核定） 110 5 95.65%',
      '审批（报案至批准或拒赔） 112 3 97.39%',
      '支付（批准至赔付） 90 2 97.83%',
      '拒赔通知（拒赔至送达通知书） 18 0 100.00%',
    ]);
  });

  it('renders without a policy or previous year', async () => {
    const pdf = await renderAnnualPdf({ ...annualReportFixture(), policy: null, previousYear: null, byMonth: [] });
    const text = (await extractPdfText(pdf)).join('\n');
    expect(text).toContain('本年度无有效保单');
    expect(text).toContain('无上年数据');
  });
});

describe('renderMultiYearPdf', () => {
  it('states the growth and lists every year, with a total row the years add up to', async () => {
    const report = multiYearReportFixture();
    const pages = await extractPdfLines(await renderMultiYearPdf(report));
    const text = pages.flat().map((l) => l.text).join('\n');
    expect(text).toContain('海沧区 2018–2022 年社会治安综合保险理赔情况');
    expect(text).toContain('2018–2022 年，承保事件由 6 项增至 21 项，累计赔付 765 件，赔付金额 8,012,345.67 元。');
    const { rows, total } = tableRows(linesBetween(pages, '二、逐年情况', '三、'));
    expect(rows.map((r) => r[0])).toEqual(['2018', '2019', '2020', '2021', '2022']);
    expect(total).toEqual(['合计', '765', '8,012,345.67']);
    expect(rows.reduce((sum, r) => sum + fen(r[3]), 0n)).toBe(report.total.paidAmount);
    expect(rows[rows.length - 1].slice(-2)).toEqual(['765', '8,012,345.67']);
    expect(text).toContain('第 1 页 / 共 1 页');
  });
});

describe('renderPayoutNoticePdf', () => {
  it('shows the claim, the verification, the calculation in Chinese step names and the payment', async () => {
    const notice = payoutNoticeFixture();
    const lines = (await extractPdfLines(await renderPayoutNoticePdf(notice))).flat().map((l) => l.text);
    const text = lines.join('\n');
    expect(text).toContain('社会治安综合保险理赔通知书');
    expect(text).toContain(notice.claimNo);
    expect(text).toContain(notice.idNumberMasked);
    expect(text).toContain('人民币叁万元整');
    expect(text).toContain('2022-06-20 15:00');

    expect(lines).toContain('核查时间 2022-06-05 10:00 核查人 黄网格 核查意见 建议赔付');
    expect(lines).toContain('参与人员 黄网格、人保 张敏、张晓明');
    expect(lines).toContain(`核查情况 ${notice.verification!.findings}`);

    expect(lines).toContain('核定损失 现场核查核定的损失金额 42,000.00');
    expect(lines).toContain('按比例赔付金额 免赔后金额 × 赔付比例 80%，四舍五入到分 32,800.00');
    expect(lines).toContain('每次事故赔偿限额 本事件类型每次事故的最高赔付 30,000.00');
    expect(lines.some((l) => l.startsWith('应赔付金额') && l.endsWith('30,000.00'))).toBe(true);
    expect(text).not.toMatch(/verified_loss|per_person|aggregate_left|payable/);

    for (const value of [notice.bankReference, notice.payeeAccountMasked, notice.policyNo]) expect(text).toContain(value);
    expect(text).toContain('第 1 页 / 共 1 页');
  });

  it('ends with the issuers, the insurer and the district 综治 office, with room to seal and sign, on one page', async () => {
    const notice = payoutNoticeFixture();
    const pages = await extractPdfLines(await renderPayoutNoticePdf(notice));
    const block = linesBetween(pages, '如对赔付结果有疑问', '生成时间');
    expect(block[0].items.map((i) => i.text)).toEqual([notice.insurerName, '海沧区社会治安综合治理办公室']);
    expect(block[1].items.map((i) => i.text)).toEqual(['（盖章）', '（盖章）']);
    const signature = block.find((l) => l.text.startsWith('经办人'))!;
    expect(signature.items.map((i) => i.text)).toEqual(['经办人（签字）：', '经办人（签字）：']);
    expect(signature.y - block[0].y).toBeGreaterThan(50);
    expect(block.find((l) => l.text.startsWith('日期'))?.items.filter((i) => i.text === '日期：')).toHaveLength(2);
    expect(pages).toHaveLength(1);
  });

  it('says so when the claim has no recorded verification', async () => {
    const text = (await extractPdfText(await renderPayoutNoticePdf({ ...payoutNoticeFixture(), verification: null }))).join('\n');
    expect(text).toContain('无现场核查记录');
    expect(text).toContain('核定损失现场核查核定的损失金额42,000.00');
  });
});

describe('renderDenialNoticePdf', () => {
  it('gives the reason in Chinese, the clause it rests on, the note, the date and how to object, on one page', async () => {
    const notice = denialNoticeFixture();
    const pages = await extractPdfLines(await renderDenialNoticePdf(notice));
    expect(pages).toHaveLength(1);
    const lines = pages.flat().map((l) => l.text);
    const text = lines.join('\n');
    // Long sentences wrap; a reader reads on across the line end.
    const flowing = lines.join('');
    expect(lines[0]).toBe('社会治安综合保险拒赔通知书');
    expect(lines).toContain('张晓明：');
    expect(lines).toContain(`拒赔理由 ${notice.reasonZh}`);
    expect(lines).toContain(`具体说明 ${notice.note}`);
    expect(lines).toContain('三、异议途径');
    const said = [
      '中国人民财产保险股份有限公司厦门市分公司于 2022-06-15 14:30 决定不予赔付', '依据条款 《中华人民共和国保险法》第二十二条',
      '拒赔日期 2022-06-15 14:30', `理赔编号 ${notice.claimNo}`, `身份证号 ${notice.idNumberMasked}`, '自收到本通知书之日起 30 日内',
      '向所在街镇综治办、海沧区社会治安综合治理办公室或中国人民财产保险股份有限公司厦门市分公司申请复核', '依法申请仲裁或向人民法院提起诉讼',
    ];
    expect(said.filter((part) => !flowing.includes(part))).toEqual([]);
    expect(text).not.toContain(notice.reasonCode);
  });

  it('ends with the same issuers as the payout notice, and prints a dash without a note', async () => {
    const notice = { ...denialNoticeFixture(), note: null };
    const pages = await extractPdfLines(await renderDenialNoticePdf(notice));
    expect(pages.flat().map((l) => l.text)).toContain('具体说明 —');
    const block = linesBetween(pages, '2. 对复核结果仍有异议', '生成时间');
    const issuers = block.find((l) => l.items.some((i) => i.text === notice.insurerName))!;
    expect(issuers.items.map((i) => i.text)).toEqual([notice.insurerName, '海沧区社会治安综合治理办公室']);
    expect(block.filter((l) => l.text.startsWith('经办人（签字）：'))).toHaveLength(1);
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
