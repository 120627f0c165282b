import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/domain-error.js';
import { CLAIM_STATUSES, type ClaimStatus } from './claim-status.js';
import { nextState, TRANSITIONS, type ClaimAction } from './claim-workflow.js';

const at = (status: ClaimStatus, returnedFrom: ClaimStatus | null = null) => ({ status, returnedFrom });

describe('claim workflow', () => {
  it.each<[ClaimStatus, ClaimAction, ClaimStatus]>([
    ['reported', 'start_verification', 'verifying'],
    ['verifying', 'verify', 'verified'],
    ['verified', 'assess', 'assessed'],
    ['assessed', 'approve', 'approved'],
    ['assessed', 'deny', 'denied'],
    ['approved', 'pay', 'paid'],
    ['paid', 'close', 'closed'],
    ['denied', 'close', 'closed'],
    ['reported', 'withdraw', 'withdrawn'],
    ['verifying', 'withdraw', 'withdrawn'],
    ['verified', 'withdraw', 'withdrawn'],
    ['verifying', 'return', 'needs_info'],
    ['verified', 'return', 'needs_info'],
    ['assessed', 'return', 'needs_info'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextState(at(from), action).status).toBe(to);
  });

  it.each<ClaimStatus>(['verifying', 'verified', 'assessed'])('a claim returned from %s remembers it and resubmits back to it', (from) => {
    const returned = nextState(at(from), 'return');
    expect(returned).toEqual({ status: 'needs_info', returnedFrom: from });
    expect(nextState(returned, 'resubmit')).toEqual({ status: from, returnedFrom: null });
  });

  it('allows withdrawing a claim returned before assessment, not after', () => {
    expect(nextState(at('needs_info', 'verified'), 'withdraw').status).toBe('withdrawn');
    expect(() => nextState(at('needs_info', 'assessed'), 'withdraw')).toThrow(DomainError);
  });

  it.each<[ClaimStatus, ClaimAction]>([
    ['reported', 'verify'],
    ['reported', 'approve'],
    ['verified', 'approve'],
    ['assessed', 'pay'],
    ['approved', 'approve'],
    ['paid', 'pay'],
    ['paid', 'withdraw'],
    ['assessed', 'withdraw'],
    ['closed', 'close'],
    ['withdrawn', 'start_verification'],
    ['denied', 'pay'],
    ['approved', 'return'],
  ])('refuses to %s a claim with action %s, naming the current state', (status, action) => {
    try {
      nextState(at(status), action);
      throw new Error('expected INVALID_TRANSITION');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_TRANSITION');
      expect((error as DomainError).details[0]).toMatchObject({ field: 'status', currentStatus: status });
    }
  });

  it('has no transition out of the terminal states', () => {
    for (const terminal of ['closed', 'withdrawn'] as const) {
      for (const rule of Object.values(TRANSITIONS)) expect(rule.from).not.toContain(terminal);
    }
  });

  it('knows every status', () => {
    const reachable = new Set<string>(['reported', 'needs_info']);
    for (const rule of Object.values(TRANSITIONS)) if (rule.to !== 'returned_from') reachable.add(rule.to);
    expect([...reachable].sort()).toEqual([...CLAIM_STATUSES].sort());
  });
});
