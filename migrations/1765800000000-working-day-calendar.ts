import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exceptions to "Monday to Friday": public holidays and the weekend days
 * worked in exchange (调休). A make-up working day is always a weekend day.
 */
export class WorkingDayCalendar1765800000000 implements MigrationInterface {
  name = 'WorkingDayCalendar1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_day (
        day         date PRIMARY KEY,
        kind        varchar(7) NOT NULL CHECK (kind IN ('holiday','workday')),
        updated_by  uuid REFERENCES app_user(id),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'workday' OR extract(isodow FROM day) IN (6, 7))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_day`);
  }
}
