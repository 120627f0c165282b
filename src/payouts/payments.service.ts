import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ClaimWorkflow, type AllowedTransition } from '../claims/claim-workflow.js';
import { DomainError } from '../common/domain-error.js';
import { formatMoney } from '../common/money.js';
import type { PaymentDto } from './dto/payout.requests.js';
import { PayoutsRepository } from './payouts.repository.js';

/** How far ahead of our clock the bank's may be before a payment time counts as the future. */
export const PAID_AT_CLOCK_SKEW_MS = 5 * 60_000;

@Injectable()
export class PaymentsService {
  constructor(
    private readonly workflow: ClaimWorkflow,
    private readonly payouts: PayoutsRepository,
  ) {}

  /** Records the bank transfer of the approved amount; ClaimLifecycleService runs it once per Idempotency-Key. */
  async pay(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: PaymentDto, idempotencyKey: string): Promise<void> {
    const { claim } = step;
    const paidAt = new Date(dto.paidAt);
    if (paidAt.getTime() > Date.now() + PAID_AT_CLOCK_SKEW_MS) {
      throw DomainError.rule('PAID_IN_FUTURE', 'paidAt must not be in the future', { paidAt: paidAt.toISOString() });
    }
    const { approvedAmount: amount, decidedAt: approvedAt } = claim;
    if (amount === null || approvedAt === null) throw new Error('approved claim without an approved amount or time');
    if (paidAt < approvedAt) {
      throw DomainError.rule('PAID_BEFORE_APPROVAL', `paidAt must not be before the approval at ${approvedAt.toISOString()}`, {
        paidAt: paidAt.toISOString(), approvedAt: approvedAt.toISOString(),
      });
    }
    await this.payouts.insertPayment(tx, { claimId: claim.id, amount, paidAt, bankReference: dto.bankReference, recordedBy: caller.id });
    await this.workflow.apply(tx, step, caller, {
      changes: { paidAmount: amount, paidAt },
      auditData: { amount: formatMoney(amount), bankReference: dto.bankReference, idempotencyKey },
    });
  }
}
