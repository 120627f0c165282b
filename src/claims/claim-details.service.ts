import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Database } from '../database/database.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { ClaimsRepository } from './claims.repository.js';
import { toClaimResponse, type ClaimResponse } from './dto/claim.response.js';

/** Builds the one claim shape every claim endpoint answers with. */
@Injectable()
export class ClaimDetailsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** The full claim, read through `tx` so it shows what the caller's transaction has just written. No scope check. */
  async load(tx: EntityManager, claimId: string): Promise<ClaimResponse> {
    return toClaimResponse(await this.claims.loadDetails(tx, claimId), await this.deadlines.viewOf(tx, claimId));
  }

  /** The full claim if the caller may see it, read from one snapshot so its parts agree with each other. */
  async getInScope(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.db.snapshot(async (tx) => {
      const claim = await this.claims.getInScope(tx, caller, id);
      return this.load(tx, claim.id);
    });
  }
}
