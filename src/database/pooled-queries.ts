import type { Pool } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * The EntityManager for statements outside a transaction (Database.manager).
 * TypeORM's own `query` makes a query runner for each statement (with its
 * broadcaster, connection bookkeeping and release), a few percent of a claim
 * read's CPU. Here a statement takes a client from TypeORM's pg pool, runs,
 * and gives it back, and does what the runner's `query` does around that:
 * the data source's logger hears every statement (and its error) first — the
 * query-count tests count on it —, a failed statement is TypeORM's
 * QueryFailedError, a connect failure the pool's own error, and an UPDATE or
 * DELETE answers [rows, rowCount]. Every other method is TypeORM's. With
 * entity subscribers or a slow-query threshold configured (none today) it is
 * TypeORM's query all the same, so their events and log lines stay whole.
 */
export class PooledQueries extends EntityManager {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  override async query<T = any>(sql: string, parameters?: any[]): Promise<T> {
    const { dataSource } = this;
    if (dataSource.subscribers.length || dataSource.options.maxQueryExecutionTime) return super.query<T>(sql, parameters);
    const pool = (dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool || (parameters && !Array.isArray(parameters))) return super.query<T>(sql, parameters);
    const client = await pool.connect();
    try {
      dataSource.logger.logQuery(sql, parameters);
      const raw = await client.query(sql, parameters);
      return (raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows) as T;
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, sql, parameters);
      throw new QueryFailedError(sql, parameters, error as Error);
    } finally {
      // As TypeORM's runner releases: a client whose connection broke is no longer queryable, and the pool drops it.
      client.release();
    }
  }
}
