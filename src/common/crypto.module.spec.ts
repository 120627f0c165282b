import { describe, it, expect } from '@jest/globals';
import { validateConfig } from '../config/config.js';
import { fieldCryptoFromConfig, parsePreviousKeys } from './crypto.module.js';

const SECRET_1 = 'first-secret-0123456789abcdef0123456789';
const SECRET_2 = 'second-secret-0123456789abcdef012345678';
const SECRET_3 = 'third-secret-0123456789abcdef0123456789';
const ID_NUMBER = '11010519491231002X';

const cryptoFor = (env: Record<string, string>) => fieldCryptoFromConfig(validateConfig(env));

describe('parsePreviousKeys', () => {
  it('reads key ids and secrets in the order listed', () => {
    expect(parsePreviousKeys('k2=abc, k1=d=ef')).toEqual([['k2', 'abc'], ['k1', 'd=ef']]);
  });

  it('is empty when unset or blank', () => {
    expect(parsePreviousKeys(undefined)).toEqual([]);
    expect(parsePreviousKeys('  ')).toEqual([]);
  });

  it.each([['no separator', 'k1'], ['no key id', '=secret'], ['no secret', 'k1='], ['an empty entry', 'k1=a,,k0=b']])(
    'refuses %s without echoing the secret', (_name, text) => {
      expect(() => parsePreviousKeys(text)).toThrow('must look like "k0=secret0,k00=secret00"');
    },
  );
});

describe('fieldCryptoFromConfig', () => {
  const first = cryptoFor({ FIELD_ENCRYPTION_KEY: SECRET_1, FIELD_ENCRYPTION_KEY_ID: 'k1' });
  const second = cryptoFor({ FIELD_ENCRYPTION_KEY: SECRET_2, FIELD_ENCRYPTION_KEY_ID: 'k2', FIELD_ENCRYPTION_PREVIOUS_KEYS: `k1=${SECRET_1}` });
  const third = cryptoFor({
    FIELD_ENCRYPTION_KEY: SECRET_3, FIELD_ENCRYPTION_KEY_ID: 'k3', FIELD_ENCRYPTION_PREVIOUS_KEYS: `k2=${SECRET_2},k1=${SECRET_1}`,
  });

  it('keeps the blind index through two rotations', () => {
    expect(second.blindIndex(ID_NUMBER)).toBe(first.blindIndex(ID_NUMBER));
    expect(third.blindIndex(ID_NUMBER)).toBe(first.blindIndex(ID_NUMBER));
  });

  it('encrypts with the current key and decrypts what the older keys wrote', () => {
    expect(third.encrypt(ID_NUMBER).startsWith('k3:')).toBe(true);
    expect(third.decrypt(first.encrypt(ID_NUMBER))).toBe(ID_NUMBER);
    expect(third.decrypt(second.encrypt(ID_NUMBER))).toBe(ID_NUMBER);
  });

  it('refuses a previous key id equal to the current one', () => {
    expect(() => cryptoFor({ FIELD_ENCRYPTION_KEY: SECRET_2, FIELD_ENCRYPTION_KEY_ID: 'k1', FIELD_ENCRYPTION_PREVIOUS_KEYS: `k1=${SECRET_1}` }))
      .toThrow('must all differ');
  });
});
