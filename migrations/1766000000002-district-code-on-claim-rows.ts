import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table whose rows belong to one claim. */
const CLAIM_ROWS = [
  'claim_flag', 'claim_status_change', 'claim_document', 'claim_verification', 'claim_assessment', 'claim_decision', 'payment', 'claim_deadline',
];

/**
 * The district code on every row a claim owns, tied to the claim's own by a
 * composite foreign key (district_code, claim_id) → claim (district_code, id).
 * This is what a distributed PostgreSQL (Citus) needs to keep a claim and its
 * rows on one shard, distributed by district_code (docs/SCALING.md); on one
 * server it costs a column and makes the invariant "a claim's rows are in its
 * district" part of the schema. The app does not write the column: a trigger
 * copies it from the claim on insert, so no insert path can get it wrong.
 */
export class DistrictCodeOnClaimRows1766000000002 implements MigrationInterface {
  name = 'DistrictCodeOnClaimRows1766000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_district_id_uq UNIQUE (district_code, id)`);
    await q.query(`
      CREATE FUNCTION claim_row_district_code() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT district_code INTO STRICT NEW.district_code FROM claim WHERE id = NEW.claim_id;
        RETURN NEW;
      END $$`);
    for (const table of CLAIM_ROWS) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN district_code varchar(6)`);
      await q.query(`UPDATE ${table} t SET district_code = c.district_code FROM claim c WHERE c.id = t.claim_id`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN district_code SET NOT NULL,
        ADD CONSTRAINT ${table}_claim_district_fk FOREIGN KEY (district_code, claim_id) REFERENCES claim (district_code, id)`);
      await q.query(`CREATE TRIGGER ${table}_district_code BEFORE INSERT ON ${table}
        FOR EACH ROW EXECUTE FUNCTION claim_row_district_code()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of CLAIM_ROWS) {
      await q.query(`DROP TRIGGER ${table}_district_code ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN district_code`);
    }
    await q.query(`DROP FUNCTION claim_row_district_code()`);
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_district_id_uq`);
  }
}
