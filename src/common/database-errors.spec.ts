import { describe, expect, it } from '@jest/globals';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { conflictOf, fieldsOfDetail, unavailableOf } from './database-errors.js';

const pgError = (fields: Record<string, string>) => Object.assign(new Error('duplicate key value violates unique constraint'), fields);
const queryFailed = (fields: Record<string, string>) => new QueryFailedError('INSERT …', [], pgError(fields));

describe('conflictOf', () => {
  it('turns a unique violation into 409 CONFLICT naming the field, never the value', () => {
    const error = conflictOf(queryFailed({ code: '23505', table: 'app_user', constraint: 'app_user_username_uq', detail: 'Key (lower(username::text))=(race.cadre) already exists.' }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'Another user has this username', details: [{ field: 'username', message: 'already exists' }] });
    expect(JSON.stringify(error?.details)).not.toContain('race.cadre');
  });

  it('names the constraints whose columns are not the API field by the table of known ones', () => {
    expect(conflictOf(queryFailed({ code: '23505', table: 'ledger_import', constraint: 'ledger_import_sha256_uq', detail: 'Key (sha256)=(ab12) already exists.' }))?.details)
      .toEqual([{ field: 'file', message: 'already exists' }]);
    expect(conflictOf(queryFailed({ code: '23P01', table: 'policy', constraint: 'policy_district_code_daterange_excl', detail: 'Key (…)' }))?.details[0].field).toBe('periodStart');
  });

  it('reads the error of a bare pg client too, and leaves every other error alone', () => {
    expect(conflictOf(pgError({ code: '23505', table: 'district', detail: 'Key (code)=(350299) already exists.' }))?.details).toEqual([{ field: 'code', message: 'already exists' }]);
    expect(conflictOf(queryFailed({ code: '23503', table: 'claim', detail: 'Key (policy_id)=(x) is not present' }))).toBeNull();
    expect(conflictOf(new TypeError('x'))).toBeNull();
    expect(conflictOf(null)).toBeNull();
  });
});

describe('unavailableOf', () => {
  it.each([
    ['admin_shutdown (pg_terminate_backend, a fast shutdown)', queryFailed({ code: '57P01' })],
    ['crash_shutdown', queryFailed({ code: '57P02' })],
    ['cannot_connect_now (starting up)', pgError({ code: '57P03' })],
    ['a connection exception (class 08)', pgError({ code: '08006' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a refused connection on every address tried', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {})],
    ['a terminated connection', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    ['a transaction whose connection TypeORM released', new QueryRunnerProviderAlreadyReleasedError()],
    ['a query on a runner TypeORM released', new QueryRunnerAlreadyReleasedError()],
  ])('answers 503 SERVICE_UNAVAILABLE for %s', (_name, error) => {
    expect(unavailableOf(error)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: [] });
  });

  it('leaves errors of the request itself alone', () => {
    expect(unavailableOf(queryFailed({ code: '23505' }))).toBeNull();
    expect(unavailableOf(queryFailed({ code: '22P02' }))).toBeNull();
    expect(unavailableOf(new TypeError('x'))).toBeNull();
  });
});

describe('fieldsOfDetail', () => {
  it.each([
    ['Key (code)=(350299) already exists.', ['code']],
    ['Key (district_code, year)=(350205, 2045) already exists.', ['districtCode', 'year']],
    ['Key (id_number_index)=(9f…) already exists.', ['idNumber']],
    ["Key (district_code, daterange(period_start, period_end, '[]'::text))=(350205, [2045-01-01,2046-01-01)) conflicts with existing key", ['districtCode', 'periodStart', 'periodEnd']],
    ['Key (lower(username::character varying))=(a) already exists.', ['username']],
    ['no key here', []],
  ])('%s → %j', (detail, fields) => {
    expect(fieldsOfDetail(detail)).toEqual(fields);
  });
});
