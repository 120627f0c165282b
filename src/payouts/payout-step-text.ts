import { fill, readTemplate } from '../common/templates.js';
import type { PayoutStepCode } from './payout-calculator.js';

type PayoutStepTemplates = Record<PayoutStepCode, { name: string; note: string }>;

/** What a payout step is called on paper and in the API, and how it is worked out, from templates/payout-steps.zh.json. */
export function payoutStepText(step: PayoutStepCode, ratioBp: number): { name: string; note: string } {
  const template = readTemplate<PayoutStepTemplates>('payout-steps.zh.json')[step];
  if (!template) throw new Error(`templates/payout-steps.zh.json has no entry for step ${step}`);
  return { name: template.name, note: fill(template.note, { ratio: formatRatio(ratioBp) }) };
}

/** 5000 → "50%", 3333 → "33.33%", 1250 → "12.5%", without going through a float. */
function formatRatio(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = (bp % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
