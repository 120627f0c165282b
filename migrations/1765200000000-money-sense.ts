import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A verified loss above the claimed amount is explained by the verifier and
 * flagged LOSS_ABOVE_CLAIM; a payment is never dated before its approval.
 */
export class MoneySense1765200000000 implements MigrationInterface {
  name = 'MoneySense1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_flag DROP CONSTRAINT claim_flag_code_check`);
    await q.query(`ALTER TABLE claim_flag ADD CONSTRAINT claim_flag_code_check
      CHECK (code IN ('DUPLICATE_EVENT','POLICE_REPORT_REUSED','BANK_ACCOUNT_SHARED','LATE_REPORT','HIGH_AMOUNT','LOSS_ABOVE_CLAIM'))`);
    await q.query(`ALTER TABLE claim_verification ADD COLUMN loss_above_claim_reason text
      CONSTRAINT claim_verification_loss_reason_check CHECK (loss_above_claim_reason ~ '\\S')`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_paid_after_decision CHECK (paid_at >= decided_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_paid_after_decision`);
    await q.query(`ALTER TABLE claim_verification DROP COLUMN loss_above_claim_reason`);
    await q.query(`ALTER TABLE claim_flag DROP CONSTRAINT claim_flag_code_check`);
    await q.query(`ALTER TABLE claim_flag ADD CONSTRAINT claim_flag_code_check
      CHECK (code IN ('DUPLICATE_EVENT','POLICE_REPORT_REUSED','BANK_ACCOUNT_SHARED','LATE_REPORT','HIGH_AMOUNT'))`);
  }
}
