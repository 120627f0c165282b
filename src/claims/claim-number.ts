/** A claim's number, `{districtCode}-{year}-{seq:6}` (350205-2022-000123): gap-free per district and policy year. */
export function claimNumber(districtCode: string, year: number, seq: number): string {
  return `${districtCode}-${year}-${String(seq).padStart(6, '0')}`;
}
