import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { CLAIM_CLOCKS, type ClaimClocks, type PolicyTerms } from './claim-clocks.js';
import type { ClaimStatus } from './claim-status.js';
import type { RaisedFlag } from './claim-flags.js';
import { ClaimsRepository, type HistoricalClaim, type NewFiledClaim } from './claims.repository.js';
import type { Claim } from './entities/claim.entity.js';
import { RESIDENT_NOTIFIER, type ResidentNotifier } from './resident-notifier.js';

export type ClaimAction =
  | 'start_verification' | 'verify' | 'return' | 'resubmit' | 'assess'
  | 'approve' | 'deny' | 'pay' | 'close' | 'withdraw';

/** 'returned_from' means: back to the state the claim was returned from. */
type Target = ClaimStatus | 'returned_from';

/** The claim workflow of DESIGN.md, as data. */
export const TRANSITIONS: Record<ClaimAction, { from: readonly ClaimStatus[]; to: Target }> = {
  start_verification: { from: ['reported'], to: 'verifying' },
  verify: { from: ['verifying'], to: 'verified' },
  return: { from: ['verifying', 'verified', 'assessed'], to: 'needs_info' },
  resubmit: { from: ['needs_info'], to: 'returned_from' },
  assess: { from: ['verified'], to: 'assessed' },
  approve: { from: ['assessed'], to: 'approved' },
  deny: { from: ['assessed'], to: 'denied' },
  pay: { from: ['approved'], to: 'paid' },
  close: { from: ['paid', 'denied'], to: 'closed' },
  withdraw: { from: ['reported', 'verifying', 'verified', 'needs_info'], to: 'withdrawn' },
};

export interface ClaimState {
  status: ClaimStatus;
  returnedFrom: ClaimStatus | null;
}

/** The state an action leads to, or INVALID_TRANSITION naming the current state. */
export function nextState(claim: ClaimState, action: ClaimAction): ClaimState {
  const rule = TRANSITIONS[action];
  // A claim returned after assessment has been reviewed: it can no longer be withdrawn.
  const withdrawAfterReview = action === 'withdraw' && claim.status === 'needs_info' && claim.returnedFrom === 'assessed';
  if (!rule.from.includes(claim.status) || withdrawAfterReview) {
    throw DomainError.invalidTransition(claim.status, `Cannot ${action.replace('_', ' ')} a claim that is ${claim.status}`);
  }
  if (rule.to === 'returned_from') {
    if (!claim.returnedFrom) throw new Error('needs_info claim without returned_from');
    return { status: claim.returnedFrom, returnedFrom: null };
  }
  return { status: rule.to, returnedFrom: action === 'return' ? claim.status : null };
}

/** How a claim of a historical ledger ended, in the ledger's words 已赔付, 拒赔, 撤案 and 处理中. */
export type LedgerOutcome = 'paid' | 'denied' | 'withdrawn' | 'pending';

/**
 * The state a ledger claim enters the system in. One still in progress
 * starts as reported: its verification and assessment happen here, through
 * the transitions above.
 */
export const LEDGER_OUTCOME_STATUS: Record<LedgerOutcome, ClaimStatus> = {
  paid: 'paid', denied: 'denied', withdrawn: 'withdrawn', pending: 'reported',
};

/**
 * How a ledger words a claim's state, for the export: the inverse of
 * LEDGER_OUTCOME_STATUS, with a closed claim by whether it was paid and
 * every state still under review as 处理中.
 */
export function ledgerOutcomeOf(status: ClaimStatus, paid: boolean): LedgerOutcome {
  if (status === 'paid' || (status === 'closed' && paid)) return 'paid';
  if (status === 'denied' || status === 'closed') return 'denied';
  return status === 'withdrawn' ? 'withdrawn' : 'pending';
}

/** Columns a transition may set alongside the status (never status itself). */
export type TransitionChanges = Partial<Pick<Claim,
  'verifiedLoss' | 'assessedAmount' | 'approvedAmount' | 'paidAmount' | 'decidedAt' | 'paidAt' | 'closedAt'>>;

/** An action the claim's state allows, checked once before the stage's own rules run. */
export interface AllowedTransition {
  readonly claim: Claim;
  readonly action: ClaimAction;
  readonly next: ClaimState;
}

/**
 * The one writer of `claim.status`. A stage asks `allow` first (409 when the
 * state does not allow the action), checks its own rules, writes its own
 * rows and then `apply`s the transition: the claim's columns, its status
 * history, its deadline clocks, the resident's notification (outbox) and its audit event, all in the caller's
 * transaction. The caller
 * must have locked the claim row (ClaimsRepository.lockInScope).
 */
@Injectable()
export class ClaimWorkflow {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly audit: AuditService,
    @Inject(CLAIM_CLOCKS) private readonly clocks: ClaimClocks,
    @Inject(RESIDENT_NOTIFIER) private readonly notifier: ResidentNotifier,
  ) {}

  allow(claim: Claim, action: ClaimAction): AllowedTransition {
    return { claim, action, next: nextState(claim, action) };
  }

  async apply(
    tx: EntityManager,
    { claim, action, next }: AllowedTransition,
    actor: AuthUser,
    options: { reason?: string | null; changes?: TransitionChanges; auditData?: Record<string, unknown> } = {},
  ): Promise<void> {
    const from = claim.status;
    const changes = { ...(options.changes ?? {}), ...next };
    await this.claims.recordTransition(tx, claim.id, changes, { fromStatus: from, toStatus: next.status, actorId: actor.id, reason: options.reason ?? null });
    Object.assign(claim, changes);
    await this.clocks.track(tx, claim, action);
    await this.notifier.transitioned(tx, claim, action);
    await this.audit.record(tx, claimEvent(claim, action, actor, {
      from, to: next.status, reason: options.reason ?? null, ...(options.auditData ?? {}),
    }));
  }

  /**
   * A new claim, filed: its number, the row (inserted as `reported`), its
   * first history entry, its flags and its clocks in one statement, then the
   * resident's message and its audit event. The number's counter row is held
   * from then to commit, so what can come before does: the caller's checks
   * and reads, and the clocks' own read.
   */
  async file(
    tx: EntityManager, claim: NewFiledClaim, actor: AuthUser, flags: RaisedFlag[], auditData: Record<string, unknown>, policy: PolicyTerms,
  ): Promise<void> {
    const startClocks = await this.clocks.prepareFiling(tx, policy);
    const number = await this.claims.insertFiled(tx, claim, actor.id, flags, [startClocks]);
    const filed = { ...claim, ...number, status: 'reported' as const, approvedAmount: null, paidAmount: null };
    await this.notifier.transitioned(tx, filed, 'file');
    await this.audit.record(tx, claimEvent(filed, 'file', actor, auditData));
  }

  /**
   * Claims of a historical ledger, entered in the state the ledger records:
   * no transition ran in this system, so each gets one history entry, from
   * nothing to that state, naming the import and its row. The import's one
   * audit event (LedgerImportService) covers them all.
   */
  async importHistorical(tx: EntityManager, claims: HistoricalClaim[], actor: AuthUser, importId: string): Promise<void> {
    const inserted = await this.claims.insertHistorical(tx, claims.map((claim) => ({ ...claim, status: LEDGER_OUTCOME_STATUS[claim.outcome] })));
    await this.claims.appendHistory(tx, inserted.map((claim) => ({
      claimId: claim.id, fromStatus: null, toStatus: claim.status, actorId: actor.id,
      reason: `ledger import ${importId}, row ${claim.ledgerRow}`,
    })));
  }
}

/** The audit event of a claim's filing or transition; the demo seed records its generated claims' steps with it too. */
export function claimEvent(
  claim: Pick<Claim, 'id' | 'claimNo' | 'districtCode'>, action: ClaimAction | 'file', actor: AuditEntry['actor'], data: Record<string, unknown>,
): AuditEntry {
  return {
    actor, action: `claim.${action}`, entity: 'claim', entityId: claim.id, districtCode: claim.districtCode,
    data: { claimNo: claim.claimNo, ...data },
  };
}
