import { Injectable } from '@nestjs/common';
import { hydrate, hydrateAll } from '../database/hydrate.js';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { addDays } from '../common/business-date.js';
import { DomainError } from '../common/domain-error.js';
import { claimNumberSql } from './claim-number.js';
import { DUPLICATE_EVENT_WINDOW_DAYS, type OtherClaim, type RaisedFlag } from './claim-flags.js';
import { claimScopeOf, scopeClaims } from './claim-scope.js';
import type { FiledClaimWrite } from './claim-clocks.js';
import type { ClaimState, LedgerOutcome, TransitionChanges } from './claim-workflow.js';
import type { ClaimStatus } from './claim-status.js';
import { ClaimDocument } from './entities/claim-document.entity.js';
import { ClaimFlag, type FlagCode } from './entities/claim-flag.entity.js';
import { ClaimStatusChange } from './entities/claim-status-change.entity.js';
import { Claim } from './entities/claim.entity.js';
import { prepared } from '../database/prepared-statements.js';

/** The columns intake writes, filer included (reportedBy); the number is taken with the insert, status and the later amounts take their database defaults. */
export type NewFiledClaim = Pick<Claim,
  'id' | 'districtCode' | 'year' | 'streetCode' | 'policyId' | 'insurerId' | 'coverageId' | 'eventType'
  | 'residentId' | 'incidentDate' | 'incidentPlace' | 'description' | 'policeReportNo' | 'claimedAmount'
  | 'payeeAccountName' | 'payeeBankName' | 'payeeAccountCipher' | 'payeeAccountIndex' | 'payeeAccountMasked' | 'reportedAt'>;

/** A claim of a historical ledger, as the ledger records it; the workflow decides its status from `outcome`. */
export type HistoricalClaim = Pick<Claim,
  'claimNo' | 'districtCode' | 'year' | 'seq' | 'streetCode' | 'policyId' | 'insurerId' | 'coverageId' | 'eventType'
  | 'residentId' | 'incidentDate' | 'incidentPlace' | 'description' | 'claimedAmount' | 'assessedAmount' | 'approvedAmount'
  | 'paidAmount' | 'reportedBy' | 'reportedAt' | 'paidAt'> & { ledgerImportId: string; ledgerRow: number; outcome: LedgerOutcome };

type HistoryEntry = Omit<ClaimStatusChange, 'id' | 'at'> & { at?: Date };

/** What a transition writes on the claim row: its state and the columns set with it. */
export type StateChanges = TransitionChanges & ClaimState;

const STATE_COLUMNS: Record<keyof StateChanges, string> = {
  status: 'status', returnedFrom: 'returned_from', verifiedLoss: 'verified_loss', assessedAmount: 'assessed_amount',
  approvedAmount: 'approved_amount', paidAmount: 'paid_amount', decidedAt: 'decided_at', paidAt: 'paid_at', closedAt: 'closed_at',
};

/** A flag with the number of the claim it names. */
export interface FlagRow {
  code: FlagCode;
  relatedClaimId: string | null;
  relatedClaimNo: string | null;
  detail: string;
}

/** The claim table and what only the claim has: its number counter, status history, flags and documents. */
@Injectable()
export class ClaimsRepository {
  /** The claim if the caller may see it; 404 otherwise, whether it is absent or out of scope. */
  async getInScope(tx: EntityManager, caller: AuthUser, id: string): Promise<Claim> {
    return this.claimInScope(tx, caller, id, '');
  }

  /**
   * getInScope, with the claim row locked for a state change until the
   * transaction ends. FOR NO KEY UPDATE, not FOR UPDATE: it still serialises
   * changes of this claim but does not block (or deadlock with) inserts that
   * only reference it, such as another claim's flag naming this one.
   */
  async lockInScope(tx: EntityManager, caller: AuthUser, id: string): Promise<Claim> {
    return this.claimInScope(tx, caller, id, ' FOR NO KEY UPDATE OF c');
  }

  /** The statements of getInScope and lockInScope, per scope column and lock: SQL text built once, not a query builder per call. */
  private readonly inScopeStatements = new Map<string, string>();

  private async claimInScope(tx: EntityManager, caller: AuthUser, id: string, lock: string): Promise<Claim> {
    const scope = claimScopeOf(caller);
    const key = `${scope?.column ?? ''}${lock}`;
    let sql = this.inScopeStatements.get(key);
    if (sql === undefined) {
      sql = `SELECT to_jsonb(c) AS claim FROM claim c WHERE c.id = $1${scope ? ` AND c.${scope.column} = $2` : ''}${lock}`;
      this.inScopeStatements.set(key, sql);
    }
    const [row]: { claim: Record<string, unknown> }[] = await tx.query(sql, scope ? [id, scope.value] : [id]);
    if (!row) throw DomainError.notFound('Claim');
    return hydrate(tx, Claim, row.claim);
  }

  /**
   * The next claim number of the district and year, or the first of the next
   * `count` numbers. The counter row stays locked until the transaction ends,
   * so concurrent filings queue here, and a rollback takes its numbers back
   * with it: numbers are gap-free.
   */
  async nextSeq(tx: EntityManager, districtCode: string, year: number, count = 1): Promise<number> {
    const [{ last_seq: last }]: { last_seq: number }[] = await tx.query(takeNumbers('$1', '$2', '$3'), [districtCode, year, count]);
    return last - count + 1;
  }

  /**
   * Claims of a ledger import in one statement per call (unnest of one array
   * per column), with the status the workflow chose for each. Returns each
   * new claim's id with its ledger row.
   */
  async insertHistorical(tx: EntityManager, claims: (HistoricalClaim & { status: ClaimStatus })[]): Promise<{ id: string; ledgerRow: number; status: ClaimStatus }[]> {
    const column = <K extends keyof (HistoricalClaim & { status: ClaimStatus })>(key: K) => claims.map((claim) => claim[key]);
    const fenColumn = (key: 'claimedAmount' | 'assessedAmount' | 'approvedAmount' | 'paidAmount') =>
      claims.map((claim) => claim[key]?.toString() ?? null);
    return tx.query(
      `INSERT INTO claim (claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type,
                          resident_id, incident_date, incident_place, description, claimed_amount, assessed_amount,
                          approved_amount, paid_amount, status, reported_by, reported_at, paid_at, source, ledger_import_id, ledger_row)
       SELECT claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type,
              resident_id, incident_date, incident_place, description, claimed_amount, assessed_amount,
              approved_amount, paid_amount, status, reported_by, reported_at, paid_at, 'ledger', ledger_import_id, ledger_row
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::text[],
                     $10::uuid[], $11::date[], $12::text[], $13::text[], $14::bigint[], $15::bigint[],
                     $16::bigint[], $17::bigint[], $18::text[], $19::uuid[], $20::timestamptz[], $21::timestamptz[], $22::uuid[], $23::int[])
           AS t(claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type,
                resident_id, incident_date, incident_place, description, claimed_amount, assessed_amount,
                approved_amount, paid_amount, status, reported_by, reported_at, paid_at, ledger_import_id, ledger_row)
       RETURNING id, ledger_row AS "ledgerRow", status`,
      [column('claimNo'), column('districtCode'), column('year'), column('seq'), column('streetCode'), column('policyId'),
        column('insurerId'), column('coverageId'), column('eventType'), column('residentId'), column('incidentDate'),
        column('incidentPlace'), column('description'), fenColumn('claimedAmount'), fenColumn('assessedAmount'),
        fenColumn('approvedAmount'), fenColumn('paidAmount'), column('status'), column('reportedBy'),
        column('reportedAt'), column('paidAt'), column('ledgerImportId'), column('ledgerRow')],
    );
  }

  /**
   * A filed claim in one statement: its number from the district-year
   * counter, the claim row (status `reported` by default), its first history
   * entry, its flags and the other modules' `writes` of it (its clocks).
   * The counter row stays locked until the transaction ends, so concurrent
   * filings queue here, and a rollback takes the number back with it: numbers
   * are gap-free. Returns the number.
   */
  async insertFiled(
    tx: EntityManager, claim: NewFiledClaim, actorId: string, flags: RaisedFlag[], writes: FiledClaimWrite[],
  ): Promise<Pick<Claim, 'seq' | 'claimNo'>> {
    const params: unknown[] = [claim.id, claim.districtCode, claim.year, claim.streetCode, claim.policyId, claim.insurerId, claim.coverageId, claim.eventType,
      claim.residentId, claim.incidentDate, claim.incidentPlace, claim.description, claim.policeReportNo, claim.claimedAmount.toString(),
      claim.payeeAccountName, claim.payeeBankName, claim.payeeAccountCipher, claim.payeeAccountIndex, claim.payeeAccountMasked,
      actorId, claim.reportedAt,
      flags.map((f) => f.code), flags.map((f) => f.relatedClaimId), flags.map((f) => f.detail)];
    const param = (value: unknown) => `$${params.push(value)}`;
    const others = writes.map((write, i) => `, also${i} AS (${write('filed', param)})`).join('');
    const [filed]: Pick<Claim, 'seq' | 'claimNo'>[] = await tx.query(
      prepared(`WITH numbered AS (${takeNumbers('$2', '$3', '1')}), filed AS (
         INSERT INTO claim (id, claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type,
                            resident_id, incident_date, incident_place, description, police_report_no, claimed_amount,
                            payee_account_name, payee_bank_name, payee_account_cipher, payee_account_index, payee_account_masked,
                            reported_by, reported_at)
         SELECT $1, ${claimNumberSql('$2::text', '$3::int', 'last_seq')}, $2, $3, last_seq, $4, $5, $6, $7, $8,
                $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21
           FROM numbered
         RETURNING id, claim_no, seq
       ), history AS (
         INSERT INTO claim_status_change (claim_id, from_status, to_status, actor_id, at)
         SELECT id, NULL, 'reported', $20, $21 FROM filed
       ), flagged AS (
         INSERT INTO claim_flag (claim_id, code, related_claim_id, detail)
         SELECT filed.id, f.code, f.related_claim_id, f.detail
           FROM filed, unnest($22::varchar[], $23::uuid[], $24::varchar[]) AS f(code, related_claim_id, detail)
         ON CONFLICT DO NOTHING
       )${others}
       SELECT seq, claim_no AS "claimNo" FROM filed`),
      params,
    );
    return filed;
  }

  /**
   * Claims that share the resident (same event type, incident near the date),
   * the police report or the payee account (same year, another resident) with
   * the claim: the candidates evaluateFlags decides on, found by indexed columns.
   */
  findPossiblyRelated(tx: EntityManager, claim: Pick<Claim, 'id' | 'residentId' | 'eventType' | 'incidentDate' | 'policeReportNo' | 'payeeAccountIndex' | 'year'>): Promise<OtherClaim[]> {
    return tx.query(
      prepared(`SELECT id, claim_no AS "claimNo", resident_id AS "residentId", event_type AS "eventType",
              incident_date::text AS "incidentDate", year, police_report_no AS "policeReportNo",
              payee_account_index AS "payeeAccountIndex", status
         FROM claim
        WHERE id <> $1 AND status <> 'withdrawn'
          AND ((resident_id = $2 AND event_type = $3 AND incident_date BETWEEN $4 AND $5)
               OR police_report_no = $6
               OR (payee_account_index = $7 AND year = $8 AND resident_id <> $2))
        ORDER BY reported_at, claim_no`),
      [claim.id, claim.residentId, claim.eventType,
        addDays(claim.incidentDate, -DUPLICATE_EVENT_WINDOW_DAYS), addDays(claim.incidentDate, DUPLICATE_EVENT_WINDOW_DAYS),
        claim.policeReportNo, claim.payeeAccountIndex, claim.year],
    );
  }

  /** Adds the flags the claim does not have yet (unique on claim, code and related claim). */
  async insertFlags(tx: EntityManager, claimId: string, flags: RaisedFlag[]): Promise<void> {
    if (flags.length === 0) return;
    await tx.createQueryBuilder().insert().into(ClaimFlag)
      .values(flags.map((flag) => ({ claimId, ...flag })))
      .orIgnore().execute();
  }

  listFlags(tx: EntityManager, claimId: string): Promise<FlagRow[]> {
    return tx.query(
      `SELECT f.code, f.related_claim_id AS "relatedClaimId", r.claim_no AS "relatedClaimNo", f.detail
         FROM claim_flag f LEFT JOIN claim r ON r.id = f.related_claim_id
        WHERE f.claim_id = $1
        ORDER BY f.raised_at, f.code, r.claim_no`,
      [claimId],
    );
  }

  insertDocument(tx: EntityManager, document: Omit<ClaimDocument, 'id' | 'uploadedAt'>): Promise<ClaimDocument> {
    const repository = tx.getRepository(ClaimDocument);
    return repository.save(repository.create({ ...document, uploadedAt: new Date() }));
  }

  /** The sequence number of the claim's next document of this type; the caller holds the claim row lock. */
  async nextDocumentSeq(tx: EntityManager, claimId: string, type: string): Promise<number> {
    const [{ seq }]: { seq: number }[] = await tx.query(
      `SELECT coalesce(max(seq), 0) + 1 AS seq FROM claim_document WHERE claim_id = $1 AND type = $2`, [claimId, type]);
    return seq;
  }

  /** The document, when its claim is in the caller's scope. */
  findDocumentInScope(tx: EntityManager, caller: AuthUser, claimId: string, documentId: string): Promise<ClaimDocument | null> {
    const query = tx.getRepository(ClaimDocument).createQueryBuilder('d')
      .innerJoin(Claim, 'c', 'c.id = d.claim_id')
      .where('d.id = :documentId AND d.claim_id = :claimId', { documentId, claimId });
    return scopeClaims(query, caller).getOne();
  }

  /**
   * The workflow's write (ClaimWorkflow.apply is its only caller): status and
   * the columns set with it (and `updated_at`, as TypeORM's update set it),
   * and the history entry of the change, in one statement of SQL text.
   */
  async recordTransition(tx: EntityManager, claimId: string, changes: StateChanges, entry: Omit<HistoryEntry, 'claimId'>): Promise<void> {
    const params: unknown[] = [claimId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const set = (Object.keys(STATE_COLUMNS) as (keyof StateChanges)[])
      .filter((key) => changes[key] !== undefined)
      .map((key) => { const value = changes[key]; return `${STATE_COLUMNS[key]} = ${param(typeof value === 'bigint' ? value.toString() : value)}`; });
    await tx.query(
      `WITH changed AS (UPDATE claim SET ${set.join(', ')}, updated_at = CURRENT_TIMESTAMP WHERE id = $1 RETURNING id)
       INSERT INTO claim_status_change (claim_id, from_status, to_status, actor_id, reason, at)
       SELECT id, ${param(entry.fromStatus)}, ${param(entry.toStatus)}, ${param(entry.actorId)}, ${param(entry.reason)}, ${param(entry.at ?? new Date())}
         FROM changed`,
      params,
    );
  }

  /** History entries of a ledger import, in one statement. */
  async appendHistory(tx: EntityManager, changes: HistoryEntry | HistoryEntry[]): Promise<void> {
    const at = new Date();
    await tx.getRepository(ClaimStatusChange).insert([changes].flat().map((change) => ({ at, ...change })));
  }

  /**
   * The claim row, its documents, flags and history as JSON columns of a
   * larger query on `claim` aliased `alias` (ClaimDetailsRepository reads a
   * whole claim in one statement): documents by upload, flags as listFlags
   * orders them, history in order.
   */
  claimRowsJson(alias: string): Record<'claim' | 'documents' | 'flags' | 'history', string> {
    return {
      claim: `to_jsonb(${alias})`,
      documents: `(SELECT coalesce(jsonb_agg(to_jsonb(d) ORDER BY d.uploaded_at, d.id), '[]') FROM claim_document d WHERE d.claim_id = ${alias}.id)`,
      flags: `(SELECT coalesce(jsonb_agg(jsonb_build_object('code', f.code, 'relatedClaimId', f.related_claim_id, 'relatedClaimNo', r.claim_no, 'detail', f.detail)
                 ORDER BY f.raised_at, f.code, r.claim_no), '[]')
               FROM claim_flag f LEFT JOIN claim r ON r.id = f.related_claim_id WHERE f.claim_id = ${alias}.id)`,
      history: `(SELECT coalesce(jsonb_agg(to_jsonb(h) ORDER BY h.id), '[]') FROM claim_status_change h WHERE h.claim_id = ${alias}.id)`,
    };
  }

  readClaimRows(db: EntityManager, json: { claim: Record<string, unknown>; documents: Record<string, unknown>[]; flags: FlagRow[]; history: Record<string, unknown>[] }) {
    return {
      claim: hydrate(db, Claim, json.claim),
      documents: hydrateAll(db, ClaimDocument, json.documents),
      flags: json.flags,
      history: hydrateAll(db, ClaimStatusChange, json.history),
    };
  }
}

/** Takes `count` numbers of the district and year: the counter row, locked until the transaction ends, returns the last as last_seq. */
function takeNumbers(districtCode: string, year: string, count: string): string {
  return `INSERT INTO claim_counter (district_code, year, last_seq) VALUES (${districtCode}, ${year}, ${count})
          ON CONFLICT (district_code, year) DO UPDATE SET last_seq = claim_counter.last_seq + ${count}
          RETURNING last_seq`;
}
