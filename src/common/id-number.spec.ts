import { describe, it, expect } from '@jest/globals';
import { idNumberCheckCharacter, normaliseIdNumber, validateIdNumber } from './id-number.js';

/*
 * Valid numbers, checked by hand with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
 * and check characters "10X98765432" indexed by (sum mod 11):
 *
 *   11010519491231002X (the example in GB 11643-1999)
 *     1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3
 *     + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
 *     = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'
 *
 *   440524188001010014 (the standard's other example, born 1880)
 *     4·7 + 4·9 + 0·10 + 5·5 + 2·8 + 4·4 + 1·2 + 8·1 + 8·6 + 0·3
 *     + 0·7 + 1·9 + 0·10 + 1·5 + 0·8 + 0·4 + 1·2
 *     = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → '4'
 *
 *   350211198506152017
 *     3·7 + 5·9 + 0·10 + 2·5 + 1·8 + 1·4 + 1·2 + 9·1 + 8·6 + 5·3
 *     + 0·7 + 6·9 + 1·10 + 5·5 + 2·8 + 0·4 + 1·2
 *     = 21+45+0+10+8+4+2+9+48+15+0+54+10+25+16+0+2 = 269; 269 mod 11 = 5 → '7'
 *
 * The other valid fixtures, same method: 35020519880808100X sum 299 → 'X',
 * 35021120010312103X sum 156 → 'X', 350205200002290048 sum 191 → '8',
 * 350205199602290038 sum 268 → '8', 35020519001231123X sum 189 → 'X',
 * 350205202406151238 sum 235 → '8'.
 */
const TODAY = '2024-06-15';

describe('validateIdNumber', () => {
  it.each([
    ['the GB 11643 example ending in X', '11010519491231002X', '1949-12-31', 'F'],
    ['a Jimei man', '350211198506152017', '1985-06-15', 'M'],
    ['a Haicang woman ending in X', '35020519880808100X', '1988-08-08', 'F'],
    ['a Jimei man ending in X', '35021120010312103X', '2001-03-12', 'M'],
    ['born on 2000-02-29, a leap day', '350205200002290048', '2000-02-29', 'F'],
    ['born on 1996-02-29, a leap day', '350205199602290038', '1996-02-29', 'M'],
    ['born in 1900, the earliest accepted year', '35020519001231123X', '1900-12-31', 'M'],
    ['born today', '350205202406151238', '2024-06-15', 'M'],
  ])('accepts %s', (_name, idNumber, birthDate, sex) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({ ok: true, idNumber, birthDate, sex });
  });

  it('accepts a lower-case x and returns the number normalised to upper case', () => {
    expect(validateIdNumber('11010519491231002x', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
    });
  });

  it('accepts surrounding whitespace and full-width digits from a Chinese IME', () => {
    const result = validateIdNumber(' ３５０２１１１９８５０６１５２０１７ ', TODAY);
    expect(result).toEqual({ ok: true, idNumber: '350211198506152017', birthDate: '1985-06-15', sex: 'M' });
  });

  it.each([
    ['the last digit changed', '350211198506152018'],
    ['X where a digit belongs', '35021119850615201X'],
    ['a digit where X belongs', '110105194912310020'],
    ['two digits swapped', '350211198506152107'],
    ['the masking example from DESIGN.md, which is not a real number', '35020519900101123X'],
  ])('rejects a wrong check character: %s', (_name, idNumber) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({
      ok: false,
      reason: 'ID number check character does not match',
    });
  });

  // Each of these has a correct check character, so only the date can fail.
  it.each([
    ['February 30', '350205199002301231'],
    ['1900-02-29 (1900 is not a leap year)', '350205190002291239'],
    ['month 13', '35020519901301123X'],
    ['month 00', '350205199000101236'],
    ['April 31', '350205199004311230'],
    ['day 00', '350205199001001237'],
  ])('rejects an impossible birth date: %s', (_name, idNumber) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({
      ok: false,
      reason: 'ID number contains an impossible birth date',
    });
  });

  it.each([
    ['the GB 11643 example born 1880', '440524188001010014', 1880],
    ['born 1899-12-31', '350205189912311237', 1899],
  ])('rejects a birth year before 1900: %s', (_name, idNumber, year) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({
      ok: false,
      reason: `ID number birth year ${year} is before 1900`,
    });
  });

  it.each([
    ['tomorrow', '350205202406161233'],
    ['in 2999', '350205299901011236'],
  ])('rejects a birth date in the future: %s', (_name, idNumber) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({ ok: false, reason: 'ID number birth date is in the future' });
  });

  it('uses the current date when none is given', () => {
    expect(validateIdNumber('350205299901011236')).toEqual({
      ok: false,
      reason: 'ID number birth date is in the future',
    });
    expect(validateIdNumber('350211198506152017').ok).toBe(true);
  });

  it.each([
    ['empty', '', 0],
    ['17 characters', '35021119850615201', 17],
    ['19 characters', '3502111985061520170', 19],
    ['an old 15-digit number', '350211850615201', 15],
  ])('rejects the wrong length: %s', (_name, idNumber, length) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({
      ok: false,
      reason: `ID number must be 18 characters, got ${length}`,
    });
  });

  it.each([
    ['a letter in the digits', '3502111985O6152017'],
    ['a letter other than X at the end', '35021119850615201Y'],
    ['X in the middle', '3502111985X6152017'],
    ['an inner space', '350211 98506152017'],
    ['a hyphen', '350211-19850615201'],
  ])('rejects letters and symbols: %s', (_name, idNumber) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({
      ok: false,
      reason: 'ID number must be 17 digits followed by a digit or X',
    });
  });
});

describe('normaliseIdNumber', () => {
  it('upper-cases x, trims, and folds full-width characters', () => {
    expect(normaliseIdNumber(' 11010519491231002x\n')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });
});

describe('idNumberCheckCharacter', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['35021119850615201', '7'],
  ])('computes the check character of %s', (first17, check) => {
    expect(idNumberCheckCharacter(first17)).toBe(check);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckCharacter('1101051949123100A')).toThrow(RangeError);
  });
});
