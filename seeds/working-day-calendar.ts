import { readFileSync } from 'node:fs';
import { insertRows, type Seed } from './seed.js';
import { seedsDir } from './seeds-dir.js';

export interface CalendarYearFile {
  year: number;
  /** The State Council notices (国务院办公厅关于…部分节假日安排的通知) the dates come from. */
  sources: string[];
  holidays: string[];
  workdays: string[];
}

/**
 * 2018–2026 as published by the State Council, taken from the machine-readable
 * copy of the notices at github.com/NateScarlet/holiday-cn (MIT), grouped by
 * the year each date falls in. Weekdays the notices mention as working days
 * (2020-02-03, the end of the extended Spring Festival) are working days anyway
 * and left out.
 */
export function readWorkingDayCalendar(): CalendarYearFile[] {
  return JSON.parse(readFileSync(`${seedsDir()}/working-day-calendar.json`, 'utf8')) as CalendarYearFile[];
}

/** Loaded once per database; afterwards the admin keeps the calendar (PUT /calendar/:year). */
export const workingDayCalendarSeed: Seed = {
  name: 'working-day-calendar-2018-2026',
  async run(tx) {
    const rows = readWorkingDayCalendar().flatMap((year) => [
      ...year.holidays.map((day) => [day, 'holiday']),
      ...year.workdays.map((day) => [day, 'workday']),
    ]);
    await insertRows(tx, 'calendar_day', ['day', 'kind'], rows, 'ON CONFLICT (day) DO NOTHING');
  },
};
