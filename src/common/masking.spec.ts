import { describe, it, expect } from '@jest/globals';
import { maskAccountNo, maskIdNumber, maskPhone, validateMobilePhone } from './masking.js';

describe('maskIdNumber', () => {
  it.each([
    ['an 18-character ID number', '35020519900101123X', '350205********123X'],
    ['one with a digit check character', '350211198506152017', '350211********2017'],
    ['an old 15-digit number', '350211850615201', '350211*****5201'],
    ['ten characters, too short to show anything', '3502051990', '**********'],
    ['an empty value', '', ''],
  ])('masks %s', (_name, idNumber, masked) => {
    expect(maskIdNumber(idNumber)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['a mobile number', '13812345678', '138****5678'],
    ['a landline with area code', '0592-1234567', '059*****4567'],
    ['eight characters', '12345678', '123*5678'],
    ['seven characters', '1234567', '*******'],
    ['an empty value', '', ''],
  ])('masks %s', (_name, phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskAccountNo', () => {
  it.each([
    ['a 19-digit debit card', '6222021234567890123', '6222 **** **** 0123'],
    ['a 16-digit card', '6228480012345678', '6228 **** **** 5678'],
    ['a card typed in groups', '6222 0212 3456 7890 123', '6222 **** **** 0123'],
    ['a 10-digit account', '1234567890', '**** 7890'],
    ['a 7-digit value', '1234567', '****'],
    ['an empty value', '', '****'],
  ])('masks %s', (_name, accountNo, masked) => {
    expect(maskAccountNo(accountNo)).toBe(masked);
  });

  it('shows the same number of stars whatever the length', () => {
    expect(maskAccountNo('622202123456').length).toBe(maskAccountNo('6222021234567890123').length);
  });
});

describe('validateMobilePhone', () => {
  it.each([
    ['a 138 mobile', '13812345678'],
    ['a 199 mobile', '19912345678'],
    ['a Xiamen landline', '0592-1234567'],
    ['a Beijing landline with 8 digits', '010-12345678'],
  ])('accepts %s', (_name, phone) => {
    expect(validateMobilePhone(phone)).toBe(true);
  });

  it.each([
    ['a mobile starting 12', '12812345678'],
    ['a 10-digit mobile', '1381234567'],
    ['a 12-digit mobile', '138123456789'],
    ['a mobile with +86', '+8613812345678'],
    ['a mobile with spaces', '138 1234 5678'],
    ['a landline without area code', '1234567'],
    ['an area code not starting with 0', '592-1234567'],
    ['a landline with 6 digits', '0592-123456'],
    ['letters', '1381234567a'],
    ['a trailing newline', '13812345678\n'],
    ['empty', ''],
  ])('rejects %s', (_name, phone) => {
    expect(validateMobilePhone(phone)).toBe(false);
  });
});
