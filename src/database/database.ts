import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PooledQueries } from './pooled-queries.js';

/**
 * How services reach PostgreSQL: they choose the transaction, repositories
 * run the SQL on the EntityManager they are handed (always their first
 * parameter). Services never hold the DataSource itself.
 */
@Injectable()
export class Database {
  private readonly pooled: EntityManager;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pooled = new PooledQueries(dataSource);
  }

  /** One READ COMMITTED transaction: every write of an action and its audit event commit together or not at all. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One read-only REPEATABLE READ snapshot, for reads whose parts must agree with each other. */
  snapshot<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      return work(tx);
    });
  }

  /** For a read that needs no transaction: each statement runs on its own, on a pooled connection (PooledQueries). */
  get manager(): EntityManager {
    return this.pooled;
  }
}
