/**
 * Property-based fuzzing of the claim workflow's JSON write routes (issue 9):
 * each action is sent FUZZ_RUNS times to a claim in the state it needs, by a
 * caller with the right role and scope, with its valid body broken, its path
 * id replaced and its headers dropped now and then. The property and how to
 * run it longer are in test/fuzz-reference.e2e-spec.ts and
 * test/support/fuzz-property.ts.
 */
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { FuzzChecker, fuzzTimeout } from './support/fuzz-property.js';
import { CLAIM_TARGETS, fuzzContext, fuzzRoute, type FuzzContext } from './support/fuzz-targets.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('fuzzing the claim workflow writes', () => {
  let t: TestApp;
  let checker: FuzzChecker;
  let ctx: FuzzContext;
  beforeAll(async () => {
    t = await createTestApp();
    checker = await FuzzChecker.create(t);
    ctx = await fuzzContext(t);
  });
  afterAll(async () => { await t.close(); });

  it.each(Object.keys(CLAIM_TARGETS))('%s', async (route) => {
    await fuzzRoute(checker, ctx, route, CLAIM_TARGETS[route]);
  }, fuzzTimeout(1000));
});
