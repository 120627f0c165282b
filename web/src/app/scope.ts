import { useQueries, useQuery } from '@tanstack/react-query';
import {
  insurersControllerListOptions, regionsControllerListDistrictsOptions, regionsControllerListStreetsOptions,
} from '../api/@tanstack/react-query.gen.js';
import type { UserResponse } from '../api/types.gen.js';

const DAY = 24 * 3600 * 1000;

/** The district of a street code: its first six digits (GB/T 2260). */
export const districtOfStreet = (streetCode: string) => streetCode.slice(0, 6);

export function useStreets(districtCode: string | null | undefined) {
  return useQuery({
    ...regionsControllerListStreetsOptions({ path: { code: districtCode ?? '' } }),
    enabled: Boolean(districtCode),
    staleTime: DAY,
  });
}

export function useDistricts() {
  return useQuery({ ...regionsControllerListDistrictsOptions(), staleTime: DAY });
}

export function useInsurers(enabled = true) {
  return useQuery({ ...insurersControllerListOptions(), enabled, staleTime: DAY });
}

/** "海沧区 海沧街道", "中国人民财产保险…", "全部" — what the header shows as the user's scope. */
export function useScopeText(me: UserResponse): string {
  const districtCode = me.districtCode ?? (me.streetCode ? districtOfStreet(me.streetCode) : null);
  const districts = useDistricts();
  const streets = useStreets(me.streetCode ? districtCode : null);
  const insurers = useInsurers(me.insurerId !== null);
  if (me.role === 'admin') return '全部区县';
  if (me.insurerId) {
    const insurer = insurers.data?.find((i) => i.id === me.insurerId);
    return insurer?.shortName ?? insurer?.name ?? '';
  }
  const district = districts.data?.find((d) => d.code === districtCode)?.name ?? '';
  const street = me.streetCode ? streets.data?.find((s) => s.code === me.streetCode)?.name ?? '' : '';
  return [district, street].filter(Boolean).join(' ');
}

/** Street code → name among `streets`; the code itself for a street not (yet) loaded. */
export const streetNameIn = (streets: { code: string; name: string }[] | undefined) =>
  (code: string): string => streets?.find((s) => s.code === code)?.name ?? code;

/** Street code → name for the streets of a district. */
export function useStreetNames(districtCode: string | null | undefined): (code: string) => string {
  return streetNameIn(useStreets(districtCode).data);
}

export interface VisibleStreet {
  code: string;
  name: string;
  districtName: string;
}

/**
 * The streets of the districts the caller works in: a cadre's or an
 * officer's district; for insurer staff and the admin, who have no district,
 * every district the API lists for them (an insurer's: those of its policies).
 */
export function useVisibleStreets(me: UserResponse): VisibleStreet[] {
  const districts = useDistricts();
  const own = me.districtCode ?? (me.streetCode ? districtOfStreet(me.streetCode) : null);
  const codes = own ? [own] : (districts.data ?? []).map((d) => d.code);
  const streets = useQueries({
    queries: codes.map((code) => ({ ...regionsControllerListStreetsOptions({ path: { code } }), staleTime: DAY })),
  });
  return codes.flatMap((code, i) => {
    const districtName = districts.data?.find((d) => d.code === code)?.name ?? code;
    return (streets[i]?.data ?? []).map((street) => ({ code: street.code, name: street.name, districtName }));
  });
}
