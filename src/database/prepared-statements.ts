import pg from 'pg';

/**
 * Statements worth preparing: SQL text a repository builds once and runs on
 * every request (the claim view's one read). PostgreSQL parses and plans an
 * unnamed statement on every run — for the claim view about 0.4 ms of its
 * 0.55 ms on this project's bench machine — and a named one once per
 * connection, then (after five runs) keeps a generic plan. Only statements
 * whose best plan does not depend much on the values belong here: lookups by
 * key, and the claim list's few filter shapes (PostgreSQL keeps a generic
 * plan only while it costs no more than the custom ones did).
 * Named on every pooled connection by `NamedStatementClient`, in a
 * transaction or out of one.
 */
const names = new Map<string, string>();
/** A bound for texts built from a request (the claim list's filters); past it, statements run unnamed. */
const MAX_NAMES = 500;

/** Marks `sql` to be prepared, and returns it unchanged. */
export function prepared(sql: string): string {
  if (!names.has(sql) && names.size < MAX_NAMES) names.set(sql, `zz_prepared_${names.size + 1}`);
  return sql;
}

/** The statement name of SQL text marked by `prepared`; undefined for any other. */
export function preparedNameOf(sql: string): string | undefined {
  return names.get(sql);
}

/**
 * The pool's client class (pg's `Client` pool option, set in
 * dataSourceOptions): it runs marked SQL text as a named statement, whoever
 * sends it (TypeORM's query runner in a transaction, PooledQueries outside
 * one). `query(text, values)` becomes `query({ name, text, values })` for
 * that text, and stays as it was for any other.
 */
export class NamedStatementClient extends pg.Client {}

const unnamedQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
NamedStatementClient.prototype.query = function namedQuery(this: pg.Client, ...args: unknown[]) {
  const [text, values, callback] = args;
  const name = typeof text === 'string' && typeof values !== 'function' ? preparedNameOf(text) : undefined;
  return name ? unnamedQuery.call(this, { name, text, values }, ...(callback ? [callback] : [])) : unnamedQuery.apply(this, args);
} as pg.Client['query'];
