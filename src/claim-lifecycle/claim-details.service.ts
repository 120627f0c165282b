import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { ClaimDetailsRepository, type ClaimRecord } from './claim-details.repository.js';
import { toClaimResponse, type ClaimResponse } from './dto/claim.response.js';

/**
 * Builds the one claim shape every claim endpoint answers with, from the
 * claim's own rows, each stage's records and its deadline: one statement for
 * the claim and everything it holds, one for the working-day calendar its
 * deadline is counted in.
 */
@Injectable()
export class ClaimDetailsService {
  constructor(
    private readonly db: Database,
    private readonly details: ClaimDetailsRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** The full claim, read through `tx` so it shows what the caller's transaction has just written. No scope check. */
  async load(tx: EntityManager, claimId: string): Promise<ClaimResponse> {
    const record = await this.details.find(tx, claimId);
    if (!record) throw new Error(`claim ${claimId} vanished`);
    return this.respond(tx, record);
  }

  /** The full claim if the caller may see it; out of scope reads as not found. */
  async getInScope(caller: AuthUser, id: string): Promise<ClaimResponse> {
    const record = await this.details.find(this.db.manager, id, caller);
    if (!record) throw DomainError.notFound('Claim');
    return this.respond(this.db.manager, record);
  }

  private async respond(db: EntityManager, { openClocks, ...details }: ClaimRecord): Promise<ClaimResponse> {
    return toClaimResponse(details, await this.deadlines.viewOfClocks(db, openClocks));
  }
}
