/**
 * Statements worth preparing: SQL text a repository builds once and runs on
 * every request (the claim view's one read). PostgreSQL parses and plans an
 * unnamed statement on every run — for the claim view about 0.4 ms of its
 * 0.55 ms on this project's bench machine — and a named one once per
 * connection, then (after five runs) keeps a generic plan. Only statements
 * whose best plan does not depend much on the values belong here: lookups by
 * key, and the claim list's few filter shapes (PostgreSQL keeps a generic
 * plan only while it costs no more than the custom ones did).
 * Prepared by PooledQueries (statements outside a transaction); inside a
 * transaction TypeORM runs the same text unnamed.
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
