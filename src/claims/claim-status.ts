export const CLAIM_STATUSES = [
  'reported', 'verifying', 'verified', 'needs_info', 'assessed',
  'approved', 'denied', 'paid', 'closed', 'withdrawn',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
