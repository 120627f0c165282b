import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { scopeClaims } from '../claims/claim-scope.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import { Claim } from '../claims/entities/claim.entity.js';
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

  /** The claim, if the caller may see it (no caller: no scope, for a claim the transaction has just written). */
  async find(tx: EntityManager, claimId: string, caller?: AuthUser): Promise<ClaimRecord | null> {
    const json = {
      ...this.claims.claimRowsJson('c'),
      verification: this.verifications.verificationJson('c'),
      ...this.payouts.payoutRecordsJson('c'),
      openClocks: this.deadlines.openClocksJson('c'),
    };
    const query = tx.getRepository(Claim).createQueryBuilder('c')
      .innerJoin('policy', 'p', 'p.id = c.policy_id')
      .innerJoin('event_type', 'e', 'e.code = c.event_type')
      .innerJoin('resident', 'r', 'r.id = c.resident_id')
      .innerJoin('coverage', 'cv', 'cv.id = c.coverage_id')
      .addSelect('p.policy_no', 'policyNo')
      .addSelect('e.name_zh', 'eventTypeNameZh')
      .addSelect('r.name', 'residentName')
      .addSelect('r.id_number_masked', 'residentIdNumberMasked')
      .addSelect('cv.required_documents', 'requiredDocuments')
      .where('c.id = :claimId', { claimId });
    for (const [name, sql] of Object.entries(json)) query.addSelect(sql, name);
    if (caller) scopeClaims(query, caller);
    const { entities: [claim], raw: [row] } = await query.getRawAndEntities();
    if (!claim) return null;
    return {
      claim,
      policyNo: row.policyNo,
      eventTypeNameZh: row.eventTypeNameZh,
      resident: { id: claim.residentId, name: row.residentName, idNumberMasked: row.residentIdNumberMasked },
      requiredDocuments: row.requiredDocuments,
      ...this.claims.readClaimRows(tx, row),
      verification: this.verifications.readVerification(tx, row.verification),
      ...this.payouts.readPayoutRecords(tx, row),
      openClocks: this.deadlines.readOpenClocks(row.openClocks),
    };
  }
}
