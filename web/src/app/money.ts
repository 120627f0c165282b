/**
 * Money in the console stays the API's yuan string ("35000.00") from input to
 * display: no floats. Inputs are checked against the API's own rule.
 */
export const YUAN_PATTERN = /^\d{1,11}(\.\d{1,2})?$/;

export const yuanRule = { pattern: YUAN_PATTERN, message: '请填写金额（元），最多两位小数，如 35000 或 35000.50' };

/** "1234567.50" → "¥1,234,567.50"; null → "—". */
export function yuan(amount: string | null | undefined): string {
  if (amount == null) return '—';
  const [whole, fraction = '00'] = amount.split('.');
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

/** Comparison of two yuan strings without floats (the fen as integers). */
export function fen(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}
