import type { EntityManager, EntityTarget } from 'typeorm';

/**
 * An entity from a row that came back as JSON (`to_jsonb(row)` inside a
 * larger query), converted the way TypeORM converts a row of its own: by the
 * driver per column type, then through the column's transformer. JSON gives
 * bigint columns as numbers; they become the strings pg would have given
 * (every bigint here — ids, fen — is far below 2^53, so the number is exact).
 */
export function hydrate<T>(db: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = db.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    let value = row[column.databaseName];
    if (value === undefined) continue;
    if (column.type === 'bigint' && typeof value === 'number') value = String(value);
    column.setEntityValue(entity as object, db.connection.driver.prepareHydratedValue(value, column));
  }
  return entity;
}

export const hydrateAll = <T>(db: EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[] | null): T[] =>
  (rows ?? []).map((row) => hydrate(db, target, row));
