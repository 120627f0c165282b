import { Logger } from '@nestjs/common';
import type { ClientBase } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { NamedStatementClient } from './prepared-statements.js';

/**
 * The connection and the migrations. Entities are not listed here: each
 * module registers its own (TypeOrmModule.forFeature) and the app loads them
 * (autoLoadEntities), so database/ depends on no domain module.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: {
      max: 20,
      // Wait at most this long for a connection (the server gone quiet, or the pool exhausted): the request then gets a 503, not a hang.
      connectionTimeoutMillis: 10_000,
      onConnect: keepConnectionErrorsFromCrashing,
      Client: NamedStatementClient,
    },
    ...extra,
  } as DataSourceOptions;
}

const logger = new Logger('Database');

/**
 * pg reports a connection the server dropped (restart, pg_terminate_backend)
 * as an 'error' event on the client, and an 'error' event nobody listens to
 * is an uncaught exception that ends the process. The pool stops listening
 * while a client is checked out and TypeORM's listener goes after the first
 * event, so every client gets one for its whole life. The query in flight
 * fails on its own (the error filter answers 503) and the pool drops the
 * broken client, so this listener only logs.
 */
function keepConnectionErrorsFromCrashing(client: ClientBase): void {
  client.on('error', (error: Error) => logger.warn(`A database connection failed: ${error.message}`));
}
