import { describe, expect, it } from '@jest/globals';
import { readWorkingDayCalendar } from '../../seeds/working-day-calendar.js';
import { dueDate, mostUrgent, resume, stageTerms, viewClock, DEFAULT_DEADLINES, type StageClock } from './deadline-rules.js';
import { WorkingDayCalendar } from './working-days.js';

const seeded = readWorkingDayCalendar();
const cn = new WorkingDayCalendar(seeded.flatMap((y) => y.holidays), seeded.flatMap((y) => y.workdays));

function started(stage: StageClock['stage'], startedOn: string): StageClock {
  const clock = { stage, startedOn, pausedDays: 0, pausedOn: null, ...stageTerms(stage, DEFAULT_DEADLINES) };
  return { ...clock, dueDate: dueDate(clock, cn) };
}

describe('deadline clocks', () => {
  it('working-day stages skip weekends, holidays and count make-up days; the decision counts calendar days', () => {
    expect(started('verify', '2026-09-30').dueDate).toBe('2026-10-08'); // National Day in between
    expect(started('verify', '2026-09-19').dueDate).toBe('2026-09-20'); // Saturday → the make-up Sunday
    expect(started('assess', '2026-11-26').dueDate).toBe('2026-12-01'); // Thu + 3 working days, over a weekend
    expect(started('pay', '2026-02-10').dueDate).toBe('2026-03-02'); // Spring Festival: 02-11…13, 02-14 (Sat), 02-24…27, 02-28 (Sat), 03-02
    expect(started('decide', '2026-09-30').dueDate).toBe('2026-10-30'); // 30 calendar days, holidays included
    expect(started('denial_notice', '2026-10-01').dueDate).toBe('2026-10-04');
  });

  it('stands still while paused and resumes with the pause added', () => {
    const clock = started('assess', '2026-11-23'); // Mon; due Thu 11-26
    expect(clock.dueDate).toBe('2026-11-26');
    const paused = { ...clock, pausedOn: '2026-11-24' };
    // Returned on Tue, asked on Fri 11-27 (past the original due date): not overdue, 2 working days still left,
    // due on the second working day after today if resubmitted today.
    expect(viewClock(paused, '2026-11-27', cn)).toEqual({ stage: 'assess', dueDate: '2026-12-01', overdue: false, daysLeft: 2, paused: true });
    // Resubmitted Mon 11-30: 4 working days paused (11-25, 26, 27, 30), due 4 working days later than planned.
    const resumed = resume(paused, '2026-11-30', cn);
    expect(resumed).toMatchObject({ pausedDays: 4, pausedOn: null, dueDate: '2026-12-02' });
    expect(viewClock(resumed, '2026-11-30', cn)).toMatchObject({ overdue: false, daysLeft: 2, paused: false });
    expect(viewClock(resumed, '2026-12-04', cn)).toMatchObject({ overdue: true, daysLeft: -2 });
  });

  it('a pause over a holiday adds only the working days it covered', () => {
    const paused = { ...started('verify', '2026-09-29'), pausedOn: '2026-09-29' }; // due 09-30
    expect(resume(paused, '2026-10-08', cn)).toMatchObject({ pausedDays: 2, dueDate: '2026-10-09' }); // 09-30 and 10-08 paused
    const decide = { ...started('decide', '2026-09-29'), pausedOn: '2026-09-29' };
    expect(resume(decide, '2026-10-08', cn)).toMatchObject({ pausedDays: 9, dueDate: '2026-11-07' });
  });

  it('is due on the due date and overdue the day after', () => {
    const clock = started('verify', '2026-12-03'); // Thu → Fri 12-04
    expect(viewClock(clock, '2026-12-04', cn)).toMatchObject({ dueDate: '2026-12-04', overdue: false, daysLeft: 0 });
    expect(viewClock(clock, '2026-12-05', cn)).toMatchObject({ overdue: true, daysLeft: 0 }); // Saturday: no working day late yet
    expect(viewClock(clock, '2026-12-07', cn)).toMatchObject({ overdue: true, daysLeft: -1 });
  });

  it('shows the clock due first', () => {
    const views = [started('decide', '2026-12-01'), started('assess', '2026-12-03')].map((c) => viewClock(c, '2026-12-03', cn));
    expect(mostUrgent(views)?.stage).toBe('assess');
    expect(mostUrgent([])).toBeNull();
  });
});
