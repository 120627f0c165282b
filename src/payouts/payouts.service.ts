import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { DenialReasonsRepository } from '../catalog/denial-reasons.repository.js';
import { Role } from '../auth/role.js';
import { ClaimFlagsService } from '../claims/claim-flags.service.js';
import { ClaimWorkflow, type AllowedTransition } from '../claims/claim-workflow.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import type { Claim } from '../claims/entities/claim.entity.js';
import { DomainError } from '../common/domain-error.js';
import { formatMoney, parseMoney } from '../common/money.js';
import { Database } from '../database/database.js';
import { PoliciesRepository } from '../policies/policies.repository.js';
import type { AssessmentDto, DecisionDto } from './dto/payout.requests.js';
import { toPayoutQuoteResponse, type PayoutQuoteResponse } from './dto/payout-quote.response.js';
import { calculatePayout, quoteToJson, type PayoutQuote } from './payout-calculator.js';
import { PayoutsRepository } from './payouts.repository.js';

/**
 * Quote, assessment (核定), decision and closing, on a claim the caller has
 * locked and whose state the workflow has already allowed the action for
 * (ClaimLifecycleService), so a claim in the wrong state is never reported as
 * breaking the action's own rules.
 */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly workflow: ClaimWorkflow,
    private readonly flags: ClaimFlagsService,
    private readonly payouts: PayoutsRepository,
    private readonly policies: PoliciesRepository,
    private readonly denialReasons: DenialReasonsRepository,
  ) {}

  async quote(caller: AuthUser, id: string): Promise<PayoutQuoteResponse> {
    const claim = await this.claims.getInScope(this.db.manager, caller, id);
    return toPayoutQuoteResponse(await this.computeQuote(this.db.manager, claim));
  }

  async assess(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: AssessmentDto): Promise<void> {
    const { claim } = step;
    const requested = dto.amount === undefined ? undefined : parseMoney(dto.amount);
    const quote = await this.computeQuote(tx, claim);
    const amount = requested ?? quote.payable;
    if (amount > quote.payable) {
      throw DomainError.rule('ASSESSMENT_ABOVE_QUOTE', `An assessment may only lower the quote of ${formatMoney(quote.payable)}`, {
        quoted: formatMoney(quote.payable),
      });
    }
    if (amount < quote.payable && !dto.reason) {
      throw DomainError.validation('reason', `a reason is required to assess below the quote of ${formatMoney(quote.payable)}`);
    }
    // Claims filed since intake may make this one a duplicate; a new flag then requires a manager's approval.
    const flags = await this.flags.check(tx, claim);
    await this.payouts.insertAssessment(tx, {
      claimId: claim.id, assessorId: caller.id, quote: quoteToJson(quote), quotedAmount: quote.payable,
      amount, reason: dto.reason ?? null, assessedAt: new Date(),
    });
    await this.workflow.apply(tx, step, caller, {
      reason: dto.reason ?? null,
      changes: { assessedAmount: amount },
      auditData: {
        quoted: formatMoney(quote.payable), amount: formatMoney(amount), limitedBy: quote.limitedBy,
        flags: [...new Set(flags.map((flag) => flag.code))],
      },
    });
  }

  /** `step` is the transition for dto.decision (approve or deny). */
  async decide(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: DecisionDto): Promise<void> {
    if (dto.decision === 'deny') return this.deny(tx, caller, step, dto);
    if (dto.reasonCode !== undefined) throw DomainError.validation('reasonCode', 'only a denial takes a reason code');
    return this.approve(tx, caller, step, dto);
  }

  async close(tx: EntityManager, caller: AuthUser, step: AllowedTransition): Promise<void> {
    await this.workflow.apply(tx, step, caller, { changes: { closedAt: new Date() } });
  }

  /**
   * The claim row is locked; this locks the policy row next, so concurrent
   * approvals against one policy — from any number of app processes — see
   * each other's reservations before they compute what is left.
   */
  private async approve(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: DecisionDto): Promise<void> {
    const { claim } = step;
    const amount = mustHave(claim.assessedAmount, 'assessed amount');
    if (amount === 0n) throw DomainError.rule('NOTHING_PAYABLE', 'A claim assessed at 0.00 can only be denied');
    if (caller.approvalLimit === null || caller.approvalLimit < amount) {
      throw DomainError.rule('APPROVAL_LIMIT_EXCEEDED', `${formatMoney(amount)} is above your approval limit`, {
        amount: formatMoney(amount), approvalLimit: caller.approvalLimit === null ? null : formatMoney(caller.approvalLimit),
      });
    }
    const policy = await this.policies.findForUpdate(tx, claim.policyId);
    if (!policy) throw new Error(`claim ${claim.id} refers to a missing policy`);
    const flags = [...new Set((await this.claims.listFlags(tx, claim.id)).map((flag) => flag.code))];
    if (flags.length > 0 || amount > policy.fourEyesThreshold) {
      const why = flags.length > 0 ? `it is flagged (${flags.join(', ')})` : `it is above the four-eyes threshold of ${formatMoney(policy.fourEyesThreshold)}`;
      if (caller.role !== Role.InsurerManager) {
        throw DomainError.rule('MANAGER_REQUIRED', `This claim needs an insurer manager's approval: ${why}`, { flags });
      }
      const assessment = await this.payouts.findAssessment(tx, claim.id);
      if (assessment?.assessorId === caller.id) {
        throw DomainError.rule('FOUR_EYES_REQUIRED', `This claim must be approved by someone other than its assessor: ${why}`, { flags });
      }
    }
    // The same calculation as the quote, now that the policy row is locked: what is left cannot shrink under it.
    const { aggregateLeft, perPersonAnnualLeft } = await this.computeQuote(tx, claim);
    if (amount > aggregateLeft) {
      throw DomainError.rule('AGGREGATE_LIMIT_EXHAUSTED', `Only ${formatMoney(aggregateLeft)} is left of the policy's aggregate limit`, {
        amount: formatMoney(amount), aggregateLeft: formatMoney(aggregateLeft),
      });
    }
    if (amount > perPersonAnnualLeft) {
      throw DomainError.rule('PERSON_LIMIT_EXHAUSTED', `Only ${formatMoney(perPersonAnnualLeft)} is left of the resident's annual limit for this event`, {
        amount: formatMoney(amount), perPersonAnnualLeft: formatMoney(perPersonAnnualLeft),
      });
    }
    const decidedAt = new Date();
    await this.payouts.insertDecision(tx, {
      claimId: claim.id, decision: 'approve', approverId: caller.id, amount, reasonCode: null, note: dto.note ?? null, decidedAt,
    });
    await this.workflow.apply(tx, step, caller, {
      reason: dto.note ?? null,
      changes: { approvedAmount: amount, decidedAt },
      auditData: { amount: formatMoney(amount), flags },
    });
  }

  private async deny(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: DecisionDto): Promise<void> {
    const { claim } = step;
    const reasonCode = mustHave(dto.reasonCode, 'reasonCode');
    if (!(await this.denialReasons.exists(tx, reasonCode))) {
      throw DomainError.validation('reasonCode', `reasonCode ${JSON.stringify(reasonCode)} is not in the denial reason catalogue (GET /denial-reasons)`);
    }
    const decidedAt = new Date();
    await this.payouts.insertDecision(tx, {
      claimId: claim.id, decision: 'deny', approverId: caller.id, amount: null, reasonCode, note: dto.note ?? null, decidedAt,
    });
    await this.workflow.apply(tx, step, caller, {
      reason: dto.note ? `${reasonCode}: ${dto.note}` : reasonCode,
      changes: { decidedAt },
      auditData: { reasonCode },
    });
  }

  private async computeQuote(tx: EntityManager, claim: Claim): Promise<PayoutQuote> {
    if (claim.verifiedLoss === null) {
      throw DomainError.invalidTransition(claim.status, `A claim that is ${claim.status} has no verified loss to quote yet`);
    }
    return calculatePayout({ verifiedLoss: claim.verifiedLoss, ...(await this.policies.limitsFor(tx, claim)) });
  }
}

/** For columns the workflow guarantees in the current state (an assessed claim has an assessed amount). */
function mustHave<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`claim in this state has no ${what}`);
  return value;
}
