import type { Role } from './role.js';

/** The caller, as loaded fresh from the database on every request. */
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
