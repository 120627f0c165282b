import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ClaimDetailsService } from '../claims/claim-details.service.js';
import { nextState, ClaimWorkflow } from '../claims/claim-workflow.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import type { ClaimResponse } from '../claims/dto/claim.response.js';
import { DomainError } from '../common/domain-error.js';
import { formatMoney } from '../common/money.js';
import type { PaymentDto } from './dto/payout.requests.js';
import { IdempotencyService, type IdempotentResponse } from './idempotency.service.js';
import { PayoutsRepository } from './payouts.repository.js';

const PAID = 200;

@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly workflow: ClaimWorkflow,
    private readonly details: ClaimDetailsService,
    private readonly payouts: PayoutsRepository,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Records the bank transfer of the approved amount, once per Idempotency-Key. */
  pay(caller: AuthUser, id: string, idempotencyKey: string, dto: PaymentDto): Promise<IdempotentResponse<ClaimResponse>> {
    const paidAt = new Date(dto.paidAt);
    if (paidAt.getTime() > Date.now()) throw DomainError.validation('paidAt', 'paidAt must not be in the future');
    // Keys are the caller's own: another user's identical key is a different request.
    const target = { scope: `${caller.id} POST /claims/${id}/payment`, key: idempotencyKey, request: dto };
    return this.db.transaction((tx) => this.idempotency.once(tx, target, PAID, async () => {
      const claim = await this.claims.lockInScope(tx, caller, id);
      nextState(claim, 'pay');
      const amount = claim.approvedAmount;
      if (amount === null) throw new Error('approved claim without an approved amount');
      await this.payouts.insertPayment(tx, { claimId: claim.id, amount, paidAt, bankReference: dto.bankReference, recordedBy: caller.id });
      await this.workflow.transition(tx, claim, 'pay', caller, {
        changes: { paidAmount: amount, paidAt },
        auditData: { amount: formatMoney(amount), bankReference: dto.bankReference, idempotencyKey },
      });
      return this.details.load(tx, claim.id);
    }));
  }
}
