import type { EntityManager } from 'typeorm';

/** A named data load that runs once per database, inside one transaction. */
export interface Seed {
  name: string;
  run(tx: EntityManager, context: SeedContext): Promise<void>;
}

export interface SeedContext {
  hashPassword(password: string): Promise<string>;
  log(message: string): void;
}

/** Inserts many rows in one statement: rows are arrays of values in column order. */
export async function insertRows(tx: EntityManager, table: string, columns: string[], rows: unknown[][], suffix = ''): Promise<void> {
  const chunk = Math.max(1, Math.floor(30000 / columns.length));
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = part.map((row) => `(${row.map((value) => { params.push(value); return `$${params.length}`; }).join(',')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')} ${suffix}`, params);
  }
}
