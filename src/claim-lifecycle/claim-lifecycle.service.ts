import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ClaimWorkflow, type AllowedTransition, type ClaimAction } from '../claims/claim-workflow.js';
import { ClaimsRepository } from '../claims/claims.repository.js';
import { ClaimsService } from '../claims/claims.service.js';
import type { CreateClaimDto, WithdrawClaimDto } from '../claims/dto/claim.requests.js';
import { Database } from '../database/database.js';
import type { AssessmentDto, DecisionDto, PaymentDto } from '../payouts/dto/payout.requests.js';
import { IdempotencyService, type IdempotentResponse } from '../payouts/idempotency.service.js';
import { PaymentsService } from '../payouts/payments.service.js';
import { PayoutsService } from '../payouts/payouts.service.js';
import type { RecordVerificationDto, ReturnClaimDto } from '../verification/dto/verification.requests.js';
import { VerificationService } from '../verification/verification.service.js';
import { ClaimDetailsService } from './claim-details.service.js';
import type { ClaimResponse } from './dto/claim.response.js';

const PAID = 200;

/** What a stage does to a claim the workflow has allowed the action for. */
type Stage = (tx: EntityManager, step: AllowedTransition) => Promise<void>;

/**
 * Every change of a claim, in one shape: one transaction locks the claim in
 * the caller's scope (404 otherwise), asks the workflow once whether its
 * state allows the action (409 otherwise), lets the stage check its own
 * rules and write its rows and the transition, and answers with the claim as
 * that transaction now sees it.
 */
@Injectable()
export class ClaimLifecycleService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly workflow: ClaimWorkflow,
    private readonly details: ClaimDetailsService,
    private readonly intake: ClaimsService,
    private readonly verification: VerificationService,
    private readonly payouts: PayoutsService,
    private readonly payments: PaymentsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * The filing commits first and its answer is read after: the district's
   * counter row and audit chain head, held from the claim number to commit,
   * then queue the next filing for two round trips fewer. Only its filer
   * knows the new id yet, so the read sees the claim as it was committed.
   */
  async file(caller: AuthUser, dto: CreateClaimDto): Promise<ClaimResponse> {
    const id = await this.db.transaction((tx) => this.intake.file(tx, caller, dto));
    return this.details.load(this.db.manager, id);
  }

  get(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.details.getInScope(caller, id);
  }

  withdraw(caller: AuthUser, id: string, dto: WithdrawClaimDto): Promise<ClaimResponse> {
    return this.act(caller, id, 'withdraw', (tx, step) => this.intake.withdraw(tx, caller, step, dto));
  }

  startVerification(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.act(caller, id, 'start_verification', (tx, step) => this.verification.start(tx, caller, step));
  }

  recordVerification(caller: AuthUser, id: string, dto: RecordVerificationDto): Promise<ClaimResponse> {
    return this.act(caller, id, 'verify', (tx, step) => this.verification.record(tx, caller, step, dto));
  }

  returnForInformation(caller: AuthUser, id: string, dto: ReturnClaimDto): Promise<ClaimResponse> {
    return this.act(caller, id, 'return', (tx, step) => this.verification.returnForInformation(tx, caller, step, dto));
  }

  resubmit(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.act(caller, id, 'resubmit', (tx, step) => this.verification.resubmit(tx, caller, step));
  }

  assess(caller: AuthUser, id: string, dto: AssessmentDto): Promise<ClaimResponse> {
    return this.act(caller, id, 'assess', (tx, step) => this.payouts.assess(tx, caller, step, dto));
  }

  decide(caller: AuthUser, id: string, dto: DecisionDto): Promise<ClaimResponse> {
    return this.act(caller, id, dto.decision, (tx, step) => this.payouts.decide(tx, caller, step, dto));
  }

  close(caller: AuthUser, id: string): Promise<ClaimResponse> {
    return this.act(caller, id, 'close', (tx, step) => this.payouts.close(tx, caller, step));
  }

  /** The whole action runs at most once per Idempotency-Key; keys are the caller's own, so another user's identical key is a different request. */
  pay(caller: AuthUser, id: string, idempotencyKey: string, dto: PaymentDto): Promise<IdempotentResponse<ClaimResponse>> {
    const target = { scope: `${caller.id} POST /claims/${id}/payment`, key: idempotencyKey, request: dto };
    return this.db.transaction((tx) => this.idempotency.once(tx, target, PAID,
      () => this.actIn(tx, caller, id, 'pay', (_, step) => this.payments.pay(tx, caller, step, dto, idempotencyKey))));
  }

  private act(caller: AuthUser, id: string, action: ClaimAction, stage: Stage): Promise<ClaimResponse> {
    return this.db.transaction((tx) => this.actIn(tx, caller, id, action, stage));
  }

  private async actIn(tx: EntityManager, caller: AuthUser, id: string, action: ClaimAction, stage: Stage): Promise<ClaimResponse> {
    const claim = await this.claims.lockInScope(tx, caller, id);
    await stage(tx, this.workflow.allow(claim, action));
    return this.details.load(tx, claim.id);
  }
}
