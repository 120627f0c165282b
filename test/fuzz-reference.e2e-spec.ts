/**
 * Property-based fuzzing of the JSON write routes outside the claim workflow
 * (issue 9): each route gets FUZZ_RUNS requests from a caller with the right
 * role and scope, built from its valid body with fields broken, dropped or
 * added. Every answer is a success or a documented 4xx with the API.md error
 * body, never a 5xx; a refused request changes no row; the audit chain
 * verifies throughout (test/support/fuzz-property.ts).
 *
 * CI runs a fixed seed and a few runs per route. Longer, locally:
 *   npm run build && FUZZ_RUNS=2000 FUZZ_SEED=$RANDOM TEST_DATABASE_URL=postgres://… \
 *     NODE_OPTIONS=--experimental-vm-modules npx jest test/fuzz-reference.e2e-spec.ts
 * A failure prints fast-check's seed and path: FUZZ_SEED=<seed> FUZZ_PATH=<path>
 * with `-t '<route>'` replays that one request.
 */
import { describe, it } from '@jest/globals';
import { fuzzTimeout } from './support/fuzz-property.js';
import { fuzzRoute, fuzzSuite, REFERENCE_TARGETS } from './support/fuzz-targets.js';

describe('fuzzing the reference-data, user, policy and resident writes', () => {
  // Tokens first: the login route's fuzzing may reach the login rate limit.
  const suite = fuzzSuite({}, async ({ t }) => {
    for (const username of ['admin', 'hc.officer', 'hc.cadre1']) await t.login(username);
  });

  it.each(Object.keys(REFERENCE_TARGETS))('%s', async (route) => {
    await fuzzRoute(suite.checker, suite.ctx, route, REFERENCE_TARGETS[route]);
  }, fuzzTimeout());
});
