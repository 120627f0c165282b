import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config.js';
import { FieldCrypto } from './field-crypto.js';

/**
 * Parses FIELD_ENCRYPTION_PREVIOUS_KEYS, "k0=secret0,k00=secret00": the keys
 * older rows may still be encrypted with, newest first, oldest last. A secret
 * may contain '=' (only the first one separates the key id) but not ','.
 */
export function parsePreviousKeys(text: string | undefined): [keyId: string, secret: string][] {
  if (!text?.trim()) return [];
  return text.split(',').map((entry) => {
    const separator = entry.indexOf('=');
    const keyId = entry.slice(0, separator).trim();
    const secret = entry.slice(separator + 1).trim();
    if (separator < 1 || !keyId || !secret) {
      throw new Error('FIELD_ENCRYPTION_PREVIOUS_KEYS must look like "k0=secret0,k00=secret00"');
    }
    return [keyId, secret];
  });
}

/**
 * The blind indexes (exact lookup and the unique ID-number index) must not
 * change when the encryption key rotates, or every older row would stop
 * matching. So the index key comes from the OLDEST configured secret: the last
 * of the previous keys, or the current key before the first rotation. After a
 * rotation keep that oldest secret listed, even once no row is encrypted with it.
 */
export function fieldCryptoFromConfig(config: AppConfig): FieldCrypto {
  const previous = parsePreviousKeys(config.FIELD_ENCRYPTION_PREVIOUS_KEYS);
  const ids = [config.FIELD_ENCRYPTION_KEY_ID, ...previous.map(([keyId]) => keyId)];
  if (new Set(ids).size !== ids.length) {
    throw new Error('FIELD_ENCRYPTION_KEY_ID and the ids in FIELD_ENCRYPTION_PREVIOUS_KEYS must all differ');
  }
  const indexSecret = previous.at(-1)?.[1] ?? config.FIELD_ENCRYPTION_KEY;
  return FieldCrypto.fromSecret(config.FIELD_ENCRYPTION_KEY, config.FIELD_ENCRYPTION_KEY_ID, Object.fromEntries(previous), indexSecret);
}

/** Provides the one FieldCrypto built from the configuration; import it where personal fields are stored. */
@Module({
  providers: [{ provide: FieldCrypto, inject: [AppConfig], useFactory: fieldCryptoFromConfig }],
  exports: [FieldCrypto],
})
export class CryptoModule {}
