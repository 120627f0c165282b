import { describe, expect, it } from '@jest/globals';
import { VerifiedTokens } from './verified-tokens.js';

describe('VerifiedTokens', () => {
  it('answers a remembered token until its exp second, as jsonwebtoken counts it, and forgets it then', () => {
    const tokens = new VerifiedTokens();
    const exp = 1_800_000_000;
    tokens.remember('t1', 'user-1', exp);
    expect(tokens.userIdOf('t1', exp * 1000 - 1)).toBe('user-1');
    expect(tokens.userIdOf('t1', exp * 1000)).toBeUndefined();
    expect(tokens.userIdOf('t1', exp * 1000 - 1)).toBeUndefined();
  });

  it('knows only the byte-identical token', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('aaa.bbb.ccc', 'user-1', 1_800_000_000);
    expect(tokens.userIdOf('aaa.bbb.ccd', 0)).toBeUndefined();
    expect(tokens.userIdOf('aaa.bbb.ccc ', 0)).toBeUndefined();
    expect(tokens.userIdOf('aaa.bbb.ccc', 0)).toBe('user-1');
  });

  it('holds at most maxEntries tokens, the oldest going first', () => {
    const tokens = new VerifiedTokens();
    tokens.maxEntries = 2;
    tokens.remember('a', 'user-a', 1_800_000_000);
    tokens.remember('b', 'user-b', 1_800_000_000);
    tokens.remember('c', 'user-c', 1_800_000_000);
    expect(['a', 'b', 'c'].map((t) => tokens.userIdOf(t, 0))).toEqual([undefined, 'user-b', 'user-c']);
  });
});
