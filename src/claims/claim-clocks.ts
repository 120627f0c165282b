import type { EntityManager } from 'typeorm';
import type { ClaimAction } from './claim-workflow.js';

/**
 * The claim's deadline clocks, moved in the transaction of every filing and
 * transition. deadlines/ provides it (DeadlinesService); claims/ names only
 * what the workflow needs, so it does not depend on deadlines/.
 */
export interface ClaimClocks {
  track(tx: EntityManager, claim: { id: string; policyId: string }, event: ClaimAction | 'file'): Promise<void>;
}

export const CLAIM_CLOCKS = Symbol('ClaimClocks');
