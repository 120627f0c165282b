/** A claim's number, `{districtCode}-{year}-{seq:6}` (350205-2022-000123): gap-free per district and policy year. */
export function claimNumber(districtCode: string, year: number, seq: number): string {
  return `${districtCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/** claimNumber as an SQL expression of the three SQL expressions, for a number taken and used in one statement. */
export function claimNumberSql(districtCode: string, year: string, seq: string): string {
  return `${districtCode} || '-' || ${year} || '-' || repeat('0', 6 - length(${seq}::text)) || ${seq}`;
}
