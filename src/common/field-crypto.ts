import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for personal fields (ID number, phone) and an HMAC blind
 * index so an exact value can still be looked up without decrypting rows.
 *
 * Ciphertext format: `${keyId}:${base64(iv)}:${base64(tag)}:${base64(ciphertext)}`.
 * The key id travels with each value, so after rotating to a new current key
 * old rows still decrypt with the previous keys until they are re-encrypted.
 */
export interface FieldCryptoOptions {
  keys: Record<string, Buffer>;
  currentKeyId: string;
  indexKey: Buffer;
}

export class FieldCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_SECRET_LENGTH = 32;
const HKDF_SALT = 'zongzhi-claims';
const ENCRYPTION_INFO = 'zongzhi-claims field encryption v1';
const INDEX_INFO = 'zongzhi-claims blind index v1';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class FieldCrypto {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly currentKeyId: string;
  private readonly indexKey: Buffer;

  constructor(options: FieldCryptoOptions) {
    const keys = new Map<string, Buffer>();
    for (const [keyId, key] of Object.entries(options.keys)) {
      if (!/^[A-Za-z0-9_-]+$/.test(keyId)) {
        throw new FieldCryptoError(`Key id ${JSON.stringify(keyId)} must be letters, digits, '_' or '-'`);
      }
      if (key.length !== KEY_BYTES) {
        throw new FieldCryptoError(`Key ${keyId} must be ${KEY_BYTES} bytes, got ${key.length}`);
      }
      keys.set(keyId, Buffer.from(key));
    }
    if (!keys.has(options.currentKeyId)) {
      throw new FieldCryptoError(`Current key id ${JSON.stringify(options.currentKeyId)} has no key`);
    }
    if (options.indexKey.length < KEY_BYTES) {
      throw new FieldCryptoError(`Index key must be at least ${KEY_BYTES} bytes`);
    }
    this.keys = keys;
    this.currentKeyId = options.currentKeyId;
    this.indexKey = Buffer.from(options.indexKey);
  }

  /**
   * Derives the keys from FIELD_ENCRYPTION_KEY (and older secrets by key id,
   * for rotation). The blind index key comes from `indexSecret` (the current
   * secret unless given); it must stay the same across rotations, or the
   * stored blind indexes stop matching.
   */
  static fromSecret(secret: string, keyId: string, previous: Record<string, string> = {}, indexSecret: string = secret): FieldCrypto {
    const keys: Record<string, Buffer> = {};
    for (const [oldKeyId, oldSecret] of Object.entries(previous)) {
      keys[oldKeyId] = derive(oldSecret, ENCRYPTION_INFO);
    }
    keys[keyId] = derive(secret, ENCRYPTION_INFO);
    return new FieldCrypto({ keys, currentKeyId: keyId, indexKey: derive(indexSecret, INDEX_INFO) });
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentKeyId)!, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [this.currentKeyId, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(text: string): string {
    const parts = text.split(':');
    if (parts.length !== 4 || !parts.slice(1).every((part) => BASE64.test(part))) {
      throw new FieldCryptoError('Encrypted field is malformed');
    }
    const [keyId, ivText, tagText, ciphertextText] = parts;
    const key = this.keys.get(keyId);
    if (!key) {
      throw new FieldCryptoError(`Encrypted field uses unknown key id ${JSON.stringify(keyId)}`);
    }
    const iv = Buffer.from(ivText, 'base64');
    const tag = Buffer.from(tagText, 'base64');
    // A shorter tag would make forgery easier; GCM itself accepts as few as 4 bytes.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new FieldCryptoError('Encrypted field is malformed');
    }
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCryptoError('Encrypted field failed authentication (wrong key or tampered)');
    }
  }

  /**
   * Hex HMAC-SHA256 of the normalised value: NFKC (full-width digits from a
   * Chinese IME become ASCII), whitespace removed, upper case, so
   * '11010519491231002x' and '11010519491231002X' find the same row.
   */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(normaliseForIndex(value), 'utf8').digest('hex');
  }
}

export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function derive(secret: string, info: string): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new FieldCryptoError(`Encryption secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, info, KEY_BYTES));
}
