import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { claimScopeOf, type ClaimScope } from '../claims/claim-scope.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import { prepared } from '../database/prepared-statements.js';
import type { StageClock } from '../deadlines/deadline-rules.js';
import { DeadlinesRepository } from '../deadlines/deadlines.repository.js';
import { PayoutsRepository } from '../payouts/payouts.repository.js';
import { VerificationRepository } from '../verification/verification.repository.js';
import type { ClaimDetails } from './dto/claim.response.js';

/** A whole claim as its response needs it, with the clocks its deadline comes from. */
export type ClaimRecord = ClaimDetails & { openClocks: StageClock[] };

/**
 * The one read that joins across the modules' tables: the claim, the names
 * its response shows and every stage's rows, in one statement — so one
 * snapshot, one round trip, whatever the claim holds. Each stage says how
 * its rows are read (as a JSON column) and turned back into its entities.
 */
@Injectable()
export class ClaimDetailsRepository {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly verifications: VerificationRepository,
    private readonly payouts: PayoutsRepository,
    private readonly deadlines: DeadlinesRepository,
  ) {}

  /** The statement per scope column ('' for none), built once: only the scope's condition differs. */
  private readonly statements = new Map<string, string>();

  /** The claim, if the caller may see it (no caller: no scope, for a claim the transaction has just written). */
  async find(tx: EntityManager, claimId: string, caller?: AuthUser): Promise<ClaimRecord | null> {
    const scope = caller ? claimScopeOf(caller) : null;
    const [row] = await tx.query(this.statement(scope?.column), scope ? [claimId, scope.value] : [claimId]);
    if (!row) return null;
    const claimRows = this.claims.readClaimRows(tx, row);
    return {
      ...claimRows,
      policyNo: row.policyNo,
      eventTypeNameZh: row.eventTypeNameZh,
      resident: { id: claimRows.claim.residentId, name: row.residentName, idNumberMasked: row.residentIdNumberMasked },
      requiredDocuments: row.requiredDocuments,
      verification: this.verifications.readVerification(tx, row.verification),
      ...this.payouts.readPayoutRecords(tx, row),
      openClocks: this.deadlines.readOpenClocks(row.openClocks),
    };
  }

  private statement(scopeColumn: ClaimScope['column'] | undefined): string {
    let sql = this.statements.get(scopeColumn ?? '');
    if (sql === undefined) {
      const json = {
        ...this.claims.claimRowsJson('c'),
        verification: this.verifications.verificationJson('c'),
        ...this.payouts.payoutRecordsJson('c'),
        openClocks: this.deadlines.openClocksJson('c'),
      };
      sql = prepared(`SELECT p.policy_no AS "policyNo", e.name_zh AS "eventTypeNameZh",
                    r.name AS "residentName", r.id_number_masked AS "residentIdNumberMasked",
                    cv.required_documents AS "requiredDocuments",
                    ${Object.entries(json).map(([name, fragment]) => `${fragment} AS "${name}"`).join(',\n')}
               FROM claim c
               JOIN policy p ON p.id = c.policy_id
               JOIN event_type e ON e.code = c.event_type
               JOIN resident r ON r.id = c.resident_id
               JOIN coverage cv ON cv.id = c.coverage_id
              WHERE c.id = $1${scopeColumn ? ` AND c.${scopeColumn} = $2` : ''}`);
      this.statements.set(scopeColumn ?? '', sql);
    }
    return sql;
  }
}
