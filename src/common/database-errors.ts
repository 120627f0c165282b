import { DomainError } from './domain-error.js';

const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

/** Constraints whose columns do not name the API field, or whose clash needs its own words. */
const CONFLICT_OF_CONSTRAINT: Record<string, { field: string; message?: string }> = {
  ledger_import_sha256_uq: { field: 'file', message: 'This file was imported before' },
  policy_active_district_year_uq: { field: 'periodStart', message: 'Another active policy covers this district in the same year or on overlapping dates' },
  policy_district_code_daterange_excl: { field: 'periodStart', message: 'Another active policy covers this district in the same year or on overlapping dates' },
};

interface PgError {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  detail?: unknown;
}

/**
 * A unique or exclusion violation as the 409 CONFLICT the API promises, the
 * field named from the constraint's columns; null for any other error. The
 * database decides every clash between concurrent writes, so services insert
 * and leave the clash to this one mapping (the error filter calls it).
 * The clashing value, which PostgreSQL puts in its detail, is never repeated.
 */
export function conflictOf(error: unknown): DomainError | null {
  const pg = pgErrorOf(error);
  if (!pg || (pg.code !== UNIQUE_VIOLATION && pg.code !== EXCLUSION_VIOLATION)) return null;
  const known = typeof pg.constraint === 'string' ? CONFLICT_OF_CONSTRAINT[pg.constraint] : undefined;
  const fields = known ? [known.field] : fieldsOfDetail(pg.detail);
  const entity = typeof pg.table === 'string' ? pg.table.replace(/^app_/, '').replaceAll('_', ' ') : 'record';
  const message = known?.message ?? (fields.length ? `Another ${entity} has this ${fields.join(' and ')}` : `Conflicts with another ${entity}`);
  return DomainError.conflict(message, (fields.length ? fields : ['body']).map((field) => ({ field, message: 'already exists' })));
}

/** TypeORM wraps the driver's error (QueryFailedError.driverError); pg's own clients throw it bare. */
export function pgErrorOf(error: unknown): PgError | null {
  if (typeof error !== 'object' || error === null) return null;
  const driverError = (error as { driverError?: unknown }).driverError;
  const candidate = typeof driverError === 'object' && driverError !== null ? driverError : error;
  return typeof (candidate as PgError).code === 'string' ? (candidate as PgError) : null;
}

/**
 * `Key (lower(username::text))=(…) already exists.` → ['username'];
 * `Key (district_code, year)=(…)` → ['districtCode', 'year']. A blind index
 * column (`id_number_index`) names the field it indexes (`idNumber`).
 */
export function fieldsOfDetail(detail: unknown): string[] {
  const key = typeof detail === 'string' ? /^Key \((.*?)\)=\(/s.exec(detail)?.[1] : undefined;
  if (!key) return [];
  const columns = key.replace(/'[^']*'/g, '').replace(/::[a-z_ ]+/g, '').match(/\b[a-z_][a-z0-9_]*\b(?!\s*\()/g) ?? [];
  return [...new Set(columns.map((column) => camelCase(column.replace(/_index$/, ''))))];
}

function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
