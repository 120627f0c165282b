import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';

/** How many SQL statements the app's data source runs while `run` does its work. */
export async function queriesDuring(db: DataSource, run: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(db.logger, 'logQuery');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
