import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline reminders to the staff who must act: one row per claim × stage ×
 * kind × recipient, the unique key that makes every sweep (overlapping, on
 * two instances, after a restart) insert each reminder at most once. Staff
 * have no phone on record, so a reminder is delivered to the in-app inbox
 * (GET /me/notifications): the row is the message, read_at its read flag.
 */
export class StaffReminders1766300000000 implements MigrationInterface {
  name = 'StaffReminders1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_reminder (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id       uuid NOT NULL REFERENCES claim(id),
        district_code  varchar(6) NOT NULL,
        user_id        uuid NOT NULL REFERENCES app_user(id),
        stage          varchar(13) NOT NULL CHECK (stage IN ('verify', 'assess', 'decide', 'pay', 'denial_notice')),
        kind           varchar(8) NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
        due_date       date NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        read_at        timestamptz,
        CHECK (read_at IS NULL OR read_at >= created_at),
        CONSTRAINT staff_reminder_once UNIQUE (claim_id, stage, kind, user_id),
        CONSTRAINT staff_reminder_claim_district_fk FOREIGN KEY (district_code, claim_id) REFERENCES claim (district_code, id)
      )`);
    await q.query(`CREATE TRIGGER staff_reminder_district_code BEFORE INSERT ON staff_reminder
      FOR EACH ROW EXECUTE FUNCTION claim_row_district_code()`);
    await q.query(`CREATE INDEX staff_reminder_inbox_idx ON staff_reminder (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX staff_reminder_unread_idx ON staff_reminder (user_id) WHERE read_at IS NULL`);
    // The sweep reads the running clocks due by the next working day.
    await q.query(`CREATE INDEX claim_deadline_running_due_idx ON claim_deadline (due_date) WHERE ended_on IS NULL AND paused_on IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX claim_deadline_running_due_idx`);
    await q.query(`DROP TABLE staff_reminder`);
  }
}
