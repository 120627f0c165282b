import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { demoClaimsSeed } from '../../seeds/demo-claims.js';
import { runSeeds } from '../../seeds/seed.service.js';

/** The generated demo claims (Haicang 2018–2022, Jimei 2022) on a test app's database. */
export async function seedDemoClaims(db: DataSource): Promise<void> {
  await runSeeds(db, [demoClaimsSeed], {
    // Light argon2 parameters: these hashes exist only on the throwaway test server.
    hashPassword: (password) => argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 }),
    log: () => undefined,
  });
}
