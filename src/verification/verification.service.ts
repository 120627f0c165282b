import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { ClaimFlagsService } from '../claims/claim-flags.service.js';
import { ClaimWorkflow, type AllowedTransition } from '../claims/claim-workflow.js';
import type { Claim } from '../claims/entities/claim.entity.js';
import { DomainError } from '../common/domain-error.js';
import { formatMoney, parseMoney } from '../common/money.js';
import { shanghaiDate } from '../common/timestamp.js';
import type { RecordVerificationDto, ReturnClaimDto } from './dto/verification.requests.js';
import { VerificationRepository } from './verification.repository.js';

/**
 * Street verification (街镇核查) and the needs-information loop, on a claim
 * the caller has locked and whose state the workflow has already allowed
 * the action for (ClaimLifecycleService), so a claim in the wrong state is
 * never reported as breaking the action's own rules.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly workflow: ClaimWorkflow,
    private readonly flags: ClaimFlagsService,
    private readonly verifications: VerificationRepository,
  ) {}

  async start(tx: EntityManager, caller: AuthUser, step: AllowedTransition): Promise<void> {
    assertNotFiler(step.claim, caller);
    await this.verifications.start(tx, step.claim.id, caller.id);
    await this.workflow.apply(tx, step, caller);
  }

  async record(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: RecordVerificationDto): Promise<void> {
    const { claim } = step;
    const visitedAt = new Date(dto.visitedAt);
    if (visitedAt.getTime() > Date.now()) throw DomainError.validation('visitedAt', 'visitedAt must not be in the future');
    const verifiedLoss = parseMoney(dto.verifiedLoss);
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
    await this.workflow.apply(tx, step, caller, {
      changes: { verifiedLoss },
      auditData: {
        verifiedLoss: formatMoney(verifiedLoss), recommendation: dto.recommendation,
        lossAboveClaimReason: dto.lossAboveClaimReason ?? null, flags: [...new Set(flags.map((flag) => flag.code))],
      },
    });
  }

  /** The street returns a claim during its verification; the insurer during review (verified or assessed). */
  async returnForInformation(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: ReturnClaimDto): Promise<void> {
    const { claim } = step;
    if (caller.role === Role.StreetCadre) {
      if (claim.status !== 'verifying') throw wrongReviewer(claim, 'the insurer returns a claim after verification');
      assertNotFiler(claim, caller);
    } else if (claim.status === 'verifying') {
      throw wrongReviewer(claim, 'the street returns a claim during verification');
    }
    await this.workflow.apply(tx, step, caller, { reason: dto.reason });
  }

  async resubmit(tx: EntityManager, caller: AuthUser, step: AllowedTransition): Promise<void> {
    await this.workflow.apply(tx, step, caller);
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
