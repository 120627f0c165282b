import { demoClaimsSeed } from './demo-claims.js';
import { demoPoliciesSeed } from './demo-policies.js';
import { demoReference } from './demo-reference.js';
import type { Seed } from './seed.js';

/** Districts, streets, the insurer, users and policies: the fixture every e2e test starts from. */
export const referenceSeeds: Seed[] = [demoReference, demoPoliciesSeed];

/** Generated claims of the demo years; loaded by `npm start`, not by the tests. */
export const demoClaimSeeds: Seed[] = [demoClaimsSeed];

/** Demo data, in order; each runs once per database. */
export const demoSeeds: Seed[] = [...referenceSeeds, ...demoClaimSeeds];

export { loadCatalog } from './catalog.js';
export { loadDenialReasons } from './denial-reasons.js';
export { workingDayCalendarSeed } from './working-day-calendar.js';
export { DEMO_PASSWORD, DEMO_USERS } from './demo-reference.js';
