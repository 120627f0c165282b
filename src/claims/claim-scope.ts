import type { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';

/**
 * Restricts a query on `claim` (aliased `alias`) to what the caller may see:
 * a cadre their street, a district officer their district, insurer staff
 * their insurer's policies, an admin everything.
 */
export function scopeClaims<T extends object>(query: SelectQueryBuilder<T>, caller: AuthUser, alias = 'c'): SelectQueryBuilder<T> {
  switch (caller.role) {
    case Role.Admin:
      return query;
    case Role.StreetCadre:
      return query.andWhere(`${alias}.street_code = :scopeStreet`, { scopeStreet: caller.streetCode });
    case Role.DistrictOfficer:
      return query.andWhere(`${alias}.district_code = :scopeDistrict`, { scopeDistrict: caller.districtCode });
    case Role.InsurerAdjuster:
    case Role.InsurerManager:
      return query.andWhere(`${alias}.insurer_id = :scopeInsurer`, { scopeInsurer: caller.insurerId });
  }
}
