import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClaimsService } from '../../src/claims/claims.service.js';
import { ListClaimsQuery } from '../../src/claims/dto/claim.requests.js';
import { asUser, verifiedFire } from '../support/domain-steps.js';
import { statementsWithValuesDuring } from '../support/query-count.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * The claim list's page is the first entries of an index that holds its
 * whole order (reported_at DESC, claim_no DESC) after the caller's scope
 * column, so a page never joins and sorts every claim of the scope. A test
 * database holds a few claims, on which PostgreSQL rightly prefers to scan
 * and sort; with scans and sorts priced out (SET LOCAL) the plan shows which
 * index can give the order, which is what a district's thousands of claims
 * need. The count reads no resident unless the filter searches text.
 */
describe('the claim list statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await verifiedFire(t, '1000.00');
  });
  afterAll(() => t.close());

  async function listStatements(username: string, query: Partial<ListClaimsQuery> = {}) {
    const caller = await asUser(t, username);
    const statements = await statementsWithValuesDuring(t.db, () =>
      t.app.get(ClaimsService).list(caller, Object.assign(new ListClaimsQuery(), { page: 1, pageSize: 50, ...query })));
    const page = statements.find(({ sql }) => /ORDER BY c\.reported_at DESC, c\.claim_no DESC/.test(sql));
    const count = statements.find(({ sql }) => /count\(\*\)/.test(sql));
    if (!page || !count) throw new Error(`no page or count statement among ${statements.map((s) => s.sql).join('\n')}`);
    return { page, count };
  }

  async function planOf({ sql, values }: { sql: string; values: unknown[] }): Promise<PlanNode[]> {
    return t.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_sort = off');
      await tx.query('SET LOCAL enable_incremental_sort = off');
      const [row]: { 'QUERY PLAN': [{ Plan: PlanNode }] }[] = await tx.query(`EXPLAIN (FORMAT JSON) ${sql}`, values);
      return nodesOf(row['QUERY PLAN'][0].Plan);
    });
  }

  it.each([
    ['a street cadre', 'hc.cadre1', 'claim_street_listed_idx'],
    ['a district officer', 'hc.officer', 'claim_district_listed_idx'],
    ['an insurer adjuster', 'picc.adjuster', 'claim_insurer_listed_idx'],
    ['an admin', 'admin', 'claim_listed_idx'],
  ])('takes the page of %s from the ordered index of its scope, sorting nothing', async (_who, username, index) => {
    const nodes = await planOf((await listStatements(username)).page);
    expect(nodes.map((n) => n['Index Name']).filter(Boolean)).toContain(index);
    expect(nodes.filter((n) => n['Sort Key']?.some((key) => key.includes('reported_at')))).toEqual([]);
  });

  it('counts without reading residents, unless the filter searches their names', async () => {
    expect((await listStatements('hc.officer', { status: ['reported', 'verified'] })).count.sql).not.toMatch(/resident/);
    expect((await listStatements('hc.officer', { q: '陈' })).count.sql).toMatch(/JOIN resident r/);
  });
});
