import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole domain schema. Invariants live here as well as in the services:
 * money is bigint fen and never negative, claim numbers are unique per
 * district and year, only one active policy covers a district on any day,
 * and the audit log cannot be updated or deleted.
 */
export class InitialSchema1764180000000 implements MigrationInterface {
  name = 'InitialSchema1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE seed_run (
        name        varchar(100) PRIMARY KEY,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE district (
        code        varchar(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name        varchar(100) NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE street (
        code           varchar(9) PRIMARY KEY CHECK (code ~ '^[0-9]{9}$'),
        district_code  varchar(6) NOT NULL REFERENCES district(code),
        name           varchar(100) NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CHECK (left(code, 6) = district_code)
      )`);
    await q.query(`CREATE INDEX street_district_idx ON street(district_code)`);

    await q.query(`
      CREATE TABLE insurer (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        varchar(200) NOT NULL UNIQUE,
        short_name  varchar(100),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE event_type (
        code                        varchar(50) PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
        name_zh                     varchar(100) NOT NULL,
        name_en                     varchar(200) NOT NULL,
        category                    varchar(20) NOT NULL,
        required_documents          text[] NOT NULL DEFAULT '{}',
        default_per_claim_limit     bigint NOT NULL CHECK (default_per_claim_limit > 0),
        default_deductible          bigint NOT NULL DEFAULT 0 CHECK (default_deductible >= 0),
        default_payout_ratio_bp     integer NOT NULL CHECK (default_payout_ratio_bp BETWEEN 0 AND 10000),
        default_report_window_days  integer NOT NULL CHECK (default_report_window_days > 0),
        sort_order                  integer NOT NULL,
        created_at                  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username        varchar(64) NOT NULL,
        password_hash   text NOT NULL,
        display_name    varchar(100) NOT NULL,
        role            varchar(20) NOT NULL CHECK (role IN ('street_cadre','insurer_adjuster','insurer_manager','district_officer','admin')),
        district_code   varchar(6) REFERENCES district(code),
        street_code     varchar(9) REFERENCES street(code),
        insurer_id      uuid REFERENCES insurer(id),
        approval_limit  bigint CHECK (approval_limit >= 0),
        active          boolean NOT NULL DEFAULT true,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (role <> 'street_cadre' OR (street_code IS NOT NULL AND district_code IS NOT NULL)),
        CHECK (role <> 'district_officer' OR district_code IS NOT NULL),
        CHECK (role NOT IN ('insurer_adjuster','insurer_manager') OR (insurer_id IS NOT NULL AND approval_limit IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username))`);

    await q.query(`
      CREATE TABLE policy (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_no            varchar(64) NOT NULL UNIQUE,
        district_code        varchar(6) NOT NULL REFERENCES district(code),
        insurer_id           uuid NOT NULL REFERENCES insurer(id),
        year                 integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        period_start         date NOT NULL,
        period_end           date NOT NULL,
        premium              bigint NOT NULL CHECK (premium >= 0),
        aggregate_limit      bigint NOT NULL CHECK (aggregate_limit > 0),
        four_eyes_threshold  bigint NOT NULL CHECK (four_eyes_threshold >= 0),
        status               varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','expired')),
        activated_at         timestamptz,
        created_by           uuid REFERENCES app_user(id),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start),
        EXCLUDE USING gist (district_code WITH =, daterange(period_start, period_end, '[]') WITH &&) WHERE (status = 'active')
      )`);
    await q.query(`CREATE UNIQUE INDEX policy_active_district_year_uq ON policy (district_code, year) WHERE status = 'active'`);
    await q.query(`CREATE INDEX policy_insurer_idx ON policy (insurer_id)`);

    await q.query(`
      CREATE TABLE coverage (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id                uuid NOT NULL REFERENCES policy(id) ON DELETE CASCADE,
        event_type               varchar(50) NOT NULL REFERENCES event_type(code),
        per_claim_limit          bigint NOT NULL CHECK (per_claim_limit > 0),
        per_person_annual_limit  bigint NOT NULL CHECK (per_person_annual_limit > 0),
        deductible               bigint NOT NULL CHECK (deductible >= 0),
        payout_ratio_bp          integer NOT NULL CHECK (payout_ratio_bp BETWEEN 0 AND 10000),
        report_window_days       integer NOT NULL CHECK (report_window_days > 0),
        required_documents       text[] NOT NULL DEFAULT '{}',
        UNIQUE (policy_id, event_type)
      )`);

    await q.query(`
      CREATE TABLE resident (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name               varchar(100) NOT NULL,
        id_number_cipher   text NOT NULL,
        id_number_index    char(64) NOT NULL UNIQUE,
        id_number_masked   varchar(18) NOT NULL,
        phone_cipher       text NOT NULL,
        phone_index        char(64) NOT NULL,
        phone_masked       varchar(20) NOT NULL,
        key_id             varchar(32) NOT NULL,
        district_code      varchar(6) NOT NULL REFERENCES district(code),
        street_code        varchar(9) NOT NULL REFERENCES street(code),
        address            varchar(300) NOT NULL,
        cover_basis        varchar(12) NOT NULL CHECK (cover_basis IN ('registered','resident','worker','student')),
        created_by         uuid REFERENCES app_user(id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (left(street_code, 6) = district_code)
      )`);
    await q.query(`CREATE INDEX resident_street_idx ON resident (street_code)`);
    await q.query(`CREATE INDEX resident_district_name_idx ON resident (district_code, name)`);

    await q.query(`
      CREATE TABLE claim_counter (
        district_code  varchar(6) NOT NULL REFERENCES district(code),
        year           integer NOT NULL,
        last_seq       integer NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (district_code, year)
      )`);

    await q.query(`
      CREATE TABLE claim (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_no              varchar(20) NOT NULL UNIQUE,
        district_code         varchar(6) NOT NULL REFERENCES district(code),
        year                  integer NOT NULL,
        seq                   integer NOT NULL CHECK (seq > 0),
        street_code           varchar(9) NOT NULL REFERENCES street(code),
        policy_id             uuid NOT NULL REFERENCES policy(id),
        insurer_id            uuid NOT NULL REFERENCES insurer(id),
        coverage_id           uuid NOT NULL REFERENCES coverage(id),
        event_type            varchar(50) NOT NULL REFERENCES event_type(code),
        resident_id           uuid NOT NULL REFERENCES resident(id),
        incident_date         date NOT NULL,
        incident_place        varchar(300) NOT NULL,
        description           text NOT NULL,
        police_report_no      varchar(64),
        claimed_amount        bigint NOT NULL CHECK (claimed_amount >= 0),
        payee_account_name    varchar(100) NOT NULL,
        payee_bank_name       varchar(100) NOT NULL,
        payee_account_cipher  text NOT NULL,
        payee_account_index   char(64) NOT NULL,
        payee_account_masked  varchar(40) NOT NULL,
        status                varchar(12) NOT NULL DEFAULT 'reported' CHECK (status IN ('reported','verifying','verified','needs_info','assessed','approved','denied','paid','closed','withdrawn')),
        returned_from         varchar(12) CHECK (returned_from IN ('verifying','verified','assessed')),
        verified_loss         bigint CHECK (verified_loss >= 0),
        assessed_amount       bigint CHECK (assessed_amount >= 0),
        approved_amount       bigint CHECK (approved_amount >= 0),
        paid_amount           bigint CHECK (paid_amount >= 0),
        reported_by           uuid NOT NULL REFERENCES app_user(id),
        reported_at           timestamptz NOT NULL DEFAULT now(),
        decided_at            timestamptz,
        paid_at               timestamptz,
        closed_at             timestamptz,
        updated_at            timestamptz NOT NULL DEFAULT now(),
        UNIQUE (district_code, year, seq),
        CHECK (paid_amount IS NULL OR paid_amount = approved_amount)
      )`);
    await q.query(`CREATE INDEX claim_street_reported_idx ON claim (street_code, reported_at DESC)`);
    await q.query(`CREATE INDEX claim_district_reported_idx ON claim (district_code, reported_at DESC)`);
    await q.query(`CREATE INDEX claim_insurer_reported_idx ON claim (insurer_id, reported_at DESC)`);
    await q.query(`CREATE INDEX claim_policy_idx ON claim (policy_id) INCLUDE (approved_amount)`);
    await q.query(`CREATE INDEX claim_resident_idx ON claim (resident_id, event_type, incident_date)`);
    await q.query(`CREATE INDEX claim_police_report_idx ON claim (police_report_no) WHERE police_report_no IS NOT NULL`);
    await q.query(`CREATE INDEX claim_payee_account_idx ON claim (payee_account_index)`);

    await q.query(`
      CREATE TABLE claim_flag (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id          uuid NOT NULL REFERENCES claim(id),
        code              varchar(30) NOT NULL CHECK (code IN ('DUPLICATE_EVENT','POLICE_REPORT_REUSED','BANK_ACCOUNT_SHARED','LATE_REPORT','HIGH_AMOUNT')),
        related_claim_id  uuid REFERENCES claim(id),
        detail            varchar(300) NOT NULL DEFAULT '',
        raised_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX claim_flag_uq ON claim_flag (claim_id, code, coalesce(related_claim_id, '00000000-0000-0000-0000-000000000000'))`);

    await q.query(`
      CREATE TABLE claim_status_change (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        claim_id     uuid NOT NULL REFERENCES claim(id),
        from_status  varchar(12),
        to_status    varchar(12) NOT NULL,
        actor_id     uuid NOT NULL REFERENCES app_user(id),
        at           timestamptz NOT NULL DEFAULT now(),
        reason       text
      )`);
    await q.query(`CREATE INDEX claim_status_change_claim_idx ON claim_status_change (claim_id, id)`);

    await q.query(`
      CREATE TABLE claim_document (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id     uuid NOT NULL REFERENCES claim(id),
        type         varchar(40) NOT NULL,
        file_name    varchar(255) NOT NULL,
        mime_type    varchar(50) NOT NULL CHECK (mime_type IN ('application/pdf','image/jpeg','image/png')),
        size         bigint NOT NULL CHECK (size > 0),
        sha256       char(64) NOT NULL,
        uploaded_by  uuid NOT NULL REFERENCES app_user(id),
        uploaded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claim_document_claim_idx ON claim_document (claim_id)`);

    await q.query(`
      CREATE TABLE claim_verification (
        claim_id        uuid PRIMARY KEY REFERENCES claim(id),
        started_by      uuid NOT NULL REFERENCES app_user(id),
        started_at      timestamptz NOT NULL DEFAULT now(),
        verifier_id     uuid REFERENCES app_user(id),
        visited_at      timestamptz,
        participants    text[],
        findings        text,
        verified_loss   bigint CHECK (verified_loss >= 0),
        recommendation  varchar(4) CHECK (recommendation IN ('pay','deny')),
        recorded_at     timestamptz
      )`);

    await q.query(`
      CREATE TABLE claim_assessment (
        claim_id       uuid PRIMARY KEY REFERENCES claim(id),
        assessor_id    uuid NOT NULL REFERENCES app_user(id),
        quote          jsonb NOT NULL,
        quoted_amount  bigint NOT NULL CHECK (quoted_amount >= 0),
        amount         bigint NOT NULL CHECK (amount >= 0),
        reason         text,
        assessed_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (amount <= quoted_amount),
        CHECK (amount = quoted_amount OR reason IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE claim_decision (
        claim_id     uuid PRIMARY KEY REFERENCES claim(id),
        decision     varchar(7) NOT NULL CHECK (decision IN ('approve','deny')),
        approver_id  uuid NOT NULL REFERENCES app_user(id),
        amount       bigint CHECK (amount >= 0),
        reason_code  varchar(30) CHECK (reason_code IN ('not_covered','excluded_cause','insufficient_evidence','duplicate','fraud','late','other')),
        note         text,
        decided_at   timestamptz NOT NULL DEFAULT now(),
        CHECK (decision <> 'approve' OR amount IS NOT NULL),
        CHECK (decision <> 'deny' OR reason_code IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE payment (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id        uuid NOT NULL UNIQUE REFERENCES claim(id),
        amount          bigint NOT NULL CHECK (amount > 0),
        paid_at         timestamptz NOT NULL,
        bank_reference  varchar(100) NOT NULL,
        recorded_by     uuid NOT NULL REFERENCES app_user(id),
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE idempotency_key (
        key              varchar(200) NOT NULL,
        scope            varchar(200) NOT NULL,
        request_hash     char(64) NOT NULL,
        response_status  integer,
        response_body    jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);

    await q.query(`
      CREATE TABLE audit_event (
        seq        bigint PRIMARY KEY CHECK (seq > 0),
        at         timestamptz NOT NULL,
        actor_id   uuid,
        action     varchar(60) NOT NULL,
        entity     varchar(40) NOT NULL,
        entity_id  varchar(100),
        district_code varchar(6),
        data       jsonb NOT NULL DEFAULT '{}',
        prev_hash  char(64) NOT NULL,
        hash       char(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_event_district_idx ON audit_event (district_code, seq)`);
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event', 'idempotency_key', 'payment', 'claim_decision', 'claim_assessment',
      'claim_verification', 'claim_document', 'claim_status_change', 'claim_flag', 'claim',
      'claim_counter', 'resident', 'coverage', 'policy', 'app_user', 'event_type', 'insurer',
      'street', 'district', 'seed_run',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_event_is_append_only()`);
  }
}
