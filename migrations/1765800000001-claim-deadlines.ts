import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service deadlines (时效): each policy sets them, each claim runs a clock per
 * stage. A clock is a row: when it started, the days it allows, the days it
 * was paused in needs_info, its due date, and how it ended. Open, running
 * clocks are indexed by due date for the overdue lists.
 */
export class ClaimDeadlines1765800000001 implements MigrationInterface {
  name = 'ClaimDeadlines1765800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy
        ADD COLUMN verify_working_days  integer NOT NULL DEFAULT 1 CHECK (verify_working_days BETWEEN 0 AND 365),
        ADD COLUMN assess_working_days  integer NOT NULL DEFAULT 3 CHECK (assess_working_days BETWEEN 0 AND 365),
        ADD COLUMN decide_days          integer NOT NULL DEFAULT 30 CHECK (decide_days BETWEEN 0 AND 365),
        ADD COLUMN pay_working_days     integer NOT NULL DEFAULT 10 CHECK (pay_working_days BETWEEN 0 AND 365),
        ADD COLUMN denial_notice_days   integer NOT NULL DEFAULT 3 CHECK (denial_notice_days BETWEEN 0 AND 365)`);
    await q.query(`
      CREATE TABLE claim_deadline (
        claim_id      uuid NOT NULL REFERENCES claim(id),
        stage         varchar(13) NOT NULL CHECK (stage IN ('verify','assess','decide','pay','denial_notice')),
        started_on    date NOT NULL,
        allowed_days  integer NOT NULL CHECK (allowed_days >= 0),
        working_days  boolean NOT NULL,
        paused_days   integer NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
        paused_on     date,
        due_date      date NOT NULL CHECK (due_date >= started_on),
        ended_on      date,
        outcome       varchar(9) CHECK (outcome IN ('done','cancelled')),
        PRIMARY KEY (claim_id, stage),
        CHECK ((ended_on IS NULL) = (outcome IS NULL)),
        CHECK (ended_on IS NULL OR paused_on IS NULL)
      )`);
    await q.query(`CREATE INDEX claim_deadline_running_idx ON claim_deadline (due_date) WHERE ended_on IS NULL AND paused_on IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_deadline`);
    await q.query(`
      ALTER TABLE policy DROP COLUMN verify_working_days, DROP COLUMN assess_working_days, DROP COLUMN decide_days,
        DROP COLUMN pay_working_days, DROP COLUMN denial_notice_days`);
  }
}
