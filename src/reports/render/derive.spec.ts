import { describe, expect, it } from '@jest/globals';
import { multiYearStatement, yearRows } from './derive.js';
import { multiYearReportFixture } from './render-fixtures.test-helper.js';
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
    const y = (year: number, coveredEvents: number) => ({ year, coveredEvents, claimsPaid: 1, paidAmount: '1.00' });
    expect(multiYearStatement(withYears([y(2022, 10), y(2021, 12)]), text)).toContain('由 12 项减至 10 项');
    expect(multiYearStatement(withYears([y(2021, 12), y(2022, 12)]), text)).toContain('2021–2022 年，承保事件保持 12 项');
    expect(multiYearStatement(withYears([y(2022, 21)]), text)).toMatch(/^2022 年，承保事件 21 项/);
    expect(multiYearStatement(withYears([]), text)).toBe('2018–2022 年无理赔数据。');
  });
});

describe('yearRows', () => {
  it('sorts by year and adds running totals', () => {
    const rows = yearRows(withYears([...multiYearReportFixture().years].reverse()));
    expect(rows.map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(rows.map((r) => r.cumulativePaidAmount)).toEqual([
      '1000000.00',
      '2350000.00',
      '3950000.00',
      '5912345.67',
      '8012345.67',
    ]);
  });
});
