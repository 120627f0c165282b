import { describe, expect, it } from '@jest/globals';
import { json, urlencoded } from 'express';
import { jsonNestsDeeperThan, unstorableTextField, whenBodied } from './input-screen.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects alike, up to the bound and one past it', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[]}]}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[[]]}]}'), 4)).toBe(true);
  });

  it('sees depth, not the number of brackets', () => {
    expect(jsonNestsDeeperThan(bytes(`[${'[],'.repeat(10_000)}[]]`), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(bytes(`{"a":"[[[[\\"[[[[","b":"]]]{"}`), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(`["\\\\",[[]]]`), 2)).toBe(true);
  });

  it('handles multi-byte text', () => {
    expect(jsonNestsDeeperThan(bytes('{"名":"[[[海沧😀"}'), 1)).toBe(false);
  });
});

describe('unstorableTextField', () => {
  it('names the dotted path of the first bad string, arrays by index', () => {
    expect(unstorableTextField({ payee: { accountName: 'a\u0000' } })).toBe('payee.accountName');
    expect(unstorableTextField({ coverages: [{ eventType: 'fire' }, { eventType: '\ud83d' }] })).toBe('coverages.1.eventType');
    expect(unstorableTextField('\udc00', 'path')).toBe('path');
  });

  it('accepts paired surrogates, CJK and other control-free text', () => {
    expect(unstorableTextField({ name: '陈😀', list: ['𠮷', 'tab\there'], n: 1, b: null })).toBeNull();
  });
});

describe('whenBodied', () => {
  it('keeps the parser\'s name, by which Nest knows not to add its own parsers', () => {
    expect([whenBodied(json()).name, whenBodied(urlencoded({ extended: false })).name]).toEqual(['jsonParser', 'urlencodedParser']);
  });
});
