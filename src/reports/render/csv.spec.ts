import { describe, expect, it } from '@jest/globals';
import { parseCsv } from './csv-parse.test-helper.js';
import { renderAnnualCsv, renderMultiYearCsv } from './csv.js';
import { formatMoney } from '../../common/money.js';
import { byPaidAmount } from './derive.js';
import { annualReportFixture, multiYearReportFixture, TRICKY_STREET_NAME, yuan } from './render-fixtures.test-helper.js';

function decode(csv: Buffer): string {
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  return text;
}

/** Rows of the section whose title row is `title`, up to the blank line. */
function section(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
  return rows.slice(start + 1, end === -1 ? undefined : end);
}

describe('renderAnnualCsv', () => {
  const report = annualReportFixture();
  const rows = parseCsv(decode(renderAnnualCsv(report)));

  it('opens with the title and separates sections by a blank line', () => {
    expect(rows[0]).toEqual(['海沧区 2022 年度社会治安综合保险理赔报告']);
    expect(rows[2]).toEqual(['生成时间', '2023-01-05 10:30']);
    const titles = rows.filter((_, i) => i > 0 && rows[i - 1].length === 1 && rows[i - 1][0] === '').map((r) => r[0]);
    expect(titles).toEqual(['保单概况', '汇总', '同比', '处理时长', '办理时效', '按事件类型', '按街镇', '按月份']);
  });

  it('keeps the figures', () => {
    expect(section(rows, '保单概况')).toContainEqual(['赔付率', '80.12%']);
    expect(section(rows, '汇总')).toEqual([
      ['项目', '数值'],
      ['报案件数', '128'],
      ['核准件数', '97'],
      ['拒赔件数', '18'],
      ['待处理件数', '13'],
      ['撤回件数', '0'],
      ['赔付件数', '92'],
      ['申请金额（元）', '1286450.00'],
      ['核准金额（元）', '812345.67'],
      ['赔付金额（元）', '801234.56'],
      ['报案 128 件 = 核准 97 件 + 拒赔 18 件 + 待处理 13 件 + 撤回 0 件'],
    ]);
    expect(section(rows, '同比').slice(1)).toEqual([
      ['赔付件数', '92', '80', '+12', '+15.0%'],
      ['赔付金额（元）', '801234.56', '700000.00', '+101234.56', '+14.5%'],
    ]);
    expect(section(rows, '处理时长').slice(1).map((r) => r[1])).toEqual(['12', '27.5', '61']);
    expect(section(rows, '办理时效').slice(0, 3)).toEqual([
      ['环节', '按时办结（件）', '超时办结（件）', '按时率'],
      ['现场核查（报案至核查完成）', '120', '8', '93.75%'],
      ['核定损失（核查至核定）', '110', '5', '95.65%'],
    ]);

    const byEventType = section(rows, '按事件类型');
    const total = ['合计', '128', '92', '801234.56'];
    expect(byEventType[0]).toEqual(['事件类型', '事件类型代码', '报案件数', '赔付件数', '赔付金额（元）']);
    expect(byEventType.slice(1)).toEqual([
      ...byPaidAmount(report.byEventType).map((r) => [r.nameZh, r.eventType, String(r.claims), String(r.paid), formatMoney(r.paidAmount)]),
      [total[0], '', ...total.slice(1)],
    ]);
    expect(section(rows, '按街镇').slice(1)).toEqual([
      ...report.byStreet.map((r) => [r.streetName, r.streetCode, String(r.claims), String(r.paid), formatMoney(r.paidAmount)]),
      [total[0], '', ...total.slice(1)],
    ]);
    expect(section(rows, '按月份').slice(1)).toEqual([
      ...report.byMonth.map((r) => [r.month, String(r.claims), String(r.paid), formatMoney(r.paidAmount)]),
      total,
    ]);
  });

  it('quotes commas, quotes and line breaks', () => {
    const csv = renderAnnualCsv(annualReportFixture()).toString('utf8');
    expect(csv).toContain('"东孚街道（""新垵村"", 含试点）"');

    const multiline = annualReportFixture();
    multiline.byStreet[0].streetName = '海沧\r\n街道';
    const parsed = parseCsv(decode(renderAnnualCsv(multiline)));
    expect(section(parsed, '按街镇')[1][0]).toBe('海沧\r\n街道');
    expect(section(parsed, '按街镇')[3][0]).toBe(TRICKY_STREET_NAME);
  });

  it('neutralises cells Excel would run as formulas', () => {
    const report = annualReportFixture();
    report.byStreet[0].streetName = '=HYPERLINK("x")';
    const parsed = parseCsv(decode(renderAnnualCsv(report)));
    expect(section(parsed, '按街镇')[1][0]).toBe('\'=HYPERLINK("x")');
  });

  it('shows a decrease with a minus sign', () => {
    const parsed = parseCsv(decode(renderAnnualCsv({ ...annualReportFixture(), previousYear: { paid: 100, paidAmount: yuan('900000.00') } })));
    expect(section(parsed, '同比').slice(1)).toEqual([
      ['赔付件数', '92', '100', '-8', '-8.0%'],
      ['赔付金额（元）', '801234.56', '900000.00', '-98765.44', '-11.0%'],
    ]);
  });

  it('says so when there is no policy or previous year', () => {
    const parsed = parseCsv(decode(renderAnnualCsv({ ...annualReportFixture(), policy: null, previousYear: null })));
    expect(section(parsed, '保单概况')).toEqual([['项目', '数值'], ['本年度无有效保单']]);
    expect(section(parsed, '同比')).toEqual([['无上年数据']]);
  });
});

describe('renderMultiYearCsv', () => {
  it('lists every year with running totals, the total and the statement', () => {
    const rows = parseCsv(decode(renderMultiYearCsv(multiYearReportFixture())));
    expect(rows[0]).toEqual(['海沧区 2018–2022 年社会治安综合保险理赔情况']);
    const years = section(rows, '逐年情况');
    expect(years[0]).toEqual(['年度', '承保事件（项）', '赔付件数', '赔付金额（元）', '累计赔付件数', '累计赔付金额（元）']);
    expect(years[1]).toEqual(['2018', '6', '100', '1000000.00', '100', '1000000.00']);
    expect(years[5]).toEqual(['2022', '21', '200', '2100000.00', '765', '8012345.67']);
    expect(years[6]).toEqual(['合计', '', '765', '8012345.67', '', '']);
    expect(section(rows, '总体情况')).toEqual([
      ['2018–2022 年，承保事件由 6 项增至 21 项，累计赔付 765 件，赔付金额 8,012,345.67 元。'],
    ]);
  });
});
