import type { ClaimStatus } from './claim-status.js';
import { readTemplate } from '../common/templates.js';

/** Shape of templates/claim-status.zh.json: how a claim's state is told to the resident. */
export interface ClaimStatusText {
  statuses: Record<ClaimStatus, { statusZh: string; nextStep: string }>;
}

export function claimStatusText(status: ClaimStatus): { statusZh: string; nextStep: string } {
  return readTemplate<ClaimStatusText>('claim-status.zh.json').statuses[status];
}
