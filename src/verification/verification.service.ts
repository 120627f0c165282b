import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { ClaimDetailsService } from '../claims/claim-details.service.js';
import { ClaimFlagsService } from '../claims/claim-flags.service.js';
import { nextState, ClaimWorkflow } from '../claims/claim-workflow.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import type { ClaimResponse } from '../claims/dto/claim.response.js';
import type { Claim } from '../claims/entities/claim.entity.js';
import { DomainError } from '../common/domain-error.js';
import { formatMoney, parseMoney } from '../common/money.js';
import { shanghaiDate } from '../common/timestamp.js';
import { Database } from '../database/database.js';
import type { RecordVerificationDto, ReturnClaimDto } from './dto/verification.requests.js';
import { VerificationRepository } from './verification.repository.js';

/**
 * Street verification (街镇核查) and the needs-information loop. Each action
 * first asks the workflow whether the claim's state allows it (`nextState`
 * throws 409 INVALID_TRANSITION), so a claim in the wrong state is never
 * reported as breaking the action's own rules.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly workflow: ClaimWorkflow,
    private readonly details: ClaimDetailsService,
    private readonly flags: ClaimFlagsService,
    private readonly verifications: VerificationRepository,
  ) {}

  start(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.db.transaction(async (tx) => {
      const claim = await this.claims.lockInScope(tx, caller, id);
      nextState(claim, 'start_verification');
      assertNotFiler(claim, caller);
      await this.verifications.start(tx, claim.id, caller.id);
      await this.workflow.transition(tx, claim, 'start_verification', caller);
      return this.details.load(tx, claim.id);
    });
  }

  record(caller: AuthUser, id: string, dto: RecordVerificationDto): Promise<ClaimResponse> {
    const visitedAt = new Date(dto.visitedAt);
    if (visitedAt.getTime() > Date.now()) throw DomainError.validation('visitedAt', 'visitedAt must not be in the future');
    const verifiedLoss = parseMoney(dto.verifiedLoss);
    return this.db.transaction(async (tx) => {
      const claim = await this.claims.lockInScope(tx, caller, id);
      nextState(claim, 'verify');
      assertNotFiler(claim, caller);
      if (shanghaiDate(visitedAt) < claim.incidentDate) {
        throw DomainError.validation('visitedAt', `visitedAt must not be before the incident (${claim.incidentDate})`);
      }
      assertLossExplained(claim, verifiedLoss, dto.lossAboveClaimReason);
      const missing = await this.verifications.missingDocuments(tx, claim);
      if (missing.length > 0) {
        const message = `Documents required before verification: ${missing.join(', ')}`;
        throw new DomainError('RULE_VIOLATION', message, [
          { field: 'DOCUMENTS_MISSING', message, missing },
          ...missing.map((type) => ({ field: 'documents', message: `no ${type} document uploaded`, documentType: type })),
        ]);
      }
      await this.verifications.recordVisit(tx, claim.id, {
        verifierId: caller.id, visitedAt, participants: dto.participants, findings: dto.findings,
        verifiedLoss, recommendation: dto.recommendation, lossAboveClaimReason: dto.lossAboveClaimReason ?? null,
      });
      const flags = await this.flags.check(tx, { ...claim, verifiedLoss });
      await this.workflow.transition(tx, claim, 'verify', caller, {
        changes: { verifiedLoss },
        auditData: {
          verifiedLoss: formatMoney(verifiedLoss), recommendation: dto.recommendation,
          lossAboveClaimReason: dto.lossAboveClaimReason ?? null, flags: [...new Set(flags.map((flag) => flag.code))],
        },
      });
      return this.details.load(tx, claim.id);
    });
  }

  /** The street returns a claim during its verification; the insurer during review (verified or assessed). */
  returnForInformation(caller: AuthUser, id: string, dto: ReturnClaimDto): Promise<ClaimResponse> {
    return this.db.transaction(async (tx) => {
      const claim = await this.claims.lockInScope(tx, caller, id);
      nextState(claim, 'return');
      if (caller.role === Role.StreetCadre) {
        if (claim.status !== 'verifying') throw wrongReviewer(claim, 'the insurer returns a claim after verification');
        assertNotFiler(claim, caller);
      } else if (claim.status === 'verifying') {
        throw wrongReviewer(claim, 'the street returns a claim during verification');
      }
      await this.workflow.transition(tx, claim, 'return', caller, { reason: dto.reason });
      return this.details.load(tx, claim.id);
    });
  }

  resubmit(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.db.transaction(async (tx) => {
      const claim = await this.claims.lockInScope(tx, caller, id);
      await this.workflow.transition(tx, claim, 'resubmit', caller);
      return this.details.load(tx, claim.id);
    });
  }
}

/** Four eyes on the street: whoever filed a claim may not verify it. */
function assertNotFiler(claim: Claim, caller: AuthUser): void {
  if (claim.reportedBy === caller.id) {
    throw DomainError.rule('SAME_PERSON_VERIFIES', 'A claim must be verified by a cadre other than the one who filed it');
  }
}

/** A loss found above what was claimed is explained (and flagged); one at or below it needs no explanation. */
function assertLossExplained(claim: Claim, verifiedLoss: bigint, reason: string | undefined): void {
  const above = verifiedLoss > claim.claimedAmount;
  if (above && reason === undefined) {
    throw DomainError.validation('lossAboveClaimReason', `a reason is required for a verified loss above the claimed ${formatMoney(claim.claimedAmount)}`);
  }
  if (!above && reason !== undefined) {
    throw DomainError.validation('lossAboveClaimReason', `only a verified loss above the claimed ${formatMoney(claim.claimedAmount)} takes a reason`);
  }
}

/** A return by a reviewer whose stage it is not: the claim's state does not allow it for them. */
function wrongReviewer(claim: Claim, why: string): DomainError {
  return DomainError.invalidTransition(claim.status, `Cannot return a claim that is ${claim.status}: ${why}`);
}
