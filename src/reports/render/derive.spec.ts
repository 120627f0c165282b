import { describe, expect, it } from '@jest/globals';
import { breakdownTables, multiYearStatement, multiYearTable, timelinessTable, totalsEquation } from './derive.js';
import { annualReportFixture, multiYearReportFixture, yuan } from './render-fixtures.test-helper.js';
import { reportText } from './report-text.js';
import type { MultiYearReport } from './report-types.js';

function withYears(years: MultiYearReport['years']): MultiYearReport {
  return { ...multiYearReportFixture(), years };
}

describe('multiYearStatement', () => {
  const text = reportText();

  it('describes growth in covered events', () => {
    expect(multiYearStatement(multiYearReportFixture(), text)).toBe(
      '2018–2022 年，承保事件由 6 项增至 21 项，累计赔付 765 件，赔付金额 8,012,345.67 元。',
    );
  });

  it('covers fewer, unchanged, one and no years', () => {
    const y = (year: number, coveredEvents: number) => ({ year, coveredEvents, claimsPaid: 1, paidAmount: 100n });
    expect(multiYearStatement(withYears([y(2022, 10), y(2021, 12)]), text)).toContain('由 12 项减至 10 项');
    expect(multiYearStatement(withYears([y(2021, 12), y(2022, 12)]), text)).toContain('2021–2022 年，承保事件保持 12 项');
    expect(multiYearStatement(withYears([y(2022, 21)]), text)).toMatch(/^2022 年，承保事件 21 项/);
    expect(multiYearStatement(withYears([]), text)).toBe('2018–2022 年无理赔数据。');
  });
});

describe('multiYearTable', () => {
  it('sorts by year and adds running totals, then the total row', () => {
    const table = multiYearTable(withYears([...multiYearReportFixture().years].reverse()), reportText());
    expect(table.rows.map((r) => r[0])).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(table.rows.map((r) => r[5])).toEqual(['1000000.00', '2350000.00', '3950000.00', '5912345.67', '8012345.67'].map(yuan));
    expect(table.total).toEqual(['合计', null, 765, yuan('8012345.67'), null, null]);
  });
});

describe('breakdownTables', () => {
  const report = annualReportFixture();
  const [byEventType, byStreet, byMonth] = breakdownTables(report, reportText());

  it('lists event types by paid amount, largest first, ties in catalogue order', () => {
    const tied = { ...report, byEventType: [
      { eventType: 'a', nameZh: '甲', claims: 1, paid: 1, paidAmount: 500n },
      { eventType: 'b', nameZh: '乙', claims: 1, paid: 1, paidAmount: 900n },
      { eventType: 'c', nameZh: '丙', claims: 1, paid: 1, paidAmount: 500n },
    ] };
    expect(breakdownTables(tied, reportText())[0].rows.map((r) => r[1])).toEqual(['b', 'a', 'c']);
    const amounts = byEventType.rows.map((r) => r[4] as bigint);
    expect(amounts).toEqual([...amounts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('ends every breakdown with the report totals, which its rows add up to', () => {
    for (const table of [byEventType, byStreet, byMonth]) {
      const money = table.columns.findIndex((c) => c.kind === 'money');
      const claims = money - 2;
      expect(table.total![0]).toBe('合计');
      expect(table.total![claims]).toBe(report.totals.reported);
      expect(table.total![money]).toBe(report.totals.paidAmount);
      expect(table.rows.reduce((sum, r) => sum + (r[claims] as number), 0)).toBe(report.totals.reported);
      expect(table.rows.reduce((sum, r) => sum + (r[money] as bigint), 0n)).toBe(report.totals.paidAmount);
    }
  });
});

describe('totalsEquation', () => {
  it('spells out how the reported claims divide', () => {
    const report = annualReportFixture();
    expect(totalsEquation({ ...report, totals: { ...report.totals, reported: 258, approved: 216, denied: 17, pending: 14, withdrawn: 11 } }, reportText()))
      .toBe('报案 258 件 = 核准 216 件 + 拒赔 17 件 + 待处理 14 件 + 撤回 11 件');
  });
});

describe('timelinessTable', () => {
  it('lists every deadline stage in workflow order, in Chinese, without a total', () => {
    const table = timelinessTable(annualReportFixture(), reportText());
    expect(table.rows).toEqual([
      ['现场核查（报案至核查完成）', 120, 8, '0.9375'],
      ['核定损失（核查至核定）', 110, 5, '0.9565'],
      ['审批（报案至批准或拒赔）', 112, 3, '0.9739'],
      ['支付（批准至赔付）', 90, 2, '0.9783'],
      ['拒赔通知（拒赔至送达通知书）', 18, 0, '1.0000'],
    ]);
    expect(table.total).toBeNull();
  });
});
