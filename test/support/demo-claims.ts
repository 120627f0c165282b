import argon2 from 'argon2';
import { demoClaimsSeed } from '../../seeds/demo-claims.js';
import { runSeeds } from '../../seeds/seed.service.js';
import { createTestApp, type TestApp } from './test-app.js';

/** A test app whose database also holds the generated demo claims (Haicang 2018–2022, Jimei 2022). */
export async function createDemoApp(): Promise<TestApp> {
  const t = await createTestApp();
  await runSeeds(t.db, [demoClaimsSeed], {
    // Light argon2 parameters: these hashes exist only on the throwaway test server.
    hashPassword: (password) => argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 }),
    log: () => undefined,
  });
  return t;
}
