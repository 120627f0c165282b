import type { PolicyTerms } from '../claims/claim-clocks.js';
import type { ClaimAction } from '../claims/claim-workflow.js';
import { addDays, daysBetween } from '../common/business-date.js';
import type { WorkingDayCalendar } from './working-days.js';

/** The clocks a claim runs against (保险法 art. 23/24, PICC practice). */
export const DEADLINE_STAGES = ['verify', 'assess', 'decide', 'pay', 'denial_notice'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

/** A policy's service deadlines, as the claim workflow hands them to the clocks (claims/claim-clocks.ts defines them). */
export type PolicyDeadlines = PolicyTerms;

export const DEFAULT_DEADLINES: PolicyDeadlines = {
  verifyWorkingDays: 1, assessWorkingDays: 3, decideDays: 30, payWorkingDays: 10, denialNoticeDays: 3,
};

export interface StageTerms {
  allowedDays: number;
  workingDays: boolean;
}

export function stageTerms(stage: DeadlineStage, deadlines: PolicyDeadlines): StageTerms {
  switch (stage) {
    case 'verify': return { allowedDays: deadlines.verifyWorkingDays, workingDays: true };
    case 'assess': return { allowedDays: deadlines.assessWorkingDays, workingDays: true };
    case 'decide': return { allowedDays: deadlines.decideDays, workingDays: false };
    case 'pay': return { allowedDays: deadlines.payWorkingDays, workingDays: true };
    case 'denial_notice': return { allowedDays: deadlines.denialNoticeDays, workingDays: false };
  }
}

/**
 * What a workflow action does to the clocks: the stages it completes and the
 * ones it starts. Filing starts the site verification and the 30-day decision
 * clock together; returning a claim pauses every running clock and resubmitting
 * it resumes them; withdrawing or closing stops whatever still runs.
 */
export type ClockEvent = ClaimAction | 'file' | 'issue_denial_notice';

export interface StageChange {
  done?: DeadlineStage[];
  start?: DeadlineStage[];
  pause?: true;
  resume?: true;
  cancel?: true;
}

export const STAGE_CHANGES: Partial<Record<ClockEvent, StageChange>> = {
  file: { start: ['verify', 'decide'] },
  verify: { done: ['verify'], start: ['assess'] },
  assess: { done: ['assess'] },
  approve: { done: ['decide'], start: ['pay'] },
  deny: { done: ['decide'], start: ['denial_notice'] },
  pay: { done: ['pay'] },
  issue_denial_notice: { done: ['denial_notice'] },
  return: { pause: true },
  resubmit: { resume: true },
  withdraw: { cancel: true },
  close: { cancel: true },
};

/** One running or finished clock of a claim, as claim_deadline stores it. */
export interface StageClock extends StageTerms {
  stage: DeadlineStage;
  startedOn: string;
  /** Days (of the stage's kind) the claim spent in needs_info. */
  pausedDays: number;
  /** Set while the claim is in needs_info. */
  pausedOn: string | null;
  dueDate: string;
}

/** The due date: the allowed days plus the paused ones, counted from the day the stage started. */
export function dueDate(clock: Pick<StageClock, 'startedOn' | 'allowedDays' | 'workingDays' | 'pausedDays'>, calendar: WorkingDayCalendar): string {
  const days = clock.allowedDays + clock.pausedDays;
  return clock.workingDays ? calendar.addWorkingDays(clock.startedOn, days) : addDays(clock.startedOn, days);
}

/** Days of the stage's kind from `from` to `to`: working days after `from` up to `to`, or calendar days. */
export function stageDaysBetween(workingDays: boolean, from: string, to: string, calendar: WorkingDayCalendar): number {
  return workingDays ? calendar.workingDaysBetween(from, to) : daysBetween(from, to);
}

/** A paused clock resumed on `today`: the pause is added to its days and its due date moves on. */
export function resume(clock: StageClock, today: string, calendar: WorkingDayCalendar): StageClock {
  if (clock.pausedOn === null) return clock;
  const pausedDays = clock.pausedDays + Math.max(0, stageDaysBetween(clock.workingDays, clock.pausedOn, today, calendar));
  return { ...clock, pausedDays, pausedOn: null, dueDate: dueDate({ ...clock, pausedDays }, calendar) };
}

export interface DeadlineView {
  stage: DeadlineStage;
  dueDate: string;
  overdue: boolean;
  /** Days of the stage's kind left until the due date; negative once overdue; frozen while paused. */
  daysLeft: number;
  paused: boolean;
}

/**
 * How a clock stands on `today`. A paused clock shows the due date it would
 * have if the claim were resubmitted today, and is never overdue.
 */
export function viewClock(clock: StageClock, today: string, calendar: WorkingDayCalendar): DeadlineView {
  if (clock.pausedOn !== null) {
    return {
      stage: clock.stage, dueDate: resume(clock, today, calendar).dueDate, overdue: false, paused: true,
      daysLeft: stageDaysBetween(clock.workingDays, clock.pausedOn, clock.dueDate, calendar),
    };
  }
  return {
    stage: clock.stage, dueDate: clock.dueDate, overdue: today > clock.dueDate, paused: false,
    daysLeft: stageDaysBetween(clock.workingDays, today, clock.dueDate, calendar),
  };
}

/** The clock a claim response shows: the running one due first. */
export function mostUrgent(views: DeadlineView[]): DeadlineView | null {
  return views.reduce<DeadlineView | null>((first, view) => (first === null || view.dueDate < first.dueDate ? view : first), null);
}
