import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * StaffReminders1766300000000 created claim_deadline_running_due_idx, the
 * same partial index on the running clocks' due dates as
 * ClaimDeadlines1765800000001's claim_deadline_running_idx: every clock
 * written (three at each filing) and every clock ended or paused was
 * indexed twice. The older one stays; it serves the sweep exactly as well.
 */
export class DropDuplicateDeadlineIndex1766500000001 implements MigrationInterface {
  name = 'DropDuplicateDeadlineIndex1766500000001';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS claim_deadline_running_due_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS claim_deadline_running_due_idx ON claim_deadline (due_date)
      WHERE ended_on IS NULL AND paused_on IS NULL`);
  }
}
