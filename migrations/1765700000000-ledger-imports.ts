import type { MigrationInterface, QueryRunner } from 'typeorm';

const PAYEE_COLUMNS = ['payee_account_name', 'payee_bank_name', 'payee_account_cipher', 'payee_account_index', 'payee_account_masked'];

/**
 * Historical Excel ledgers (台账): one row per imported file, unique by its
 * SHA-256 so the same file cannot be imported twice, and claims that say
 * where they came from. A ledger names no payee account, so only claims filed
 * in the system must have one. The import row is written after its claims
 * (it records their count), so the claims reference it DEFERRABLE.
 */
export class LedgerImports1765700000000 implements MigrationInterface {
  name = 'LedgerImports1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_import (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        district_code      varchar(6) NOT NULL REFERENCES district(code),
        year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        policy_id          uuid NOT NULL REFERENCES policy(id),
        file_name          varchar(255) NOT NULL,
        sha256             char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        row_count          integer NOT NULL CHECK (row_count > 0),
        residents_created  integer NOT NULL CHECK (residents_created >= 0),
        imported_by        uuid NOT NULL REFERENCES app_user(id),
        imported_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_import_sha256_uq UNIQUE (sha256)
      )`);
    await q.query(`CREATE INDEX ledger_import_district_idx ON ledger_import (district_code, imported_at DESC)`);

    await q.query(`ALTER TABLE claim ADD COLUMN source varchar(6) NOT NULL DEFAULT 'filed' CHECK (source IN ('filed', 'ledger'))`);
    await q.query(`ALTER TABLE claim ADD COLUMN ledger_import_id uuid REFERENCES ledger_import(id) DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE claim ADD COLUMN ledger_row integer CHECK (ledger_row > 1)`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_ledger_origin CHECK (
      (source = 'ledger') = (ledger_import_id IS NOT NULL) AND (ledger_import_id IS NULL) = (ledger_row IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX claim_ledger_row_uq ON claim (ledger_import_id, ledger_row) WHERE ledger_import_id IS NOT NULL`);
    for (const column of PAYEE_COLUMNS) await q.query(`ALTER TABLE claim ALTER COLUMN ${column} DROP NOT NULL`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_filed_has_payee CHECK (
      source = 'ledger' OR (${PAYEE_COLUMNS.map((column) => `${column} IS NOT NULL`).join(' AND ')}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Refuses (NOT NULL fails) while imported claims exist: reverting must not delete claims.
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_filed_has_payee`);
    for (const column of PAYEE_COLUMNS) await q.query(`ALTER TABLE claim ALTER COLUMN ${column} SET NOT NULL`);
    await q.query(`ALTER TABLE claim DROP COLUMN ledger_row, DROP COLUMN ledger_import_id, DROP COLUMN source`);
    await q.query(`DROP TABLE ledger_import`);
  }
}
