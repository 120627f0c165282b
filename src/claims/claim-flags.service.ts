import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '../common/timestamp.js';
import { PoliciesRepository } from '../policies/policies.repository.js';
import { evaluateFlags, type CoverageTerms, type FlaggedClaim, type RaisedFlag } from './claim-flags.js';
import { ClaimsRepository, type FlagRow } from './claims.repository.js';
import type { Claim } from './entities/claim.entity.js';

@Injectable()
export class ClaimFlagsService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly policies: PoliciesRepository,
  ) {}

  /**
   * Evaluates every flag rule for the claim and stores the flags it does not
   * have yet, in the caller's transaction (idempotent; no audit event of its
   * own, so the caller's event should name the flags). Assessment calls it to
   * catch claims filed since intake. Returns every flag the claim now has.
   */
  /**
   * The flags a claim about to be filed raises, read-only: intake evaluates
   * them before taking the claim number, so the number's lock is not held
   * while other claims are searched. A claim filed at the same moment is not
   * seen here; assessment checks again and catches it.
   */
  async evaluate(tx: EntityManager, claim: FlaggedClaim, coverage: CoverageTerms): Promise<RaisedFlag[]> {
    return evaluateFlags(claim, coverage, await this.claims.findPossiblyRelated(tx, claim));
  }

  async check(tx: EntityManager, claim: Claim): Promise<FlagRow[]> {
    const coverage = await this.policies.findCoverageById(tx, claim.coverageId);
    const others = await this.claims.findPossiblyRelated(tx, claim);
    const flags = evaluateFlags({ ...claim, reportDate: shanghaiDate(claim.reportedAt) }, coverage, others);
    await this.claims.insertFlags(tx, claim.id, flags);
    return this.claims.listFlags(tx, claim.id);
  }
}
