import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { pgErrorOf } from '../../src/common/database-errors.js';
import { Database } from '../../src/database/database.js';
import { PooledQueries } from '../../src/database/pooled-queries.js';
import { prepared, preparedNameOf } from '../../src/database/prepared-statements.js';
import { statementsDuring } from '../support/query-count.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Database.manager's statements skip TypeORM's query runner: they must still answer, fail and be logged as TypeORM's do. */
describe('statements outside a transaction (PooledQueries)', () => {
  let t: TestApp;
  let manager: PooledQueries;
  beforeAll(async () => {
    t = await createTestApp();
    manager = t.app.get(Database).manager as PooledQueries;
    await t.db.query('CREATE TABLE IF NOT EXISTS pooled_probe (id int PRIMARY KEY, note text)');
    await t.db.query('TRUNCATE pooled_probe');
  });
  afterAll(async () => {
    await t.db.query('DROP TABLE IF EXISTS pooled_probe');
    await t.close();
  });

  it('is the manager Database hands out for reads without a transaction', () => {
    expect(manager).toBeInstanceOf(PooledQueries);
  });

  it('runs SQL text marked prepared as a named statement of its connection, and other text unnamed', async () => {
    // A statement sees its own session's prepared statements, itself included once it is named.
    const namesSeen = `SELECT coalesce(array_agg(name ORDER BY name), '{}') AS names FROM pg_prepared_statements WHERE $1::int = 1`;
    const unnamed: { names: string[] }[] = await manager.query(namesSeen, [1]);
    const marked = prepared(`${namesSeen} AND true`);
    const named: { names: string[] }[] = await manager.query(marked, [1]);
    expect(preparedNameOf(marked)).toMatch(/^zz_prepared_\d+$/);
    expect(preparedNameOf(namesSeen)).toBeUndefined();
    expect(named[0].names).toContain(preparedNameOf(marked));
    expect(unnamed[0].names).not.toContain(preparedNameOf(marked));
    // Run again (the pool may hand out another client, which prepares it anew): the same answer.
    expect((await manager.query(marked, [1]))[0].names).toContain(preparedNameOf(marked));
  });

  it('names marked SQL text inside a transaction too (TypeORM’s query runner, the same pooled clients)', async () => {
    const marked = prepared(`SELECT coalesce(array_agg(name), '{}') AS names FROM pg_prepared_statements WHERE $1::int = 2`);
    const [{ names }]: { names: string[] }[] = await t.app.get(Database).transaction((tx) => tx.query(marked, [2]));
    expect(names).toContain(preparedNameOf(marked));
  });

  it('answers every kind of statement exactly as TypeORM’s own query does', async () => {
    const reset = () => t.db.query("TRUNCATE pooled_probe; INSERT INTO pooled_probe VALUES (1, 'a'), (2, 'b')");
    const statements: [string, unknown[]][] = [
      ['SELECT $1::int AS n, $2::jsonb AS j, now()::date IS NOT NULL AS d', [7, '{"a":[1,"二"]}']],
      ['INSERT INTO pooled_probe (id, note) VALUES ($1, $2), ($3, $4) RETURNING id', [3, 'c', 4, 'd']],
      ['UPDATE pooled_probe SET note = note || $1 WHERE id <= $2 RETURNING id, note', ['!', 2]],
      ['UPDATE pooled_probe SET note = $1 WHERE id = $2', ['x', 1]],
      ['DELETE FROM pooled_probe WHERE id = $1', [1]],
      ['SELECT id, note FROM pooled_probe WHERE id = $1', [99]],
    ];
    for (const [sql, parameters] of statements) {
      await reset();
      const pooled = await manager.query(sql, parameters);
      await reset();
      expect(pooled).toEqual(await t.db.manager.query(sql, parameters));
    }
  });

  it('logs each statement once, before it runs, to the data source’s logger, and its error', async () => {
    expect(await statementsDuring(t.db, () => manager.query('SELECT $1::int', [1]))).toEqual(['SELECT $1::int']);
    const logError = jest.spyOn(t.db.logger, 'logQueryError');
    try {
      const failing = manager.query('SELECT * FROM no_such_table WHERE id = $1', [1]);
      await expect(failing).rejects.toBeInstanceOf(QueryFailedError);
      expect(pgErrorOf(await failing.catch((e: unknown) => e))?.code).toBe('42P01');
      expect(logError).toHaveBeenCalledTimes(1);
    } finally {
      logError.mockRestore();
    }
  });

  it('gives every client back: more statements than the pool has connections, some failing, all answer', async () => {
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) =>
      manager.query(i % 3 ? 'SELECT $1::int AS i' : 'SELECT 1/0 AS i WHERE $1::int IS NOT NULL', [i])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(40);
    expect(await manager.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
