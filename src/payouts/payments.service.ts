import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { ClaimDetailsService } from '../claims/claim-details.service.js';
import { nextState, ClaimWorkflow } from '../claims/claim-workflow.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import type { ClaimResponse } from '../claims/dto/claim.response.js';
import { DomainError } from '../common/domain-error.js';
import { formatMoney } from '../common/money.js';
import { Database } from '../database/database.js';
import type { PaymentDto } from './dto/payout.requests.js';
import { IdempotencyService, type IdempotentResponse } from './idempotency.service.js';
import { PayoutsRepository } from './payouts.repository.js';

const PAID = 200;
/** How far ahead of our clock the bank's may be before a payment time counts as the future. */
export const PAID_AT_CLOCK_SKEW_MS = 5 * 60_000;

@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly workflow: ClaimWorkflow,
    private readonly details: ClaimDetailsService,
    private readonly payouts: PayoutsRepository,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Records the bank transfer of the approved amount, once per Idempotency-Key. */
  pay(caller: AuthUser, id: string, idempotencyKey: string, dto: PaymentDto): Promise<IdempotentResponse<ClaimResponse>> {
    const paidAt = new Date(dto.paidAt);
    if (paidAt.getTime() > Date.now() + PAID_AT_CLOCK_SKEW_MS) {
      throw DomainError.rule('PAID_IN_FUTURE', 'paidAt must not be in the future', { paidAt: paidAt.toISOString() });
    }
    // Keys are the caller's own: another user's identical key is a different request.
    const target = { scope: `${caller.id} POST /claims/${id}/payment`, key: idempotencyKey, request: dto };
    return this.db.transaction((tx) => this.idempotency.once(tx, target, PAID, async () => {
      const claim = await this.claims.lockInScope(tx, caller, id);
      nextState(claim, 'pay');
      const { approvedAmount: amount, decidedAt: approvedAt } = claim;
      if (amount === null || approvedAt === null) throw new Error('approved claim without an approved amount or time');
      if (paidAt < approvedAt) {
        throw DomainError.rule('PAID_BEFORE_APPROVAL', `paidAt must not be before the approval at ${approvedAt.toISOString()}`, {
          paidAt: paidAt.toISOString(), approvedAt: approvedAt.toISOString(),
        });
      }
      await this.payouts.insertPayment(tx, { claimId: claim.id, amount, paidAt, bankReference: dto.bankReference, recordedBy: caller.id });
      await this.workflow.transition(tx, claim, 'pay', caller, {
        changes: { paidAmount: amount, paidAt },
        auditData: { amount: formatMoney(amount), bankReference: dto.bankReference, idempotencyKey },
      });
      return this.details.load(tx, claim.id);
    }));
  }
}
