import { normaliseIdNumber, validateIdNumber } from '../../../src/common/id-number.js';

/**
 * The server's own GB 11643 check (src/common/id-number.ts, pure code), used
 * as the cadre types: the same rule on both sides, written once.
 */
export function idNumberProblem(value: string | undefined): string | null {
  const id = normaliseIdNumber(value ?? '');
  if (id.length === 0) return '请输入身份证号码';
  if (!/^\d{0,17}[\dX]?$/.test(id)) return '身份证号码为 17 位数字加 1 位数字或 X';
  if (id.length < 18) return `还差 ${18 - id.length} 位`;
  const result = validateIdNumber(id);
  if (result.ok) return null;
  if (/check character/.test(result.reason)) return '校验位不符，请逐位核对';
  return '身份证号码中的出生日期不正确';
}

export { normaliseIdNumber };
