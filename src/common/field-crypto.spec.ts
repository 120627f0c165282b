import { describe, it, expect } from '@jest/globals';
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { FieldCrypto, FieldCryptoError } from './field-crypto.js';

const SECRET_2023 = 'test-secret-2023-0123456789abcdef0123456789';
const SECRET_2024 = 'test-secret-2024-fedcba9876543210fedcba9876';

function flipByte(cipherText: string, part: 1 | 2 | 3, index = 0): string {
  const parts = cipherText.split(':');
  const bytes = Buffer.from(parts[part], 'base64');
  bytes[index] ^= 0x01;
  parts[part] = bytes.toString('base64');
  return parts.join(':');
}

describe('FieldCrypto', () => {
  const crypto = FieldCrypto.fromSecret(SECRET_2024, 'k2024');

  it.each([
    ['an ID number', '11010519491231002X'],
    ['a mobile number', '13812345678'],
    ['Chinese text', '厦门市海沧区新垵村 张三'],
    ['an emoji outside the BMP', '王🙂'],
    ['an empty string', ''],
  ])('round-trips %s', (_name, plain) => {
    expect(crypto.decrypt(crypto.encrypt(plain))).toBe(plain);
  });

  it('writes keyId:iv:tag:ciphertext with a 12-byte IV and 16-byte tag', () => {
    const [keyId, iv, tag, ciphertext, ...rest] = crypto.encrypt('13812345678').split(':');
    expect(keyId).toBe('k2024');
    expect(Buffer.from(iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64')).toHaveLength(16);
    expect(Buffer.from(ciphertext, 'base64')).toHaveLength(11);
    expect(rest).toEqual([]);
  });

  it('uses a fresh IV, so the same value encrypts differently each time', () => {
    const first = crypto.encrypt('11010519491231002X');
    const second = crypto.encrypt('11010519491231002X');
    expect(first).not.toBe(second);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
  });

  it('never contains the plaintext, raw or base64', () => {
    const plain = '11010519491231002X';
    const cipherText = crypto.encrypt(plain);
    expect(cipherText).not.toContain(plain);
    expect(cipherText).not.toContain('1101051949');
    expect(cipherText).not.toContain(Buffer.from(plain).toString('base64'));
    const chinese = '厦门市海沧区';
    const encryptedChinese = crypto.encrypt(chinese);
    expect(encryptedChinese).not.toContain(chinese);
    expect(encryptedChinese).not.toContain(Buffer.from(chinese).toString('base64'));
  });

  it.each([
    ['the ciphertext', 3 as const],
    ['the auth tag', 2 as const],
    ['the IV', 1 as const],
  ])('detects a flipped byte in %s', (_name, part) => {
    const tampered = flipByte(crypto.encrypt('13812345678'), part);
    expect(() => crypto.decrypt(tampered)).toThrow(FieldCryptoError);
    expect(() => crypto.decrypt(tampered)).toThrow('failed authentication');
  });

  it('detects a flipped byte in the middle of a longer ciphertext', () => {
    const tampered = flipByte(crypto.encrypt('厦门市海沧区新垵村'), 3, 10);
    expect(() => crypto.decrypt(tampered)).toThrow('failed authentication');
  });

  it('detects a ciphertext relabelled with another known key id', () => {
    const rotated = FieldCrypto.fromSecret(SECRET_2024, 'k2024', { k2023: SECRET_2023 });
    const relabelled = rotated.encrypt('13812345678').replace(/^k2024:/, 'k2023:');
    expect(() => rotated.decrypt(relabelled)).toThrow('failed authentication');
  });

  it.each([
    ['no separators', 'garbage'],
    ['three parts', 'k2024:AAAA:AAAA'],
    ['five parts', 'k2024:AAAA:AAAA:AAAA:AAAA'],
    ['a short IV', `k2024:${Buffer.alloc(8).toString('base64')}:${Buffer.alloc(16).toString('base64')}:AAAA`],
    ['a truncated tag', `k2024:${Buffer.alloc(12).toString('base64')}:${Buffer.alloc(4).toString('base64')}:AAAA`],
    ['characters outside base64', `k2024:${Buffer.alloc(12).toString('base64')}:${Buffer.alloc(16).toString('base64')}:AA!A`],
  ])('rejects a malformed value: %s', (_name, text) => {
    expect(() => crypto.decrypt(text)).toThrow('Encrypted field is malformed');
  });

  it('rejects an unknown key id', () => {
    const other = FieldCrypto.fromSecret(SECRET_2023, 'k2023');
    expect(() => crypto.decrypt(other.encrypt('13812345678'))).toThrow('unknown key id "k2023"');
  });

  describe('key rotation', () => {
    const before = FieldCrypto.fromSecret(SECRET_2023, 'k2023');
    const after = FieldCrypto.fromSecret(SECRET_2024, 'k2024', { k2023: SECRET_2023 });

    it('decrypts a value written with the previous key', () => {
      const old = before.encrypt('厦门市集美区 李四 13812345678');
      expect(after.decrypt(old)).toBe('厦门市集美区 李四 13812345678');
    });

    it('encrypts new values with the current key', () => {
      expect(after.encrypt('13812345678').startsWith('k2024:')).toBe(true);
    });

    it('works the same with raw keys given to the constructor', () => {
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      const indexKey = randomBytes(32);
      const v1 = new FieldCrypto({ keys: { v1: oldKey }, currentKeyId: 'v1', indexKey });
      const v2 = new FieldCrypto({ keys: { v1: oldKey, v2: newKey }, currentKeyId: 'v2', indexKey });
      const old = v1.encrypt('张三');
      expect(v2.decrypt(old)).toBe('张三');
      expect(v2.encrypt('张三').startsWith('v2:')).toBe(true);
      expect(() => v1.decrypt(v2.encrypt('张三'))).toThrow('unknown key id "v2"');
    });
  });

  describe('blindIndex', () => {
    it('is 64 lower-case hex characters', () => {
      expect(crypto.blindIndex('11010519491231002X')).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is deterministic across instances built from the same secret', () => {
      const again = FieldCrypto.fromSecret(SECRET_2024, 'k2024');
      expect(again.blindIndex('13812345678')).toBe(crypto.blindIndex('13812345678'));
    });

    it('depends on the key', () => {
      const other = FieldCrypto.fromSecret(SECRET_2023, 'k2024');
      expect(other.blindIndex('13812345678')).not.toBe(crypto.blindIndex('13812345678'));
    });

    it('differs for different values', () => {
      expect(crypto.blindIndex('13812345678')).not.toBe(crypto.blindIndex('13812345679'));
    });

    it.each([
      ['a lower-case x', '11010519491231002x'],
      ['surrounding whitespace', ' 11010519491231002X\t'],
      ['full-width characters', '１１０１０５１９４９１２３１００２Ｘ'],
    ])('normalises %s before hashing', (_name, variant) => {
      expect(crypto.blindIndex(variant)).toBe(crypto.blindIndex('11010519491231002X'));
    });

    it('stays the same across a key rotation when given the same index secret', () => {
      const before = FieldCrypto.fromSecret(SECRET_2023, 'k2023');
      const after = FieldCrypto.fromSecret(SECRET_2024, 'k2024', { k2023: SECRET_2023 }, SECRET_2023);
      expect(after.blindIndex('11010519491231002X')).toBe(before.blindIndex('11010519491231002X'));
      expect(after.encrypt('11010519491231002X').startsWith('k2024:')).toBe(true);
    });

    it('is a keyed hash, not the plain SHA-256 of the value', () => {
      const plainHash = createHash('sha256').update('13812345678').digest('hex');
      expect(crypto.blindIndex('13812345678')).not.toBe(plainHash);
    });
  });

  describe('configuration', () => {
    it('refuses a short secret', () => {
      expect(() => FieldCrypto.fromSecret('too-short', 'k1')).toThrow('at least 32 characters');
    });

    it('refuses a short previous secret', () => {
      expect(() => FieldCrypto.fromSecret(SECRET_2024, 'k2024', { k2023: 'short' })).toThrow('at least 32 characters');
    });

    it('refuses a key that is not 32 bytes', () => {
      expect(
        () => new FieldCrypto({ keys: { k: randomBytes(16) }, currentKeyId: 'k', indexKey: randomBytes(32) }),
      ).toThrow('Key k must be 32 bytes, got 16');
    });

    it('refuses a current key id without a key', () => {
      expect(
        () => new FieldCrypto({ keys: { k: randomBytes(32) }, currentKeyId: 'missing', indexKey: randomBytes(32) }),
      ).toThrow('Current key id "missing" has no key');
    });

    it('refuses a key id containing the separator', () => {
      expect(
        () => new FieldCrypto({ keys: { 'a:b': randomBytes(32) }, currentKeyId: 'a:b', indexKey: randomBytes(32) }),
      ).toThrow(FieldCryptoError);
    });

    it('refuses a short index key', () => {
      expect(
        () => new FieldCrypto({ keys: { k: randomBytes(32) }, currentKeyId: 'k', indexKey: randomBytes(8) }),
      ).toThrow('Index key must be at least 32 bytes');
    });

    // Stored rows depend on this derivation: changing a label or the salt would
    // make every encrypted field and blind index unreadable.
    it('derives the keys with HKDF-SHA256 and distinct labels, stably', () => {
      const encryptionKey = Buffer.from(
        hkdfSync('sha256', SECRET_2024, 'zongzhi-claims', 'zongzhi-claims field encryption v1', 32),
      );
      const indexKey = Buffer.from(hkdfSync('sha256', SECRET_2024, 'zongzhi-claims', 'zongzhi-claims blind index v1', 32));
      expect(encryptionKey.equals(indexKey)).toBe(false);

      const raw = new FieldCrypto({ keys: { k2024: encryptionKey }, currentKeyId: 'k2024', indexKey });
      expect(raw.decrypt(crypto.encrypt('张三'))).toBe('张三');
      expect(crypto.decrypt(raw.encrypt('张三'))).toBe('张三');
      expect(raw.blindIndex('13812345678')).toBe(crypto.blindIndex('13812345678'));
    });
  });
});
