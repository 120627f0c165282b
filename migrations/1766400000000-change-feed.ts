import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed the app's in-memory caches follow (src/database/change-feed.ts):
 * a change of an account notifies `app_user_changed` with its id, a change of
 * the working-day calendar notifies `calendar_day_changed`. NOTIFY is delivered
 * at commit, to every listening instance, and not at all on rollback; the same
 * payload twice in one transaction is delivered once. A TRUNCATE of the accounts
 * says '*': every cached caller goes.
 */
export class ChangeFeed1766400000000 implements MigrationInterface {
  name = 'ChangeFeed1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_app_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('app_user_changed', '*');
        ELSE
          PERFORM pg_notify('app_user_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER app_user_changed AFTER INSERT OR UPDATE OR DELETE ON app_user
      FOR EACH ROW EXECUTE FUNCTION notify_app_user_changed()`);
    await q.query(`CREATE TRIGGER app_user_truncated AFTER TRUNCATE ON app_user
      FOR EACH STATEMENT EXECUTE FUNCTION notify_app_user_changed()`);
    await q.query(`
      CREATE FUNCTION notify_calendar_day_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('calendar_day_changed', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER calendar_day_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_day
      FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_day_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER calendar_day_changed ON calendar_day`);
    await q.query(`DROP FUNCTION notify_calendar_day_changed()`);
    await q.query(`DROP TRIGGER app_user_truncated ON app_user`);
    await q.query(`DROP TRIGGER app_user_changed ON app_user`);
    await q.query(`DROP FUNCTION notify_app_user_changed()`);
  }
}
