import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';

/** The statements `run` sends, each as sent (text and parameters), for EXPLAIN. */
export async function statementsWithValuesDuring(db: DataSource, run: () => Promise<unknown>): Promise<{ sql: string; values: unknown[] }[]> {
  const spy = jest.spyOn(db.logger, 'logQuery');
  try {
    await run();
    return spy.mock.calls.map(([sql, values]) => ({ sql: String(sql), values: (values as unknown[] | undefined) ?? [] }));
  } finally {
    spy.mockRestore();
  }
}

/** The SQL statements the app's data source runs while `run` does its work, transaction control included. */
export async function statementsDuring(db: DataSource, run: () => Promise<unknown>): Promise<string[]> {
  return (await statementsWithValuesDuring(db, run)).map(({ sql }) => sql.replace(/\s+/g, ' ').trim());
}

/** How many SQL statements the app's data source runs while `run` does its work. */
export async function queriesDuring(db: DataSource, run: () => Promise<unknown>): Promise<number> {
  return (await statementsDuring(db, run)).length;
}

/** Statements that read or write rows: BEGIN, COMMIT, ROLLBACK and savepoints left out. */
export const dataStatements = (statements: string[]): string[] =>
  statements.filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SET TRANSACTION)/i.test(sql));
