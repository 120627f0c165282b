import { useQueryClient } from '@tanstack/react-query';
import { claimsControllerGetQueryKey, claimsControllerListQueryKey } from '../api/@tanstack/react-query.gen.js';
import type { ClaimResponse } from '../api/types.gen.js';

/** After a change of a claim: its page shows the claim the API returned; lists reload. */
export function useClaimChanged(): (claim: ClaimResponse) => void {
  const queryClient = useQueryClient();
  return (claim) => {
    queryClient.setQueryData(claimsControllerGetQueryKey({ path: { id: claim.id } }), claim);
    void queryClient.invalidateQueries({ predicate: (q) => (q.queryKey[0] as { _id?: string })?._id === claimsControllerListQueryKey()[0]._id });
  };
}

/** A random UUID also outside secure contexts (the console opened over http on a LAN address has no crypto.randomUUID). */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
