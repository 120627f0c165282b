import { describe, it, expect } from '@jest/globals';
import { validate } from 'class-validator';
import {
  IsMoney,
  MAX_MONEY_FEN,
  MONEY_EXAMPLE,
  MoneyFormatError,
  formatMoney,
  parseMoney,
  toFen,
  yuanNumber,
} from './money.js';

describe('parseMoney', () => {
  it.each([
    ['whole yuan', '35000', 3_500_000n],
    ['one decimal', '35000.5', 3_500_050n],
    ['two decimals', '35000.50', 3_500_050n],
    ['zero', '0', 0n],
    ['zero with decimals', '0.00', 0n],
    ['one fen', '0.01', 1n],
    ['ten fen as one decimal', '0.1', 10n],
    ['the example', MONEY_EXAMPLE, 3_500_000n],
    ['the maximum', '100000000000.00', MAX_MONEY_FEN],
    ['the maximum without decimals', '100000000000', MAX_MONEY_FEN],
  ])('accepts %s (%j)', (_name, input, fen) => {
    expect(parseMoney(input)).toBe(fen);
  });

  it.each([
    ['a JSON number', 35000],
    ['a JSON float', 35000.5],
    ['a bigint', 3_500_000n],
    ['null', null],
    ['undefined', undefined],
    ['an object', { yuan: '1' }],
    ['a negative', '-1.00'],
    ['negative zero', '-0'],
    ['an exponent', '1e5'],
    ['an upper-case exponent', '1E5'],
    ['three decimals', '1.001'],
    ['three zero decimals', '1.000'],
    ['a leading plus', '+1'],
    ['empty', ''],
    ['only whitespace', ' '],
    ['leading whitespace', ' 1'],
    ['trailing whitespace', '1 '],
    ['a thousands comma', '35,000'],
    ['a decimal comma', '35000,50'],
    ['a leading dot', '.5'],
    ['a trailing dot', '5.'],
    ['leading zeros', '007'],
    ['hex', '0x10'],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
    ['full-width digits', '３５０００'],
    ['a currency sign', '¥35000'],
    ['one fen over the maximum', '100000000000.01'],
    ['beyond 9,000,000,000,000.00 yuan', '9000000000000.01'],
    ['a very long number', '9'.repeat(400)],
  ])('rejects %s', (_name, input) => {
    expect(() => parseMoney(input)).toThrow(MoneyFormatError);
  });

  it('explains the expected format in the error message', () => {
    expect(() => parseMoney(35000)).toThrow('at most two decimals, e.g. "35000.00"');
    expect(() => parseMoney('1.001')).toThrow('got "1.001"');
  });

  it('names the maximum when the amount is too large', () => {
    expect(() => parseMoney('100000000000.01')).toThrow('maximum of 100000000000.00 yuan');
  });
});

describe('formatMoney', () => {
  it.each([
    ['bigint whole yuan', 3_500_000n, '35000.00'],
    ['bigint with fen', 3_500_050n, '35000.50'],
    ['zero', 0n, '0.00'],
    ['one fen', 1n, '0.01'],
    ['ten fen', 10n, '0.10'],
    ['a negative amount', -150n, '-1.50'],
    ['a negative fen', -1n, '-0.01'],
    ['a pg bigint string', '3500000', '35000.00'],
    ['a negative pg string', '-150', '-1.50'],
    ['a safe integer number', 3_500_000, '35000.00'],
    ['the maximum', MAX_MONEY_FEN, '100000000000.00'],
    ['beyond 2^53 fen exactly', 9_007_199_254_740_993n, '90071992547409.93'],
  ])('formats %s', (_name, fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });

  it.each([
    ['a float', 1.5],
    ['an unsafe integer', 2 ** 53],
    ['NaN', Number.NaN],
    ['a decimal string', '1.50'],
    ['an empty string', ''],
    ['a string with spaces', ' 1'],
  ])('rejects %s', (_name, fen) => {
    expect(() => formatMoney(fen)).toThrow(TypeError);
  });

  it('round-trips every parseable form to the canonical two-decimal text', () => {
    for (const [input, canonical] of [
      ['35000', '35000.00'],
      ['35000.5', '35000.50'],
      ['0.01', '0.01'],
      ['100000000000', '100000000000.00'],
    ]) {
      expect(formatMoney(parseMoney(input))).toBe(canonical);
    }
  });
});

describe('toFen', () => {
  it('passes bigints through and converts pg strings and safe numbers', () => {
    expect(toFen(5n)).toBe(5n);
    expect(toFen('12345678901234567')).toBe(12_345_678_901_234_567n);
    expect(toFen(-7)).toBe(-7n);
  });
});

describe('yuanNumber (XLSX display only)', () => {
  it.each([
    ['35,000.00 yuan', 3_500_000n, 35000],
    ['one fen', 1n, 0.01],
    ['a negative amount', -150n, -1.5],
    ['thirty fen, which 0.1 + 0.2 in floats would miss', 30n, 0.3],
  ])('gives the spreadsheet value of %s', (_name, fen, yuan) => {
    expect(yuanNumber(fen)).toBe(yuan);
  });
});

class ClaimAmountDto {
  @IsMoney()
  claimedAmount!: unknown;
}

class CustomMessageDto {
  @IsMoney({ message: '理赔金额格式错误' })
  amount!: unknown;
}

describe('IsMoney', () => {
  async function errorsFor(value: unknown) {
    const dto = new ClaimAmountDto();
    dto.claimedAmount = value;
    return validate(dto);
  }

  it.each([['35000'], ['35000.5'], ['0.01']])('accepts %j', async (value) => {
    expect(await errorsFor(value)).toEqual([]);
  });

  it.each([
    ['a JSON number', 35000],
    ['three decimals', '1.001'],
    ['a negative', '-5'],
    ['missing', undefined],
  ])('rejects %s with the money message', async (_name, value) => {
    const errors = await errorsFor(value);
    expect(errors).toHaveLength(1);
    expect(errors[0].property).toBe('claimedAmount');
    expect(errors[0].constraints).toEqual({
      isMoney: 'claimedAmount must be a yuan amount as a string with at most two decimals, e.g. "35000.00"',
    });
  });

  it('honours a custom message from the validation options', async () => {
    const dto = new CustomMessageDto();
    dto.amount = 1.5;
    const errors = await validate(dto);
    expect(errors[0].constraints).toEqual({ isMoney: '理赔金额格式错误' });
  });
});
