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

/** SQLSTATEs of a server going away: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors on the way to the server. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What node-postgres and its pool say, without a code, when a connection dies or none comes. */
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not queryable|Cannot use a pool after calling end/i;

/**
 * The database is gone (stopped, restarting, the connection cut): 503
 * SERVICE_UNAVAILABLE, so a client knows to retry, not that its request was
 * wrong; null for any other error. Class 08 is every connection exception.
 */
export function unavailableOf(error: unknown): DomainError | null {
  return causesOf(error).some(isConnectionLoss)
    ? new DomainError('SERVICE_UNAVAILABLE', 'The database is not available; try again shortly')
    : null;
}

/**
 * TypeORM releases a query runner when its connection dies; what the request
 * does next on it fails with one of these, depending on whether it was inside
 * a transaction or a plain repository read.
 */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

function isConnectionLoss(error: object): boolean {
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return true;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/** The error, what TypeORM wrapped (driverError), its causes and the errors of an AggregateError (one per address tried). */
function causesOf(error: unknown, depth = 0): object[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const { driverError, cause, errors } = error as { driverError?: unknown; cause?: unknown; errors?: unknown };
  const inner = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return [error, ...inner.flatMap((e) => causesOf(e, depth + 1))];
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
