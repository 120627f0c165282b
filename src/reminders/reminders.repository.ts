import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { runningClockSql } from '../claims/claim-clocks.js';
import { ACTING_ROLES, NEXT_WORKING_DAY_SQL, RESPONSIBLE, type ReminderKind } from '../tasks/responsible-staff.js';

export interface ReminderRow {
  id: string;
  claimId: string;
  claimNo: string;
  stage: string;
  kind: ReminderKind;
  dueDate: string;
  read: boolean;
  createdAt: Date;
}

/**
 * Every reminder due on $1 (today), in one statement: per acting role, the
 * running clocks (not ended, not paused in needs_info) due by the next
 * working day that the role's members must act on by the shared rule of
 * GET /me/tasks, for each active member. Overdue once past the due date,
 * due_soon before. The unique key (claim, stage, kind, user) makes a second
 * sweep, a concurrent one or one on another instance insert nothing.
 */
const SWEEP_SQL = `
  WITH due AS (${ACTING_ROLES.map((role) => `
    SELECT c.id AS claim_id, u.id AS user_id, k.stage, k.due_date
      FROM claim_deadline k
      JOIN claim c ON c.id = k.claim_id
      JOIN app_user u ON u.role = '${role}' AND u.active AND ${RESPONSIBLE[role].where}
     WHERE ${runningClockSql('k')} AND k.due_date <= ${NEXT_WORKING_DAY_SQL} AND ${RESPONSIBLE[role].clock}`).join('\n    UNION ALL')}
  ), inserted AS (
    INSERT INTO staff_reminder (claim_id, user_id, stage, kind, due_date)
    SELECT DISTINCT claim_id, user_id, stage, CASE WHEN due_date < $1::date THEN 'overdue' ELSE 'due_soon' END, due_date FROM due
    ON CONFLICT ON CONSTRAINT staff_reminder_once DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int AS count FROM inserted`;

@Injectable()
export class RemindersRepository {
  /** Writes the reminders due today that were not written yet; how many it wrote. */
  async sweep(tx: EntityManager, today: string): Promise<number> {
    // One sweep at a time across instances: two concurrent inserts of the same keys in different orders deadlock.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('staff_reminder_sweep'))`);
    const [{ count }]: { count: number }[] = await tx.query(SWEEP_SQL, [today]);
    return count;
  }

  /** The user's reminders, newest first, with the total and the unread count. */
  async inbox(db: EntityManager, userId: string, offset: number, limit: number): Promise<{ rows: ReminderRow[]; total: number; unread: number }> {
    const rows: ReminderRow[] = await db.query(
      `SELECT r.id, r.claim_id AS "claimId", c.claim_no AS "claimNo", r.stage, r.kind, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
              r.read_at IS NOT NULL AS read, r.created_at AS "createdAt"
         FROM staff_reminder r JOIN claim c ON c.id = r.claim_id
        WHERE r.user_id = $1
        ORDER BY r.created_at DESC, r.id DESC OFFSET $2 LIMIT $3`,
      [userId, offset, limit],
    );
    const [{ total, unread }]: { total: number; unread: number }[] = await db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM staff_reminder WHERE user_id = $1`, [userId]);
    return { rows, total, unread };
  }

  /** Marks the user's own reminder read (once: a second call keeps the first time); false when it is not theirs. */
  async markRead(db: EntityManager, userId: string, id: string): Promise<boolean> {
    // As a SELECT: the driver answers an UPDATE with [rows, count], whatever it matched.
    const rows: unknown[] = await db.query(
      `WITH marked AS (UPDATE staff_reminder SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id)
       SELECT id FROM marked`, [id, userId]);
    return rows.length > 0;
  }
}
