import { describe, expect, it } from '@jest/globals';
import { parseMoney } from '../../common/money.js';
import {
  amountInWords,
  formatFen,
  formatDays,
  formatRatioPercent,
  formatTime,
  formatWan,
  percentChange,
  signed,
} from './format.js';

describe('amounts and ratios', () => {
  it('groups thousands', () => {
    expect(formatFen(-5n)).toBe('-0.05');
    expect(formatFen(-123456789n)).toBe('-1,234,567.89');
    expect(formatFen(801234567n)).toBe('8,012,345.67');
    expect(formatFen(99950n)).toBe('999.50');
    expect(signed(formatFen(123400n))).toBe('+1,234.00');
    expect(signed(formatFen(0n))).toBe('0.00');
    expect(signed('-3')).toBe('-3');
  });

  it('rounds 万元 chart labels half up', () => {
    expect(formatWan(12345678n)).toBe('12.35');
    expect(formatWan(123454999n)).toBe('123.45');
    expect(formatWan(0n)).toBe('0.00');
  });

  it('formats ratios and relative changes', () => {
    expect(formatRatioPercent('0.8123')).toBe('81.23%');
    expect(formatRatioPercent('1.2')).toBe('120.00%');
    expect(percentChange(92n, 80n)).toBe('+15.0%');
    expect(percentChange(80101234n, 70000000n)).toBe('+14.4%');
    expect(percentChange(1n, 3n)).toBe('-66.7%');
    expect(percentChange(5n, 0n)).toBeNull();
  });
});

describe('amountInWords', () => {
  it.each([
    ['30000.00', '叁万元整'],
    ['35000.50', '叁万伍仟元伍角'],
    ['1010.05', '壹仟零壹拾元零伍分'],
    ['100010.00', '壹拾万零壹拾元整'],
    ['100000001.00', '壹亿零壹元整'],
    ['10010000.00', '壹仟零壹万元整'],
    ['0.05', '伍分'],
    ['0.00', '零元整'],
  ])('%s → %s', (yuan, words) => {
    expect(amountInWords(parseMoney(yuan))).toBe(words);
  });
});

describe('times', () => {
  it('shows moments in Beijing time and leaves business dates alone', () => {
    expect(formatTime('2023-01-04T16:30:00Z')).toBe('2023-01-05 00:30');
    expect(formatTime('2022-06-01')).toBe('2022-06-01');
    expect(formatDays(27.5, '—')).toBe('27.5');
    expect(formatDays(null, '—')).toBe('—');
  });
});
