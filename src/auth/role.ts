export const Role = {
  StreetCadre: 'street_cadre',
  InsurerAdjuster: 'insurer_adjuster',
  InsurerManager: 'insurer_manager',
  DistrictOfficer: 'district_officer',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);
export const INSURER_ROLES: readonly Role[] = [Role.InsurerAdjuster, Role.InsurerManager];
