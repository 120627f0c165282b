/**
 * The property every fuzz test checks, for one request at a time: the answer
 * is a success or one of the 4xx the route documents (with the API.md error
 * body) and never a 5xx; when it is an error, no table changed (every row
 * hashed, not only counted); and the audit chain still verifies.
 *
 * FUZZ_SEED and FUZZ_RUNS choose the seed and the number of requests per
 * route (small defaults for CI); FUZZ_PATH with the seed replays the
 * counterexample fast-check printed.
 */
import fc from 'fast-check';
import type { Response, Test } from 'supertest';
import type { OpenApiDocument, OpenApiOperation } from './fuzz-arbitraries.js';
import { API, type TestApp } from './test-app.js';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261109);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10);
export const FUZZ_PATH = process.env.FUZZ_PATH;

/** fast-check's parameters for every fuzz property: fixed seed, so CI sees the same requests each run. */
export const fuzzParameters = (): fc.Parameters<unknown> => ({ seed: FUZZ_SEED, numRuns: FUZZ_RUNS, ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}) });

/** Long enough for FUZZ_RUNS requests and fast-check's shrinking of a failure. */
export const fuzzTimeout = (perRunMs = 400) => 60_000 + FUZZ_RUNS * perRunMs * 3;

/** API.md's error codes for each status. */
const CODES: Record<number, string[]> = {
  400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'],
  409: ['INVALID_TRANSITION', 'CONFLICT', 'IDEMPOTENCY_CONFLICT'], 413: ['PAYLOAD_TOO_LARGE'], 422: ['RULE_VIOLATION'], 429: ['RATE_LIMITED'],
};

/**
 * Tables whose rows a refused request may change by design: a refused login
 * is counted (rate_limit_hit); the rest is bookkeeping of the tooling.
 */
const CHANGED_BY_REFUSALS = new Set(['rate_limit_hit', 'migrations', 'seed_run']);

/** The operation of `route` ("POST /api/v1/claims/:id/withdraw") in the served document. */
export function operationOf(document: OpenApiDocument, route: string): OpenApiOperation {
  const [method, path] = route.split(' ');
  const operation = document.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${route} is not in the OpenAPI document`);
  return operation;
}

export class FuzzChecker {
  private tables: string[] = [];

  constructor(private readonly t: TestApp, private readonly document: OpenApiDocument) {}

  static async create(t: TestApp): Promise<FuzzChecker> {
    const document = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
    const checker = new FuzzChecker(t, document);
    const rows: { name: string }[] = await t.db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    checker.tables = rows.map((r) => r.name).filter((name) => !CHANGED_BY_REFUSALS.has(name));
    return checker;
  }

  get openApi(): OpenApiDocument {
    return this.document;
  }

  /** Each table's row count and the sum of its rows' hashes: any insert, update or delete changes it. */
  async tableState(): Promise<Record<string, string>> {
    const sql = this.tables.map((name) =>
      `SELECT '${name}' AS name, count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) AS state FROM "${name}" x`).join(' UNION ALL ');
    const rows: { name: string; state: string }[] = await this.t.db.query(sql);
    return Object.fromEntries(rows.map((r) => [r.name, r.state]));
  }

  /** The table state after the last checked request; null once something else may have written. */
  private lastState: Record<string, string> | null = null;

  /** Call after writing fixtures between requests: the next check reads the tables afresh. */
  forgetState(): void {
    this.lastState = null;
  }

  /**
   * Sends one request and checks the property; returns the response so the
   * caller can tell whether it used its object up. Failures name the request.
   * The audit chain is verified whenever a table changed: when none did, its
   * verdict cannot have changed either.
   */
  async check(route: string, send: () => Test, describeRequest: () => string): Promise<Response> {
    const operation = operationOf(this.document, route);
    const before = this.lastState ?? (await this.tableState());
    this.lastState = null;
    const res = await send();
    const after = await this.tableState();
    this.lastState = after;
    const refusedYetChanged = res.status >= 400 ? changed(before, after) : null;
    const problem = this.answerProblem(route, operation, res)
      ?? (refusedYetChanged ? `${refusedYetChanged}\n${await this.whatChanged(before, after)}` : null)
      ?? (changed(before, after) ? await this.auditProblem() : null);
    if (problem) {
      throw new Error(`${route}: ${problem}\n  request: ${describeRequest().slice(0, 1500)}\n  answer: ${res.status} ${String(res.text).slice(0, 600)}`);
    }
    return res;
  }

  private answerProblem(route: string, operation: OpenApiOperation, res: Response): string | null {
    if (res.status < 400) return res.status >= 200 && res.status < 300 ? null : `answered ${res.status}`;
    if (res.status >= 500) return `answered ${res.status}: a server error`;
    const documented = Object.keys(operation.responses).map(Number)
      // The caller's token is valid: a 401 would be a fault, except where credentials are the input.
      .filter((status) => status !== 401 || route === 'POST /api/v1/auth/login');
    if (!documented.includes(res.status)) return `answered ${res.status}, which the route does not document (${documented.join(', ')})`;
    const body = res.body as { statusCode?: unknown; code?: unknown; message?: unknown; details?: unknown };
    // A refused input names what was wrong with it (API.md: details per field).
    const detailsOk = Array.isArray(body.details) && (res.status !== 400 || body.details.length > 0) && body.details.every((d: { field?: unknown; column?: unknown; message?: unknown }) =>
      typeof d?.message === 'string' && (typeof d.field === 'string' || typeof d.column === 'string'));
    if (body.statusCode !== res.status || !CODES[res.status]?.includes(String(body.code)) || typeof body.message !== 'string' || !detailsOk) {
      return 'the error body is not the API.md error body (a 400 names at least one field)';
    }
    return null;
  }

  /**
   * For a failure message: the rows of each changed table written last (by
   * their transaction id), and whether the table is still changing a moment
   * later, which would point at a writer outside the request.
   */
  private async whatChanged(before: Record<string, string>, after: Record<string, string>): Promise<string> {
    const tables = Object.keys(after).filter((name) => before[name] !== after[name]);
    const lines: string[] = [];
    for (const name of tables) {
      const rows: { row: string; xmin: string }[] = await this.t.db.query(
        `SELECT x::text AS row, x.xmin::text AS xmin FROM "${name}" x ORDER BY x.xmin::text::bigint DESC LIMIT 3`);
      lines.push(`  ${name} ${before[name]} → ${after[name]}; last written rows:`, ...rows.map((r) => `    xmin ${r.xmin}: ${r.row.slice(0, 400)}`));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await this.tableState();
    lines.push(`  300 ms later: ${tables.map((name) => `${name} ${later[name] === after[name] ? 'unchanged' : `changed again (${later[name]})`}`).join(', ')}`);
    return lines.join('\n');
  }

  private async auditProblem(): Promise<string | null> {
    const res = await this.t.http().get(`${API}/audit/verify`).set('Authorization', await this.t.login('admin'));
    return res.status === 200 && res.body.ok === true ? null : `the audit chain no longer verifies: ${res.status} ${res.text.slice(0, 300)}`;
  }
}

function changed(before: Record<string, string>, after: Record<string, string>): string | null {
  const tables = Object.keys(after).filter((name) => before[name] !== after[name]);
  return tables.length ? `refused, yet changed rows of ${tables.join(', ')}` : null;
}

/** A request in a line for a failure message, long values cut short. */
export function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v
      ?? null)) ?? String(value);
  } catch {
    return String(value);
  }
}
