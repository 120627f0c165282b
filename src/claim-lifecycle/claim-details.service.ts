import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import { Database } from '../database/database.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { PayoutsRepository } from '../payouts/payouts.repository.js';
import { VerificationRepository } from '../verification/verification.repository.js';
import { ClaimDetailsRepository } from './claim-details.repository.js';
import { toClaimResponse, type ClaimResponse } from './dto/claim.response.js';

/**
 * Builds the one claim shape every claim endpoint answers with, from the
 * claim's own rows, each stage's records and its deadline, in a fixed number of queries whatever the
 * claim holds.
 */
@Injectable()
export class ClaimDetailsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly details: ClaimDetailsRepository,
    private readonly verifications: VerificationRepository,
    private readonly payouts: PayoutsRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** The full claim, read through `tx` so it shows what the caller's transaction has just written. No scope check. */
  async load(tx: EntityManager, claimId: string): Promise<ClaimResponse> {
    const claim = await this.details.findWithNames(tx, claimId);
    return toClaimResponse({
      ...claim,
      documents: await this.claims.documentsOf(tx, claimId),
      flags: await this.claims.listFlags(tx, claimId),
      history: await this.claims.historyOf(tx, claimId),
      verification: await this.verifications.findByClaim(tx, claimId),
      ...(await this.payouts.recordsOf(tx, claimId)),
    }, await this.deadlines.viewOf(tx, claimId));
  }

  /** The full claim if the caller may see it, read from one snapshot so its parts agree with each other. */
  getInScope(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.db.snapshot(async (tx) => this.load(tx, (await this.claims.getInScope(tx, caller, id)).id));
  }
}
