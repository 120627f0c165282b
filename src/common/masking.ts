/**
 * Masks for personal data in every API response. Each keeps just enough for a
 * cadre to recognise the person on the phone, and hides short or malformed
 * values completely rather than revealing most of them.
 */

/** '35020519900101123X' → '350205********123X' (address code and last four kept). */
export function maskIdNumber(idNumber: string): string {
  return keepEnds(idNumber, 6, 4);
}

/** '13812345678' → '138****5678'; '0592-1234567' → '059*****4567'; under 8 characters all stars. */
export function maskPhone(phone: string): string {
  return phone.length >= 8 ? keepEnds(phone, 3, 4) : '*'.repeat(phone.length);
}

/**
 * Bank account numbers print in groups the way a card does, with a fixed
 * number of stars so the mask does not reveal the length:
 * '6222021234567890123' → '6222 **** **** 0123'. Spaces in the input are
 * ignored; 8–11 characters keep only the last four; shorter ones are all stars.
 */
export function maskAccountNo(accountNo: string): string {
  const compact = accountNo.replace(/\s+/g, '');
  if (compact.length >= 12) return `${compact.slice(0, 4)} **** **** ${compact.slice(-4)}`;
  if (compact.length >= 8) return `**** ${compact.slice(-4)}`;
  return '****';
}

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const LANDLINE_PATTERN = /^0\d{2,3}-\d{7,8}$/;

/** A Chinese mobile number (13812345678) or a landline with its area code (0592-1234567). */
export function validateMobilePhone(phone: string): boolean {
  return MOBILE_PATTERN.test(phone) || LANDLINE_PATTERN.test(phone);
}

function keepEnds(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail);
}
