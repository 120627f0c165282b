import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

type Hydrator = (row: Record<string, unknown>) => unknown;

const TIMESTAMPS = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone', 'datetime']);
// Types a JSON row already gives as the entity holds them: the driver would leave them as they are.
const AS_IS = new Set(['uuid', 'varchar', 'char', 'text', 'integer', 'int', 'smallint', 'jsonb', 'json', 'boolean']);

/**
 * One column's conversion, chosen once. A JSON row gives bigint columns as
 * numbers, which become the strings pg would have given (every bigint here —
 * ids, fen — is far below 2^53, so the number is exact), timestamps as ISO
 * text and dates as YYYY-MM-DD already; those and the types the driver leaves
 * as they are skip it. Anything else (a Date from a raw row, an array, another
 * type) goes through the driver, as TypeORM would convert it.
 */
function columnReader(dataSource: DataSource, column: ColumnMetadata): (value: unknown) => unknown {
  const type = column.type;
  const byDriver = (value: unknown) =>
    dataSource.driver.prepareHydratedValue(type === 'bigint' && typeof value === 'number' ? String(value) : value, column);
  if (column.isArray || typeof type !== 'string' || Array.isArray(column.transformer)) return byDriver;
  const transformer = column.transformer;
  const from = transformer ? (value: unknown) => transformer.from(value) : (value: unknown) => value;
  if (TIMESTAMPS.has(type)) return (value) => (typeof value === 'string' ? from(new Date(value)) : byDriver(value));
  if (type === 'bigint') return (value) => (typeof value === 'number' ? from(String(value)) : typeof value === 'string' ? from(value) : byDriver(value));
  if (type === 'date') return (value) => (typeof value === 'string' ? from(value) : byDriver(value));
  if (AS_IS.has(type)) return from;
  return byDriver;
}

function compile(dataSource: DataSource, target: EntityTarget<unknown>): Hydrator {
  const metadata = dataSource.getMetadata(target);
  const columns = metadata.columns.map((column) => ({ key: column.databaseName, column, read: columnReader(dataSource, column) }));
  const flat = metadata.embeddeds.length === 0;
  return (row) => {
    const entity = metadata.create() as Record<string, unknown>;
    for (const { key, column, read } of columns) {
      const value = row[key];
      if (value === undefined) continue;
      if (flat) entity[column.propertyName] = read(value);
      else column.setEntityValue(entity, read(value));
    }
    return entity;
  };
}

const hydrators = new WeakMap<DataSource, Map<EntityTarget<unknown>, Hydrator>>();

function hydratorOf(db: EntityManager, target: EntityTarget<unknown>): Hydrator {
  let byTarget = hydrators.get(db.connection);
  if (!byTarget) hydrators.set(db.connection, (byTarget = new Map()));
  let hydrator = byTarget.get(target);
  if (!hydrator) byTarget.set(target, (hydrator = compile(db.connection, target)));
  return hydrator;
}

/**
 * An entity from a row that came back as JSON (`to_jsonb(row)` inside a
 * larger query), converted the way TypeORM converts a row of its own: per
 * column type, then through the column's transformer. The conversions are
 * worked out once per entity, not per row.
 */
export function hydrate<T>(db: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  return hydratorOf(db, target)(row) as T;
}

export const hydrateAll = <T>(db: EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[] | null): T[] => {
  if (!rows || rows.length === 0) return [];
  const hydrator = hydratorOf(db, target);
  return rows.map((row) => hydrator(row) as T);
};
