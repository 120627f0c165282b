import { describe, expect, it } from '@jest/globals';
import { isSafeUsername, normaliseUsername } from './username.js';

describe('normaliseUsername', () => {
  it.each([
    ['HC.Officer', 'hc.officer'],
    ['ｊｍ．ｏｆｆｉｃｅｒ', 'jm.officer'],
    ['\u212Aelvin', 'kelvin'],
    ['jm.offİcer', 'jm.offİcer'],
    ['JM.OFFİCER', 'jm.offİcer'],
    ['hc.offıcer', 'hc.offıcer'],
    ['ÉMILE', 'Émile'],
  ])('%s → %s', (given, normal) => {
    expect(normaliseUsername(given)).toBe(normal);
  });

  it('is idempotent', () => {
    for (const name of ['HC.Officer', 'ｊｍ．ｏｆｆｉｃｅｒ', 'jm.offİcer', 'ﬀ'.repeat(3)]) {
      expect(normaliseUsername(normaliseUsername(name))).toBe(normaliseUsername(name));
    }
  });
});

describe('isSafeUsername', () => {
  it('accepts 3-64 lower-case ASCII letters, digits, dots, dashes and underscores, starting with a letter or digit', () => {
    for (const name of ['abc', 'hc.officer', 'picc.adjuster', 'a_b-c.d', '0day', 'x'.repeat(64)]) expect(isSafeUsername(name)).toBe(true);
  });

  it('refuses anything else, non-ASCII letters included', () => {
    for (const name of ['ab', 'x'.repeat(65), '.dot', '-dash', '_under', 'Upper', 'jm.offİcer', 'hc.offıcer', 'zhang\u0307san', '张三丰', 'a b', 'a;b', '']) {
      expect(isSafeUsername(name)).toBe(false);
    }
  });
});
