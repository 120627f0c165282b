import type { Role } from './role.js';

/** The caller, as the guard knows it (CallerCache: from memory, evicted at once when the account changes). */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtCode: string | null;
  streetCode: string | null;
  insurerId: string | null;
  approvalLimit: bigint | null;
}
