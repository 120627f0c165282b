import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadDenialReasons } from '../seeds/denial-reasons.js';

/**
 * Denial reason codes become a catalogue (code, the Chinese text the refusal
 * notice prints, the policy clause it rests on) instead of a CHECK list. The
 * codes decisions already carry are loaded here, before the foreign key that
 * replaces the CHECK, so every existing decision keeps a valid reason.
 */
export class DenialReasons1766000000000 implements MigrationInterface {
  name = 'DenialReasons1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE denial_reason (
        code           varchar(30) PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
        name_zh        varchar(200) NOT NULL CHECK (btrim(name_zh) <> ''),
        policy_clause  text NOT NULL CHECK (btrim(policy_clause) <> ''),
        sort_order     integer NOT NULL UNIQUE,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await loadDenialReasons(q.manager);
    await q.query(`ALTER TABLE claim_decision DROP CONSTRAINT claim_decision_reason_code_check`);
    await q.query(`ALTER TABLE claim_decision ADD CONSTRAINT claim_decision_reason_code_fkey FOREIGN KEY (reason_code) REFERENCES denial_reason(code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_decision DROP CONSTRAINT claim_decision_reason_code_fkey`);
    await q.query(`
      ALTER TABLE claim_decision ADD CONSTRAINT claim_decision_reason_code_check
        CHECK (reason_code IN ('not_covered','excluded_cause','insufficient_evidence','duplicate','fraud','late','other'))`);
    await q.query(`DROP TABLE denial_reason`);
  }
}
