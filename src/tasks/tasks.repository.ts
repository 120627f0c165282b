import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { runningClockSql } from '../claims/claim-clocks.js';
import { ACTING_ROLES, NEXT_WORKING_DAY_SQL, RESPONSIBLE, type ReminderKind, type ResponsibleRule, type TaskAction } from './responsible-staff.js';

export interface TaskRow {
  claimId: string;
  claimNo: string;
  action: TaskAction;
  dueDate: string | null;
  overdue: boolean;
  /** due today or on the next working day */
  dueSoon: boolean;
  flags: string[];
  /** the deadline reminder the caller got for the clock, overdue before due_soon */
  reminder: ReminderKind | null;
}

/** The longest queue answered: the most urgent come first, so a long tail is the least urgent. */
export const MAX_TASKS = 200;

/**
 * The caller's queue in one statement: the claims the shared rule gives the
 * caller (`u`), the running clock of the step they wait for (a paused clock,
 * in needs_info, has no due date), their flags, whether the caller was
 * reminded of the clock, and the next working day from the calendar. $1 is
 * today, $2 the caller.
 */
function queueSql({ action, clock, where }: ResponsibleRule, officer: boolean): string {
  return `
    SELECT c.id AS "claimId", c.claim_no AS "claimNo", ${action} AS action,
           to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate",
           coalesce(d.due_date < $1::date, false) AS overdue,
           coalesce(d.due_date >= $1::date AND d.due_date <= ${NEXT_WORKING_DAY_SQL}, false) AS "dueSoon",
           coalesce((SELECT array_agg(DISTINCT f.code ORDER BY f.code) FROM claim_flag f WHERE f.claim_id = c.id), '{}') AS flags,
           (SELECT r.kind FROM staff_reminder r WHERE r.claim_id = c.id AND r.user_id = u.id AND r.stage = d.stage
             ORDER BY r.kind = 'overdue' DESC LIMIT 1) AS reminder
      FROM app_user u
      JOIN claim c ON ${where}
      LEFT JOIN LATERAL (
        SELECT k.stage, k.due_date FROM claim_deadline k
         WHERE k.claim_id = c.id AND ${runningClockSql('k')} AND ${clock}
         ORDER BY k.due_date LIMIT 1
      ) d ON true
     WHERE u.id = $2${officer ? ' AND d.due_date IS NOT NULL' : ''}
     ORDER BY overdue DESC, d.due_date NULLS LAST, c.reported_at, c.claim_no
     LIMIT ${MAX_TASKS}`;
}

const QUEUES = Object.fromEntries(ACTING_ROLES.map((role) => [role, queueSql(RESPONSIBLE[role], role === Role.DistrictOfficer)]));

@Injectable()
export class TasksRepository {
  /** The caller's queue, most urgent first: overdue, then by due date, then the oldest report. */
  async queueOf(db: EntityManager, caller: AuthUser, today: string): Promise<TaskRow[]> {
    if (caller.role === Role.Admin) return [];
    return db.query(QUEUES[caller.role], [today, caller.id]);
  }
}
