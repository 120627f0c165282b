import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { ClaimClocks, FiledClaimWrite } from '../claims/claim-clocks.js';
import { addDays } from '../common/business-date.js';
import { Clock } from '../common/clock.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { CalendarCache } from './calendar-cache.js';
import { CalendarRepository } from './calendar.repository.js';
import {
  dueDate, mostUrgent, resume, STAGE_CHANGES, stageDaysBetween, stageTerms, viewClock,
  type ClockEvent, type DeadlineStage, type DeadlineView, type PolicyDeadlines, type StageClock,
} from './deadline-rules.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import type { ListOverdueQuery, OverdueClaimResponse } from './dto/deadline.dto.js';
import type { WorkingDayCalendar } from './working-days.js';

/** Far enough ahead for any due date the policy limits (≤ 365 days) plus pauses allow. */
const CALENDAR_HORIZON_DAYS = 800;

/** Runs each claim's stage clocks as the workflow moves it, and answers how they stand. */
@Injectable()
export class DeadlinesService implements ClaimClocks {
  constructor(
    private readonly db: Database,
    private readonly deadlines: DeadlinesRepository,
    private readonly calendar: CalendarRepository,
    private readonly calendars: CalendarCache,
    private readonly clock: Clock,
  ) {}

  /** Called by the claim workflow, in its transaction, for each transition. */
  async track(tx: EntityManager, claim: { id: string; policyId: string }, event: ClockEvent): Promise<void> {
    const change = STAGE_CHANGES[event];
    if (!change) return;
    const today = this.clock.today();
    if (change.done) await this.deadlines.end(tx, claim.id, change.done, 'done', today);
    if (change.cancel) await this.deadlines.end(tx, claim.id, null, 'cancelled', today);
    if (change.pause) await this.deadlines.pause(tx, claim.id, today);
    if (change.resume) {
      const open = (await this.deadlines.openClocks(tx, [claim.id])).get(claim.id) ?? [];
      const calendar = await this.calendarFrom(tx, open.map((c) => c.startedOn));
      await this.deadlines.saveClocks(tx, claim.id, open.map((c) => resume(c, today, calendar)));
    }
    if (change.start) {
      const policy = await this.deadlines.policyDeadlines(tx, claim.policyId);
      await this.deadlines.start(tx, claim.id, await this.startingToday(tx, change.start, policy));
    }
  }

  /**
   * The filing's clocks, worked out before its claim is numbered, so that their calendar read is not under the
   * number's lock. A filing does not edit the calendar, so it counts in the cached one, as the reads do. Against a
   * concurrent `PUT /calendar/{year}` that is no weaker than reading through this transaction: either way the
   * clock is counted in the calendar committed when it is read, and followCalendar re-counts it only if the filing
   * committed before the edit read the open clocks. The cache adds only the moment from the edit's commit to its
   * eviction (at once in the editing instance, on the change feed's notification in the others).
   */
  async prepareFiling(tx: EntityManager, policy: PolicyDeadlines): Promise<FiledClaimWrite> {
    const clocks = await this.startingToday(tx, STAGE_CHANGES.file?.start ?? [], policy, 'cached');
    return (filed, param) => this.deadlines.startFiledSql(filed, param, clocks);
  }

  /** The deadline a claim response shows: its running clock due first, null once none runs. */
  async viewOfClocks(tx: EntityManager, open: StageClock[]): Promise<DeadlineView | null> {
    const today = this.clock.today();
    // Loaded even without clocks, so every claim response costs the same queries.
    const calendar = await this.calendarFrom(tx, [today, ...open.map((c) => c.startedOn), ...open.map((c) => c.dueDate)], 'cached');
    return mostUrgent(open.map((c) => viewClock(c, today, calendar)));
  }

  async overdue(caller: AuthUser, query: ListOverdueQuery): Promise<Page<OverdueClaimResponse>> {
    const today = this.clock.today();
    return this.db.snapshot(async (tx) => {
      const [rows, total] = await this.deadlines.listOverdue(tx, caller, today, query.stage, (query.page - 1) * query.pageSize, query.pageSize);
      const calendar = await this.calendarFrom(tx, [today, ...rows.map((row) => row.dueDate)], 'cached');
      return pageOf(rows.map(({ workingDays, ...row }) => ({
        ...row, daysOverdue: stageDaysBetween(workingDays, row.dueDate, today, calendar),
      })), total, query);
    });
  }

  /** After a calendar edit: every open working-day clock gets the due date the new calendar gives it. */
  async followCalendar(tx: EntityManager): Promise<void> {
    const open = await this.deadlines.openWorkingDayClocks(tx);
    if (open.length === 0) return;
    const calendar = await this.calendarFrom(tx, open.map((c) => c.startedOn));
    for (const { claimId, ...clock } of open) {
      const due = dueDate(clock, calendar);
      if (due !== clock.dueDate) await this.deadlines.saveClocks(tx, claimId, [{ ...clock, dueDate: due } satisfies StageClock]);
    }
  }

  private async startingToday(
    tx: EntityManager, stages: DeadlineStage[], policy: PolicyDeadlines, source: 'cached' | 'transaction' = 'transaction',
  ): Promise<StageClock[]> {
    const today = this.clock.today();
    const calendar = await this.calendarFrom(tx, [today], source);
    return stages.map((stage) => {
      const clock = { stage, startedOn: today, pausedDays: 0, pausedOn: null, ...stageTerms(stage, policy) };
      return { ...clock, dueDate: dueDate(clock, calendar) };
    });
  }

  /**
   * The calendar from the earliest of `dates` to well past any due date counted from them. 'cached' for the
   * reads that show clocks and for a filing's new clocks (prepareFiling says why); a transition's clocks and
   * followCalendar read it through their transaction, which sees a calendar edit it is part of.
   */
  private calendarFrom(tx: EntityManager, dates: string[], source: 'cached' | 'transaction' = 'transaction'): Promise<WorkingDayCalendar> {
    const sorted = [...dates].sort();
    const from = sorted[0], to = addDays(sorted[sorted.length - 1], CALENDAR_HORIZON_DAYS);
    return source === 'cached' ? this.calendars.between(tx, from, to) : this.calendar.load(tx, from, to);
  }
}
