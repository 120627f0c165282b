import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { runningClockSql } from '../claims/claim-clocks.js';
import { scopeClaims } from '../claims/claim-scope.js';
import type { ClaimStatus } from '../claims/claim-status.js';
import type { DeadlineStage, PolicyDeadlines, StageClock } from './deadline-rules.js';

interface ClockRow {
  claimId: string;
  stage: DeadlineStage;
  startedOn: string;
  allowedDays: number;
  workingDays: boolean;
  pausedDays: number;
  pausedOn: string | null;
  dueDate: string;
}

export interface OverdueRow {
  id: string;
  claimNo: string;
  status: ClaimStatus;
  stage: DeadlineStage;
  dueDate: string;
  workingDays: boolean;
  streetCode: string;
}

const CLOCK_COLUMNS = `claim_id AS "claimId", stage, to_char(started_on, 'YYYY-MM-DD') AS "startedOn",
  allowed_days AS "allowedDays", working_days AS "workingDays", paused_days AS "pausedDays",
  to_char(paused_on, 'YYYY-MM-DD') AS "pausedOn", to_char(due_date, 'YYYY-MM-DD') AS "dueDate"`;

@Injectable()
export class DeadlinesRepository {
  async policyDeadlines(tx: EntityManager, policyId: string): Promise<PolicyDeadlines> {
    const [row]: PolicyDeadlines[] = await tx.query(
      `SELECT verify_working_days AS "verifyWorkingDays", assess_working_days AS "assessWorkingDays",
              decide_days AS "decideDays", pay_working_days AS "payWorkingDays", denial_notice_days AS "denialNoticeDays"
       FROM policy WHERE id = $1`,
      [policyId],
    );
    if (!row) throw new Error(`policy ${policyId} not found`);
    return row;
  }

  /** A claim's clocks still running or paused, as a JSON column of a larger query on `claim` aliased `alias` (ClaimDetailsRepository), in openClocks' order. */
  openClocksJson(alias: string): string {
    return `(SELECT coalesce(jsonb_agg(to_jsonb(k) ORDER BY k."dueDate", k.stage), '[]')
               FROM (SELECT ${CLOCK_COLUMNS} FROM claim_deadline WHERE claim_id = ${alias}.id AND ended_on IS NULL) k)`;
  }

  readOpenClocks(json: ClockRow[]): StageClock[] {
    return json.map(({ claimId: _claimId, ...clock }) => clock);
  }

  /** The clocks still running or paused, per claim. */
  async openClocks(tx: EntityManager, claimIds: string[]): Promise<Map<string, StageClock[]>> {
    const rows: ClockRow[] = claimIds.length === 0 ? [] : await tx.query(
      `SELECT ${CLOCK_COLUMNS} FROM claim_deadline WHERE claim_id = ANY($1::uuid[]) AND ended_on IS NULL ORDER BY due_date, stage`,
      [claimIds],
    );
    const byClaim = new Map<string, StageClock[]>();
    for (const { claimId, ...clock } of rows) byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), clock]);
    return byClaim;
  }

  /** A new claim's first clocks, as a part of the filing's statement: `filed` names the new claim's row (its `id`). */
  startFiledSql(filed: string, param: (value: unknown) => string, clocks: StageClock[]): string {
    return `INSERT INTO claim_deadline (claim_id, stage, started_on, allowed_days, working_days, due_date)
            SELECT ${filed}.id, k.* FROM ${filed},
                   unnest(${param(clocks.map((c) => c.stage))}::varchar[], ${param(clocks.map((c) => c.startedOn))}::date[],
                          ${param(clocks.map((c) => c.allowedDays))}::integer[], ${param(clocks.map((c) => c.workingDays))}::boolean[],
                          ${param(clocks.map((c) => c.dueDate))}::date[]) AS k`;
  }

  /** The claim's new clocks, in one statement. */
  async start(tx: EntityManager, claimId: string, clocks: StageClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await tx.query(
      `INSERT INTO claim_deadline (claim_id, stage, started_on, allowed_days, working_days, due_date)
       SELECT $1, * FROM unnest($2::varchar[], $3::date[], $4::integer[], $5::boolean[], $6::date[])`,
      [claimId, clocks.map((c) => c.stage), clocks.map((c) => c.startedOn), clocks.map((c) => c.allowedDays),
        clocks.map((c) => c.workingDays), clocks.map((c) => c.dueDate)],
    );
  }

  /** Ends the open clocks of `stages` (all open ones when null). */
  async end(tx: EntityManager, claimId: string, stages: DeadlineStage[] | null, outcome: 'done' | 'cancelled', on: string): Promise<void> {
    await tx.query(
      `UPDATE claim_deadline SET ended_on = $3, outcome = $4, paused_on = NULL
       WHERE claim_id = $1 AND ended_on IS NULL AND ($2::text[] IS NULL OR stage = ANY($2::text[]))`,
      [claimId, stages, on, outcome],
    );
  }

  async pause(tx: EntityManager, claimId: string, on: string): Promise<void> {
    await tx.query(`UPDATE claim_deadline SET paused_on = $2 WHERE claim_id = $1 AND ${runningClockSql('claim_deadline')}`, [claimId, on]);
  }

  /** Writes back the pause, the due date and the pause mark of recomputed clocks. */
  async saveClocks(tx: EntityManager, claimId: string, clocks: StageClock[]): Promise<void> {
    for (const clock of clocks) {
      await tx.query(
        `UPDATE claim_deadline SET paused_days = $3, paused_on = $4, due_date = $5 WHERE claim_id = $1 AND stage = $2`,
        [claimId, clock.stage, clock.pausedDays, clock.pausedOn, clock.dueDate],
      );
    }
  }

  /** Every open working-day clock; their due dates follow calendar edits. */
  async openWorkingDayClocks(tx: EntityManager): Promise<(StageClock & { claimId: string })[]> {
    return tx.query(`SELECT ${CLOCK_COLUMNS} FROM claim_deadline WHERE ended_on IS NULL AND working_days FOR UPDATE`);
  }

  /** Running clocks past their due date, in the caller's scope, longest overdue first. */
  async listOverdue(tx: EntityManager, caller: AuthUser, today: string, stage: DeadlineStage | undefined, offset: number, limit: number): Promise<[OverdueRow[], number]> {
    const query = scopeClaims(
      tx.createQueryBuilder().from('claim_deadline', 'd').innerJoin('claim', 'c', 'c.id = d.claim_id')
        .where(`${runningClockSql('d')} AND d.due_date < :today`, { today }),
      caller,
    );
    if (stage) query.andWhere('d.stage = :stage', { stage });
    // Without a stage, one row per claim: its clock overdue longest.
    else query.andWhere(`NOT EXISTS (SELECT 1 FROM claim_deadline e WHERE e.claim_id = d.claim_id AND ${runningClockSql('e')}
      AND (e.due_date, e.stage) < (d.due_date, d.stage))`);
    const counted = await query.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const rows = await query
      .select(['c.id AS "id"', 'c.claim_no AS "claimNo"', 'c.status AS "status"', 'd.stage AS "stage"',
        `to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate"`, 'd.working_days AS "workingDays"', 'c.street_code AS "streetCode"'])
      .orderBy('d.due_date').addOrderBy('c.claim_no').addOrderBy('d.stage')
      .offset(offset).limit(limit)
      .getRawMany<OverdueRow>();
    return [rows, counted?.total ?? 0];
  }
}
