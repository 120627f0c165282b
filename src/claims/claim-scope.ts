import type { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';

/** The `claim` column a caller's claims are restricted by, and its value. */
export interface ClaimScope {
  column: 'street_code' | 'district_code' | 'insurer_id';
  /** null when the caller's account lacks it: then nothing matches, as in SQL. */
  value: string | null;
}

/**
 * What the caller may see: a cadre their street, a district officer their
 * district, insurer staff their insurer's policies; null for an admin, who
 * sees everything.
 */
export function claimScopeOf(caller: AuthUser): ClaimScope | null {
  switch (caller.role) {
    case Role.Admin:
      return null;
    case Role.StreetCadre:
      return { column: 'street_code', value: caller.streetCode };
    case Role.DistrictOfficer:
      return { column: 'district_code', value: caller.districtCode };
    case Role.InsurerAdjuster:
    case Role.InsurerManager:
      return { column: 'insurer_id', value: caller.insurerId };
  }
}

/** Restricts a query on `claim` (aliased `alias`) to what the caller may see (claimScopeOf). */
export function scopeClaims<T extends object>(query: SelectQueryBuilder<T>, caller: AuthUser, alias = 'c'): SelectQueryBuilder<T> {
  const scope = claimScopeOf(caller);
  return scope ? query.andWhere(`${alias}.${scope.column} = :claimScope`, { claimScope: scope.value }) : query;
}
