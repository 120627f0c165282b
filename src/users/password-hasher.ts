import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// A real argon2id hash of a random string, verified against when the user does not exist.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$iw3h17kqFutfIdW4ybqviA$iywuFjr4jy/2OeNuR5/SR90OipCuO3dAyI2R4DFq7OY';

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? DUMMY_HASH, password);
      return ok && hash !== undefined;
    } catch {
      return false;
    }
  }
}
