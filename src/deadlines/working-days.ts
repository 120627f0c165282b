import { addDays } from '../common/business-date.js';

/**
 * Working days as the State Council sets them: Monday to Friday, except the
 * public holidays, plus the weekend days declared make-up working days (调休).
 * Dates are business dates (YYYY-MM-DD, Asia/Shanghai).
 */
export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;

  constructor(holidays: Iterable<string>, workdays: Iterable<string>) {
    this.holidays = new Set(holidays);
    this.workdays = new Set(workdays);
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The `count`-th working day after `date` (`date` itself does not count; 0 gives `date`). */
  addWorkingDays(date: string, count: number): string {
    if (count < 0) throw new RangeError('addWorkingDays counts forward only');
    let day = date;
    for (let left = count; left > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** Working days in (from, to]: after `from`, up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return 0 - this.workingDaysBetween(to, from); // 0 - 0 is 0, where -0 would be -0
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }
}
