/**
 * Property-based fuzzing of the claim workflow's JSON write routes (issue 9):
 * each action is sent FUZZ_RUNS times to a claim in the state it needs, by a
 * caller with the right role and scope, with its valid body broken, its path
 * id replaced and its headers dropped now and then. The property and how to
 * run it longer are in test/fuzz-reference.e2e-spec.ts and
 * test/support/fuzz-property.ts.
 */
import { describe, it } from '@jest/globals';
import { fuzzTimeout } from './support/fuzz-property.js';
import { CLAIM_TARGETS, fuzzRoute, fuzzSuite } from './support/fuzz-targets.js';

describe('fuzzing the claim workflow writes', () => {
  const suite = fuzzSuite();

  it.each(Object.keys(CLAIM_TARGETS))('%s', async (route) => {
    await fuzzRoute(suite.checker, suite.ctx, route, CLAIM_TARGETS[route]);
  }, fuzzTimeout(1000));
});
