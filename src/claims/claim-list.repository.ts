import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { prepared } from '../database/prepared-statements.js';
import { runningClockSql } from './claim-clocks.js';
import { claimScopeOf } from './claim-scope.js';
import type { ClaimStatus } from './claim-status.js';
import type { FlagCode } from './entities/claim-flag.entity.js';

export interface ClaimListFilter {
  status?: ClaimStatus[];
  flags?: FlagCode[];
  overdue?: boolean;
  /** The business date `overdue` is judged on (the Clock's today). */
  today?: string;
  eventType?: string;
  streetCode?: string;
  from?: string;
  to?: string;
  q?: string;
}

/** One line of the claim list: the claim with its resident and event names and its flag codes. */
export interface ClaimListRow {
  id: string;
  claimNo: string;
  status: ClaimStatus;
  districtCode: string;
  streetCode: string;
  eventType: string;
  eventTypeNameZh: string;
  residentId: string;
  residentName: string;
  residentIdNumberMasked: string;
  incidentDate: string;
  claimedAmount: string;
  approvedAmount: string | null;
  reportedAt: Date;
  flags: FlagCode[];
}

/** One claim as the ledger export shows it; money in fen as text, the ID number and phone masked or as ciphertext. */
export interface ClaimExportRow {
  claimNo: string;
  reportDate: string;
  incidentDate: string;
  streetName: string;
  residentName: string;
  idNumber: string;
  phone: string;
  eventTypeNameZh: string;
  incidentPlace: string;
  claimedAmount: string;
  assessedAmount: string | null;
  paidAmount: string | null;
  paidDate: string | null;
  status: ClaimStatus;
  description: string;
}

/**
 * The caller's claims as lists: the claim list's pages and count and the
 * ledger export's pages, one filter (SQL text built from it, scope first)
 * for all three.
 */
@Injectable()
export class ClaimListRepository {
  /** One page of the caller's claims, newest first, with their flag codes: two statements for any page size. */
  async listInScope(tx: EntityManager, caller: AuthUser, filter: ClaimListFilter, offset: number, limit: number): Promise<[ClaimListRow[], number]> {
    const filtered = filteredInScope(caller, filter);
    const total = await this.countFiltered(tx, filtered);
    const { params } = filtered;
    // One JSON value per line: pg decodes one field a row instead of fifteen.
    const lines: { line: Omit<ClaimListRow, 'reportedAt'> & { reportedAt: string } }[] = await tx.query(
      prepared(`SELECT json_build_object('id', c.id, 'claimNo', c.claim_no, 'status', c.status, 'districtCode', c.district_code,
                'streetCode', c.street_code, 'eventType', c.event_type, 'eventTypeNameZh', e.name_zh,
                'residentId', r.id, 'residentName', r.name, 'residentIdNumberMasked', r.id_number_masked,
                'incidentDate', c.incident_date::text, 'claimedAmount', c.claimed_amount::text, 'approvedAmount', c.approved_amount::text,
                'reportedAt', c.reported_at,
                'flags', ARRAY(SELECT DISTINCT f.code FROM claim_flag f WHERE f.claim_id = c.id ORDER BY f.code)) AS line
         ${fromFiltered(filtered, 'JOIN event_type e ON e.code = c.event_type')}
        ORDER BY c.reported_at DESC, c.claim_no DESC
        OFFSET $${params.length + 1} LIMIT $${params.length + 2}`),
      [...params, offset, limit],
    );
    const rows = lines.map(({ line }) => ({ ...line, reportedAt: new Date(line.reportedAt) }));
    return [rows, total];
  }

  countInScope(tx: EntityManager, caller: AuthUser, filter: ClaimListFilter): Promise<number> {
    return this.countFiltered(tx, filteredInScope(caller, filter));
  }

  private async countFiltered(tx: EntityManager, filtered: FilteredClaims): Promise<number> {
    // Without a text search the count needs no resident: one scan of the claim index the scope leads.
    const [{ total }]: { total: number }[] = await tx.query(
      prepared(`SELECT count(*)::int AS total ${fromFiltered(filtered, '', filtered.searchesResident)}`), filtered.params);
    return total;
  }

  /**
   * The next `limit` claims of the ledger export after `afterClaimNo`, in
   * claim number order (keyset paging: each page is one index range, however
   * deep). The ciphertexts are read only for an unmasked export.
   */
  exportPage(tx: EntityManager, caller: AuthUser, filter: ClaimListFilter, afterClaimNo: string, limit: number, unmasked: boolean): Promise<ClaimExportRow[]> {
    const filtered = filteredInScope(caller, filter);
    filtered.where.push(`c.claim_no > $${filtered.params.push(afterClaimNo)}`);
    return tx.query(
      `SELECT c.claim_no AS "claimNo", to_char(c.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "reportDate",
              c.incident_date::text AS "incidentDate", s.name AS "streetName", r.name AS "residentName",
              ${unmasked ? 'r.id_number_cipher' : 'r.id_number_masked'} AS "idNumber",
              ${unmasked ? 'r.phone_cipher' : 'r.phone_masked'} AS "phone",
              e.name_zh AS "eventTypeNameZh", c.incident_place AS "incidentPlace",
              c.claimed_amount::text AS "claimedAmount", c.assessed_amount::text AS "assessedAmount", c.paid_amount::text AS "paidAmount",
              to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "paidDate", c.status, c.description
         ${fromFiltered(filtered, 'JOIN event_type e ON e.code = c.event_type JOIN street s ON s.code = c.street_code')}
        ORDER BY c.claim_no
        LIMIT $${filtered.params.length + 1}`,
      [...filtered.params, limit],
    );
  }
}

/** The conditions on claim `c` and resident `r` of a filtered list, and their parameters ($1, $2, …). */
interface FilteredClaims {
  where: string[];
  params: unknown[];
  /** a condition reads the resident `r` (the text search) */
  searchesResident: boolean;
}

/** The caller's claims matching the list filters, as SQL text built from the filter alone. */
function filteredInScope(caller: AuthUser, filter: ClaimListFilter): FilteredClaims {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  let searchesResident = false;
  const scope = claimScopeOf(caller);
  if (scope) where.push(`c.${scope.column} = ${param(scope.value)}`);
  if (filter.status?.length) where.push(`c.status = ANY(${param(filter.status)})`);
  // claim_flag_uq leads with claim_id: one index probe per candidate claim.
  if (filter.flags?.length) where.push(`EXISTS (SELECT 1 FROM claim_flag f WHERE f.claim_id = c.id AND f.code = ANY(${param(filter.flags)}))`);
  if (filter.overdue !== undefined) {
    where.push(`${filter.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM claim_deadline d WHERE d.claim_id = c.id
      AND ${runningClockSql('d')} AND d.due_date < ${param(filter.today)})`);
  }
  if (filter.eventType) where.push(`c.event_type = ${param(filter.eventType)}`);
  if (filter.streetCode) where.push(`c.street_code = ${param(filter.streetCode)}`);
  if (filter.from) where.push(`c.incident_date >= ${param(filter.from)}`);
  if (filter.to) where.push(`c.incident_date <= ${param(filter.to)}`);
  if (filter.q) {
    const q = param(filter.q);
    searchesResident = true;
    where.push(`(strpos(c.claim_no, ${q}) > 0 OR strpos(r.name, ${q}) > 0 OR strpos(c.incident_place, ${q}) > 0
      OR strpos(coalesce(c.police_report_no, ''), ${q}) > 0)`);
  }
  return { where, params, searchesResident };
}

/** The FROM and WHERE of filtered claims, with the further `joins` a statement needs; the resident `r` unless left out. */
function fromFiltered({ where }: FilteredClaims, joins = '', withResident = true): string {
  return `FROM claim c${withResident ? ' JOIN resident r ON r.id = c.resident_id' : ''} ${joins}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}
