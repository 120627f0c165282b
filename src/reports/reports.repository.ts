import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { scopeClaims } from '../claims/claim-scope.js';
import type { ClaimStatus } from '../claims/claim-status.js';
import { DEADLINE_STAGES, type DeadlineStage } from '../deadlines/deadline-rules.js';
import { parseMoney, toFen } from '../common/money.js';
import type { PayoutStepJson } from '../payouts/payout-calculator.js';
import type {
  AnnualFigures, BreakdownOf, Fen, MultiYearFigures, PayoutNotice, PolicySummaryOf, ReportTotalsOf, Timeliness,
} from './render/report-types.js';

/**
 * Whose figures a report shows: one district, and for insurer staff only the
 * claims and policies of their insurer.
 */
export interface ReportScope {
  districtCode: string;
  insurerId: string | null;
}

/** pg returns bigint and numeric as text: report queries select money as text and it becomes fen here. */
type AsText<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] };

/** The summary as its query reads it: what the claims used comes from PoliciesRepository.limitsUsed. */
export type PolicySummaryFigures = Omit<PolicySummaryOf<Fen>, 'aggregateUsed'> & { policyId: string };

/** One stage's finished clocks: done by the due date, or after it. */
interface TimelinessRow {
  stage: DeadlineStage;
  onTime: number;
  late: number;
  onTimeShare: string;
}

/** Policies that count for a report: activated ones (a draft never had claims). */
const REPORTED_POLICY = `p.status IN ('active', 'expired')`;

/**
 * "Denied" without joining claim_decision: the workflow closes a claim only
 * from paid or denied, so a closed claim without a payment was denied.
 */
const DENIED = `status = 'denied' OR (status = 'closed' AND paid_amount IS NULL)`;
const PENDING = `status IN ('reported', 'verifying', 'verified', 'needs_info', 'assessed')`;

/**
 * Every report query reads claims through claim_report_idx (district_code,
 * year, covering the columns below), so a district's year is an index-only
 * scan however many claims the table holds. Parameters: $1 district code,
 * $2 policy year, $3 insurer id or null.
 */
const POLICY_SUMMARY_SQL = `
  SELECT p.id AS "policyId", p.policy_no AS "policyNo", i.name AS insurer,
         to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(p.period_end, 'YYYY-MM-DD') AS "periodEnd",
         p.premium::text AS premium, p.aggregate_limit::text AS "aggregateLimit",
         round(coalesce(used.paid, 0)::numeric / NULLIF(p.premium, 0), 4)::text AS "lossRatio"
  FROM policy p
  JOIN insurer i ON i.id = p.insurer_id
  CROSS JOIN LATERAL (
    SELECT sum(c.paid_amount) AS paid
    FROM claim c
    WHERE c.district_code = p.district_code AND c.year = p.year AND c.policy_id = p.id
  ) used
  WHERE p.district_code = $1 AND p.year = $2 AND ${REPORTED_POLICY} AND ($3::uuid IS NULL OR p.insurer_id = $3)
  ORDER BY p.status = 'active' DESC, p.period_start DESC
  LIMIT 1`;

/**
 * One pass over the year's claims computes the totals and the three
 * breakdowns (GROUPING SETS); each breakdown is then joined onto its full list
 * (covered event types in catalogue order, the district's streets, the twelve
 * months) so rows without claims appear with zeros. Months are incident
 * months; any claim dated outside the calendar year adds its own month.
 */
const ANNUAL_FIGURES_SQL = `
  WITH year_claims AS (
    SELECT c.event_type, c.street_code, to_char(c.incident_date, 'YYYY-MM') AS month,
           c.status, c.claimed_amount, c.approved_amount, c.paid_amount
    FROM claim c
    WHERE c.district_code = $1 AND c.year = $2 AND ($3::uuid IS NULL OR c.insurer_id = $3)
  ),
  figures AS (
    SELECT CASE GROUPING(event_type, street_code, month)
             WHEN 7 THEN 'total' WHEN 3 THEN 'event_type' WHEN 5 THEN 'street' ELSE 'month' END AS dimension,
           event_type, street_code, month,
           count(*)::int AS claims,
           count(*) FILTER (WHERE approved_amount IS NOT NULL)::int AS approved,
           count(*) FILTER (WHERE ${DENIED})::int AS denied,
           count(*) FILTER (WHERE paid_amount IS NOT NULL)::int AS paid,
           count(*) FILTER (WHERE ${PENDING})::int AS pending,
           count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
           coalesce(sum(claimed_amount), 0)::text AS claimed_amount,
           coalesce(sum(approved_amount), 0)::text AS approved_amount,
           coalesce(sum(paid_amount), 0)::text AS paid_amount
    FROM year_claims
    GROUP BY GROUPING SETS ((), (event_type), (street_code), (month))
  ),
  covered AS (
    SELECT cv.event_type
    FROM coverage cv JOIN policy p ON p.id = cv.policy_id
    WHERE p.district_code = $1 AND p.year = $2 AND ${REPORTED_POLICY} AND ($3::uuid IS NULL OR p.insurer_id = $3)
  ),
  months AS (
    SELECT to_char(m, 'YYYY-MM') AS month
    FROM generate_series(make_date($2, 1, 1), make_date($2, 12, 1), interval '1 month') AS m
    UNION
    SELECT month FROM figures WHERE dimension = 'month'
  )
  SELECT
    (SELECT json_build_object(
              'reported', claims, 'approved', approved, 'denied', denied, 'paid', paid, 'pending', pending,
              'withdrawn', withdrawn, 'claimedAmount', claimed_amount, 'approvedAmount', approved_amount,
              'paidAmount', paid_amount)
     FROM figures WHERE dimension = 'total') AS totals,
    (SELECT coalesce(json_agg(json_build_object(
              'eventType', e.code, 'nameZh', e.name_zh,
              'claims', coalesce(f.claims, 0), 'paid', coalesce(f.paid, 0), 'paidAmount', coalesce(f.paid_amount, '0'))
            ORDER BY e.sort_order, e.code), '[]')
     FROM event_type e
     LEFT JOIN figures f ON f.dimension = 'event_type' AND f.event_type = e.code
     WHERE e.code IN (SELECT event_type FROM covered) OR f.event_type IS NOT NULL) AS "byEventType",
    (SELECT coalesce(json_agg(json_build_object(
              'streetCode', s.code, 'streetName', s.name,
              'claims', coalesce(f.claims, 0), 'paid', coalesce(f.paid, 0), 'paidAmount', coalesce(f.paid_amount, '0'))
            ORDER BY s.code), '[]')
     FROM street s
     LEFT JOIN figures f ON f.dimension = 'street' AND f.street_code = s.code
     WHERE s.district_code = $1) AS "byStreet",
    (SELECT json_agg(json_build_object(
              'month', m.month,
              'claims', coalesce(f.claims, 0), 'paid', coalesce(f.paid, 0), 'paidAmount', coalesce(f.paid_amount, '0'))
            ORDER BY m.month)
     FROM months m
     LEFT JOIN figures f ON f.dimension = 'month' AND f.month = m.month) AS "byMonth"`;

/** Days from report to payment of the year's paid claims, to one decimal (half away from zero). */
const PROCESSING_DAYS_SQL = `
  SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8 AS median,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8 AS p90,
         round(max(days)::numeric, 1)::float8 AS max
  FROM (
    SELECT extract(epoch FROM c.paid_at - c.reported_at)::float8 / 86400 AS days
    FROM claim c
    WHERE c.district_code = $1 AND c.year = $2 AND ($3::uuid IS NULL OR c.insurer_id = $3) AND c.paid_at IS NOT NULL
  ) paid_claims`;

/** The stages the year's claims finished, on time or late; a withdrawn claim's stopped clocks do not count. */
const TIMELINESS_SQL = `
  SELECT d.stage,
         count(*) FILTER (WHERE d.ended_on <= d.due_date)::int AS "onTime",
         count(*) FILTER (WHERE d.ended_on > d.due_date)::int AS late,
         round(count(*) FILTER (WHERE d.ended_on <= d.due_date)::numeric / count(*), 4)::text AS "onTimeShare"
  FROM claim_deadline d JOIN claim c ON c.id = d.claim_id
  WHERE c.district_code = $1 AND c.year = $2 AND ($3::uuid IS NULL OR c.insurer_id = $3) AND d.outcome = 'done'
  GROUP BY d.stage`;

/** $2 is the previous year here. */
const PREVIOUS_YEAR_SQL = `
  SELECT count(*)::int AS claims,
         count(*) FILTER (WHERE c.paid_amount IS NOT NULL)::int AS paid,
         coalesce(sum(c.paid_amount), 0)::text AS "paidAmount",
         EXISTS (SELECT 1 FROM policy p
                 WHERE p.district_code = $1 AND p.year = $2 AND ${REPORTED_POLICY}
                   AND ($3::uuid IS NULL OR p.insurer_id = $3)) AS "hasPolicy"
  FROM claim c
  WHERE c.district_code = $1 AND c.year = $2 AND ($3::uuid IS NULL OR c.insurer_id = $3)`;

/** Every year of the range, with zeros for a year without policy or claims. $2..$3 years, $4 insurer id or null. */
const MULTI_YEAR_SQL = `
  WITH covered AS (
    SELECT p.year, count(DISTINCT cv.event_type)::int AS covered_events
    FROM policy p JOIN coverage cv ON cv.policy_id = p.id
    WHERE p.district_code = $1 AND p.year BETWEEN $2 AND $3 AND ${REPORTED_POLICY}
      AND ($4::uuid IS NULL OR p.insurer_id = $4)
    GROUP BY p.year
  ),
  paid AS (
    SELECT c.year, count(*)::int AS claims_paid, sum(c.paid_amount) AS paid_amount
    FROM claim c
    WHERE c.district_code = $1 AND c.year BETWEEN $2 AND $3 AND c.paid_amount IS NOT NULL
      AND ($4::uuid IS NULL OR c.insurer_id = $4)
    GROUP BY c.year
  )
  SELECT y.year,
         coalesce(covered.covered_events, 0) AS "coveredEvents",
         coalesce(paid.claims_paid, 0) AS "claimsPaid",
         coalesce(paid.paid_amount, 0)::text AS "paidAmount",
         (sum(coalesce(paid.claims_paid, 0)) OVER ())::int AS "totalClaimsPaid",
         coalesce(sum(paid.paid_amount) OVER (), 0)::text AS "totalPaidAmount"
  FROM generate_series($2::int, $3::int) AS y(year)
  LEFT JOIN covered ON covered.year = y.year
  LEFT JOIN paid ON paid.year = y.year
  ORDER BY y.year`;

@Injectable()
export class ReportsRepository {
  /** Whether the insurer held an activated policy of the district in any year of the range. */
  async insurerHoldsPolicy(db: EntityManager, insurerId: string, districtCode: string, fromYear: number, toYear: number): Promise<boolean> {
    const [{ held }]: { held: boolean }[] = await db.query(
      `SELECT EXISTS (SELECT 1 FROM policy p
                      WHERE p.insurer_id = $1 AND p.district_code = $2 AND p.year BETWEEN $3 AND $4 AND ${REPORTED_POLICY}) AS held`,
      [insurerId, districtCode, fromYear, toYear],
    );
    return held;
  }

  /** Every figure of the annual report but the policy's use; `tx` should be one snapshot so the sections add up to the totals. */
  async annualFigures(tx: EntityManager, scope: ReportScope, year: number): Promise<Omit<AnnualFigures, 'policy'> & { policy: PolicySummaryFigures | null }> {
    const params = [scope.districtCode, year, scope.insurerId];
    const [policy]: AsText<PolicySummaryFigures>[] = await tx.query(POLICY_SUMMARY_SQL, params);
    const [figures]: {
      totals: AsText<ReportTotalsOf<bigint>>;
      byEventType: AsText<AnnualFigures['byEventType'][number]>[];
      byStreet: AsText<AnnualFigures['byStreet'][number]>[];
      byMonth: AsText<AnnualFigures['byMonth'][number]>[];
    }[] = await tx.query(ANNUAL_FIGURES_SQL, params);
    const [processingDays]: AnnualFigures['processingDays'][] = await tx.query(PROCESSING_DAYS_SQL, params);
    const [previous]: { claims: number; paid: number; paidAmount: string; hasPolicy: boolean }[] =
      await tx.query(PREVIOUS_YEAR_SQL, [scope.districtCode, year - 1, scope.insurerId]);
    const timeliness: TimelinessRow[] = await tx.query(TIMELINESS_SQL, params);
    const { totals } = figures;
    return {
      policy: policy ? { ...policy, premium: toFen(policy.premium), aggregateLimit: toFen(policy.aggregateLimit) } : null,
      totals: {
        ...totals,
        claimedAmount: toFen(totals.claimedAmount),
        approvedAmount: toFen(totals.approvedAmount),
        paidAmount: toFen(totals.paidAmount),
      },
      byEventType: figures.byEventType.map(inFen),
      byStreet: figures.byStreet.map(inFen),
      byMonth: figures.byMonth.map(inFen),
      processingDays,
      previousYear: previous.claims > 0 || previous.hasPolicy ? { paid: previous.paid, paidAmount: toFen(previous.paidAmount) } : null,
      timeliness: byStage(timeliness),
    };
  }

  async multiYearFigures(db: EntityManager, scope: ReportScope, fromYear: number, toYear: number): Promise<MultiYearFigures> {
    const rows: { year: number; coveredEvents: number; claimsPaid: number; paidAmount: string; totalClaimsPaid: number; totalPaidAmount: string }[] =
      await db.query(MULTI_YEAR_SQL, [scope.districtCode, fromYear, toYear, scope.insurerId]);
    return {
      years: rows.map(({ year, coveredEvents, claimsPaid, paidAmount }) => ({ year, coveredEvents, claimsPaid, paidAmount: toFen(paidAmount) })),
      total: { claimsPaid: rows[0].totalClaimsPaid, paidAmount: toFen(rows[0].totalPaidAmount) },
    };
  }
}

function inFen<T extends BreakdownOf<bigint>>(row: AsText<T>): T {
  return { ...row, paidAmount: toFen(row.paidAmount) } as T;
}

/** Every stage, with zeros for a stage no claim of the year finished. */
function byStage(rows: TimelinessRow[]): Timeliness {
  const found = new Map(rows.map((row) => [row.stage, row]));
  return Object.fromEntries(DEADLINE_STAGES.map((stage) => {
    const row = found.get(stage);
    return [stage, row ? { onTime: row.onTime, late: row.late, onTimeShare: row.onTimeShare } : { onTime: 0, late: 0, onTimeShare: null }];
  })) as Timeliness;
}
