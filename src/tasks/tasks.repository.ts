import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';

/** What the caller is to do with a claim. */
export const TASK_ACTIONS = ['verify', 'resubmit', 'assess', 'approve', 'pay', 'follow_up'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface TaskRow {
  claimId: string;
  claimNo: string;
  action: TaskAction;
  dueDate: string | null;
  overdue: boolean;
  /** due today or on the next working day */
  dueSoon: boolean;
  flags: string[];
}

/** The longest queue answered: the most urgent come first, so a long tail is the least urgent. */
export const MAX_TASKS = 200;

// The clock a claim's state waits on: the deadline of the step the caller is to take.
const STAGE_OF_STATUS = `CASE c.status WHEN 'reported' THEN 'verify' WHEN 'verifying' THEN 'verify' WHEN 'verified' THEN 'assess'
  WHEN 'assessed' THEN 'decide' WHEN 'approved' THEN 'pay' END`;

/**
 * One statement per queue: the claims, the running clock of the step they
 * wait for (a paused clock, in needs_info, has no due date), their flags, and
 * the next working day from the calendar, so "due soon" follows holidays and
 * make-up days. $1 is today.
 */
function queueSql(action: string, clock: string, where: string): string {
  return `
    WITH next_working_day AS (
      SELECT min(g.day)::date AS day
        FROM generate_series($1::date + 1, $1::date + 31, interval '1 day') AS g(day)
        LEFT JOIN calendar_day cd ON cd.day = g.day::date
       WHERE cd.kind = 'workday' OR (cd.kind IS NULL AND extract(isodow FROM g.day) < 6)
    )
    SELECT c.id AS "claimId", c.claim_no AS "claimNo", ${action} AS action,
           to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate",
           coalesce(d.due_date < $1::date, false) AS overdue,
           coalesce(d.due_date >= $1::date AND d.due_date <= (SELECT day FROM next_working_day), false) AS "dueSoon",
           coalesce((SELECT array_agg(DISTINCT f.code ORDER BY f.code) FROM claim_flag f WHERE f.claim_id = c.id), '{}') AS flags
      FROM claim c
      LEFT JOIN LATERAL (
        SELECT k.due_date FROM claim_deadline k
         WHERE k.claim_id = c.id AND k.ended_on IS NULL AND k.paused_on IS NULL AND ${clock}
         ORDER BY k.due_date LIMIT 1
      ) d ON true
     WHERE ${where}
     ORDER BY overdue DESC, d.due_date NULLS LAST, c.reported_at, c.claim_no
     LIMIT ${MAX_TASKS}`;
}

const STEP_CLOCK = `k.stage = ${STAGE_OF_STATUS}`;

/**
 * cadre: the street's claims to verify that another cadre filed, and the
 * claims returned to the cadre who filed them; adjuster: the insurer's
 * verified claims; manager: the assessed claims within their approval limit
 * that they may approve (not their own assessment where four eyes are
 * needed: flagged or above the policy's threshold), and the approved claims
 * to pay; officer: the district's claims with a clock past due.
 */
const QUEUES: Record<Exclude<Role, typeof Role.Admin>, { sql: string; params: (caller: AuthUser) => unknown[] }> = {
  [Role.StreetCadre]: {
    sql: queueSql(
      `CASE WHEN c.status = 'needs_info' THEN 'resubmit' ELSE 'verify' END`, STEP_CLOCK,
      `c.street_code = $2 AND ((c.status IN ('reported', 'verifying') AND c.reported_by <> $3) OR (c.status = 'needs_info' AND c.reported_by = $3))`,
    ),
    params: (caller) => [caller.streetCode, caller.id],
  },
  [Role.InsurerAdjuster]: {
    sql: queueSql(`'assess'`, STEP_CLOCK, `c.insurer_id = $2 AND c.status = 'verified'`),
    params: (caller) => [caller.insurerId],
  },
  [Role.InsurerManager]: {
    sql: queueSql(
      `CASE WHEN c.status = 'approved' THEN 'pay' ELSE 'approve' END`, STEP_CLOCK,
      `c.insurer_id = $2 AND (c.status = 'approved' OR (c.status = 'assessed' AND c.assessed_amount <= $4 AND NOT EXISTS (
         SELECT 1 FROM claim_assessment a JOIN policy p ON p.id = c.policy_id
          WHERE a.claim_id = c.id AND a.assessor_id = $3
            AND (c.assessed_amount > p.four_eyes_threshold OR EXISTS (SELECT 1 FROM claim_flag f WHERE f.claim_id = c.id)))))`,
    ),
    params: (caller) => [caller.insurerId, caller.id, (caller.approvalLimit ?? 0n).toString()],
  },
  [Role.DistrictOfficer]: {
    sql: queueSql(`'follow_up'`, `k.due_date < $1::date`, `c.district_code = $2 AND d.due_date IS NOT NULL`),
    params: (caller) => [caller.districtCode],
  },
};

@Injectable()
export class TasksRepository {
  /** The caller's queue, most urgent first: overdue, then by due date, then the oldest report. */
  async queueOf(db: EntityManager, caller: AuthUser, today: string): Promise<TaskRow[]> {
    if (caller.role === Role.Admin) return [];
    const queue = QUEUES[caller.role];
    return db.query(queue.sql, [today, ...queue.params(caller)]);
  }
}
