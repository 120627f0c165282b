import { Role } from '../auth/role.js';

/** What the caller is to do with a claim. */
export const TASK_ACTIONS = ['verify', 'resubmit', 'assess', 'approve', 'pay', 'follow_up'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** The deadline reminders a responsible member gets: due by the next working day, or past the due date. */
export const REMINDER_KINDS = ['due_soon', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

// The clock a claim's state waits on: the deadline of the step the staff member is to take.
const STAGE_OF_STATUS = `CASE c.status WHEN 'reported' THEN 'verify' WHEN 'verifying' THEN 'verify' WHEN 'verified' THEN 'assess'
  WHEN 'assessed' THEN 'decide' WHEN 'approved' THEN 'pay' END`;

/** One role's rule: SQL over the claim `c`, its running clock `k` and the staff member `u`; `$1` is today. */
export interface ResponsibleRule {
  /** the action, an SQL expression */
  action: string;
  /** which running clock of the claim the member waits on */
  clock: string;
  /** the claims the member must act on */
  where: string;
}

/**
 * Who must act on which claim: the one rule behind GET /me/tasks (the
 * caller as `u`) and the deadline reminders (every active member as `u`).
 * cadre: the street's claims to verify that another cadre filed, and the
 * claims returned to the cadre who filed them; adjuster: the insurer's
 * verified claims; manager: the assessed claims within their approval limit
 * that they may approve (not their own assessment where four eyes are
 * needed: flagged or above the policy's threshold), and the approved claims
 * to pay; officer: the district's claims with a clock past due.
 */
export const RESPONSIBLE: Record<Exclude<Role, typeof Role.Admin>, ResponsibleRule> = {
  [Role.StreetCadre]: {
    action: `CASE WHEN c.status = 'needs_info' THEN 'resubmit' ELSE 'verify' END`,
    clock: `k.stage = ${STAGE_OF_STATUS}`,
    where: `c.street_code = u.street_code AND ((c.status IN ('reported', 'verifying') AND c.reported_by <> u.id)
      OR (c.status = 'needs_info' AND c.reported_by = u.id))`,
  },
  [Role.InsurerAdjuster]: {
    action: `'assess'`,
    clock: `k.stage = ${STAGE_OF_STATUS}`,
    where: `c.insurer_id = u.insurer_id AND c.status = 'verified'`,
  },
  [Role.InsurerManager]: {
    action: `CASE WHEN c.status = 'approved' THEN 'pay' ELSE 'approve' END`,
    clock: `k.stage = ${STAGE_OF_STATUS}`,
    where: `c.insurer_id = u.insurer_id AND (c.status = 'approved' OR (c.status = 'assessed' AND c.assessed_amount <= coalesce(u.approval_limit, 0)
      AND NOT EXISTS (
        SELECT 1 FROM claim_assessment a JOIN policy p ON p.id = c.policy_id
         WHERE a.claim_id = c.id AND a.assessor_id = u.id
           AND (c.assessed_amount > p.four_eyes_threshold OR EXISTS (SELECT 1 FROM claim_flag f WHERE f.claim_id = c.id)))))`,
  },
  [Role.DistrictOfficer]: {
    action: `'follow_up'`,
    clock: `k.due_date < $1::date`,
    where: `c.district_code = u.district_code`,
  },
};

/** The roles that act on claims, in RESPONSIBLE's order. */
export const ACTING_ROLES = Object.keys(RESPONSIBLE) as (keyof typeof RESPONSIBLE)[];

/** The first working day after $1 (today), from the calendar: "due soon" follows holidays and make-up days. */
export const NEXT_WORKING_DAY_SQL = `(SELECT min(g.day)::date
    FROM generate_series($1::date + 1, $1::date + 31, interval '1 day') AS g(day)
    LEFT JOIN calendar_day cd ON cd.day = g.day::date
   WHERE cd.kind = 'workday' OR (cd.kind IS NULL AND extract(isodow FROM g.day) < 6))`;
