import type { FieldCrypto } from '../common/field-crypto.js';
import { maskIdNumber, maskPhone } from '../common/masking.js';
import type { Resident } from './entities/resident.entity.js';

export type ResidentPii = Pick<Resident,
  'idNumberCipher' | 'idNumberIndex' | 'idNumberMasked' | 'phoneCipher' | 'phoneIndex' | 'phoneMasked' | 'keyId'>;

/** How a resident's ID number and phone are stored: encrypted, blind-indexed for exact lookup, and masked for display. */
export function protectResidentPii(crypto: FieldCrypto, idNumber: string, phone: string): ResidentPii {
  const idNumberCipher = crypto.encrypt(idNumber);
  return {
    idNumberCipher,
    idNumberIndex: crypto.blindIndex(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    phoneCipher: crypto.encrypt(phone),
    phoneIndex: crypto.blindIndex(phone),
    phoneMasked: maskPhone(phone),
    keyId: idNumberCipher.slice(0, idNumberCipher.indexOf(':')),
  };
}
