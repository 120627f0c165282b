import { describe, expect, it } from '@jest/globals';
import { PAYOUT_STEP_CODES } from './payout-calculator.js';
import { payoutStepText } from './payout-step-text.js';

describe('payoutStepText', () => {
  it('names every step the calculator produces in Chinese, from templates/', () => {
    for (const step of PAYOUT_STEP_CODES) {
      const { name, note } = payoutStepText(step, 10_000);
      expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(note).not.toMatch(/[a-z_]{3,}|\{/);
    }
    expect(payoutStepText('verified_loss', 10_000).name).toBe('核定损失');
    expect(payoutStepText('per_person_annual_left', 10_000).name).toBe('每人年度剩余限额');
  });

  it.each([
    [5_000, '50%'],
    [3_333, '33.33%'],
    [1_250, '12.5%'],
    [5, '0.05%'],
    [0, '0%'],
  ])('writes a ratio of %i bp as %s', (bp, percent) => {
    expect(payoutStepText('payout_ratio', bp).note).toBe(`免赔后金额 × 赔付比例 ${percent}，四舍五入到分`);
  });
});
