import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual and multi-year reports read one district's claims of one policy
 * year (or a range of years). This index holds every column those queries
 * read, so PostgreSQL answers them with an index-only scan of that slice
 * instead of visiting the heap, even with millions of claims in the table.
 * Built CONCURRENTLY (outside a transaction) so adding it to a live
 * database does not block claim writes.
 */
export class ReportIndexes1764200000000 implements MigrationInterface {
  name = 'ReportIndexes1764200000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS claim_report_idx ON claim (district_code, year)
      INCLUDE (status, event_type, street_code, incident_date, claimed_amount, approved_amount, paid_amount,
               reported_at, paid_at, policy_id, insurer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS claim_report_idx`);
  }
}
