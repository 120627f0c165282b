/**
 * GB 11643-1999 citizen identity number (公民身份号码), 18 characters:
 * 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit sequence (odd for
 * men, even for women), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */

export type IdNumberValidation =
  | { ok: true; idNumber: string; birthDate: string; sex: 'M' | 'F' }
  | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
const MIN_BIRTH_YEAR = 1900;

/** NFKC folds full-width digits typed with a Chinese IME; the check character is upper case. */
export function normaliseIdNumber(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('The check character is computed over exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * `today` is the current date in China (UTC+8) unless given, so a person born
 * today is valid from midnight Beijing time.
 */
export function validateIdNumber(value: string, today: string = chinaToday()): IdNumberValidation {
  const idNumber = normaliseIdNumber(value);
  if (idNumber.length !== 18) {
    return { ok: false, reason: `ID number must be 18 characters, got ${idNumber.length}` };
  }
  if (!ID_NUMBER_PATTERN.test(idNumber)) {
    return { ok: false, reason: 'ID number must be 17 digits followed by a digit or X' };
  }
  const expected = idNumberCheckCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) {
    return { ok: false, reason: 'ID number check character does not match' };
  }
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  if (year < MIN_BIRTH_YEAR) {
    return { ok: false, reason: `ID number birth year ${year} is before ${MIN_BIRTH_YEAR}` };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: 'ID number contains an impossible birth date' };
  }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (birthDate > today) {
    return { ok: false, reason: 'ID number birth date is in the future' };
  }
  const sex = Number(idNumber[16]) % 2 === 1 ? 'M' : 'F';
  return { ok: true, idNumber, birthDate, sex };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
