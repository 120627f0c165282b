import type { DataSource } from 'typeorm';

/**
 * Reverts the newest applied migration. TypeORM wraps a revert in a
 * transaction even when the migration declares `transaction = false` (as
 * one that builds an index CONCURRENTLY must), so honour that flag here.
 */
export async function revertLastMigration(db: DataSource): Promise<void> {
  const [last]: { name: string }[] = await db.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1');
  const migration = db.migrations.find((m) => m.name === last?.name) as { transaction?: boolean } | undefined;
  await db.undoLastMigration({ transaction: migration?.transaction === false ? 'none' : 'all' });
}
