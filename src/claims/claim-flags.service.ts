import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '../common/timestamp.js';
import { PoliciesRepository } from '../policies/policies.repository.js';
import { evaluateFlags } from './claim-flags.js';
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
   * own, so the caller's event should name the flags). Intake calls it after
   * taking the claim number, which queues filings of one district and year, so
   * a claim filed just before is seen; assessment calls it again to catch
   * claims filed since. Returns every flag the claim now has.
   */
  async check(tx: EntityManager, claim: Claim): Promise<FlagRow[]> {
    const coverage = await this.policies.findCoverageById(tx, claim.coverageId);
    const others = await this.claims.findPossiblyRelated(tx, claim);
    const flags = evaluateFlags({ ...claim, reportDate: shanghaiDate(claim.reportedAt) }, coverage, others);
    await this.claims.insertFlags(tx, claim.id, flags);
    return this.claims.listFlags(tx, claim.id);
  }
}
