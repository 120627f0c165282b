import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import { Database } from '../database/database.js';
import { PayoutsRepository } from '../payouts/payouts.repository.js';
import { VerificationRepository } from '../verification/verification.repository.js';
import { ClaimDetailsRepository } from './claim-details.repository.js';
import { toClaimResponse, type ClaimResponse } from './dto/claim.response.js';

/**
 * Builds the one claim shape every claim endpoint answers with, from the
 * claim's own rows and each stage's records, in eight queries whatever the
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
    });
  }

  /** The full claim if the caller may see it, read from one snapshot so its parts agree with each other. */
  getInScope(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.db.snapshot(async (tx) => this.load(tx, (await this.claims.getInScope(tx, caller, id)).id));
  }
}
