import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox: one row per message to a resident, written in the
 * transaction of the claim transition it tells of, and the source of truth of
 * its delivery (the pg-boss job in its own schema only wakes the worker).
 * The row's id is the idempotency key passed to the provider; a row is marked
 * sent once, by a conditional update.
 */
export class NotificationOutbox1766200000000 implements MigrationInterface {
  name = 'NotificationOutbox1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id          uuid NOT NULL REFERENCES claim(id),
        district_code     varchar(6) NOT NULL,
        template          varchar(40) NOT NULL,
        channel           varchar(10) NOT NULL CHECK (channel IN ('sms', 'log')),
        recipient_cipher  text NOT NULL,
        recipient_masked  varchar(20) NOT NULL,
        body              text NOT NULL CHECK (btrim(body) <> ''),
        status            varchar(6) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error        text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        sent_at           timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT notification_claim_district_fk FOREIGN KEY (district_code, claim_id) REFERENCES claim (district_code, id)
      )`);
    // Like every claim-owned row (DistrictCodeOnClaimRows1766000000002): the district copied from the claim on insert.
    await q.query(`CREATE TRIGGER notification_district_code BEFORE INSERT ON notification
      FOR EACH ROW EXECUTE FUNCTION claim_row_district_code()`);
    await q.query(`CREATE INDEX notification_claim_idx ON notification (claim_id, created_at)`);
    await q.query(`CREATE INDEX notification_queued_idx ON notification (created_at) WHERE status = 'queued'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
