/**
 * Property-based fuzzing of every list query (issue 9): each documented query
 * parameter absent, valid, hostile, empty, repeated or as a nested key, plus
 * unknown ones, FUZZ_RUNS times per route. The property and how to run it
 * longer are in test/fuzz-reference.e2e-spec.ts and test/support/fuzz-property.ts.
 *
 * It also holds the fuzzers to the app's route table: a write route or a list
 * query the app registers without a fuzz target fails here.
 */
import { describe, expect, it } from '@jest/globals';
import { fuzzTimeout } from './support/fuzz-property.js';
import { CLAIM_TARGETS, fuzzRoute, fuzzSuite, QUERY_TARGETS, REFERENCE_TARGETS, UPLOAD_ROUTES } from './support/fuzz-targets.js';
import { registeredRoutes } from './support/test-app.js';

describe('fuzzing the list queries', () => {
  // Something to list: claims in several states.
  const suite = fuzzSuite({}, async ({ ctx }) => {
    for (const state of ['reported', 'verified', 'paid'] as const) await ctx.claim(state);
  });

  it('has a fuzz target for every write route and every list query the app registered, and none for a route it did not', () => {
    const registered = registeredRoutes(suite.t.app);
    const documented = (route: string) => {
      const [method, path] = route.split(' ');
      return suite.checker.openApi.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    };
    const needed = registered.filter((route) => /^(POST|PATCH|PUT|DELETE) /.test(route)
      || (route.startsWith('GET ') && (documented(route)?.parameters ?? []).some((p) => p.in === 'query')));
    const targets = [...Object.keys(REFERENCE_TARGETS), ...Object.keys(CLAIM_TARGETS), ...Object.keys(QUERY_TARGETS), ...UPLOAD_ROUTES];
    expect({ withoutTarget: needed.filter((route) => !targets.includes(route)), withoutRoute: targets.filter((route) => !needed.includes(route)) })
      .toEqual({ withoutTarget: [], withoutRoute: [] });
  });

  it.each(Object.keys(QUERY_TARGETS))('%s', async (route) => {
    await fuzzRoute(suite.checker, suite.ctx, route, QUERY_TARGETS[route]);
  }, fuzzTimeout());
});
