import { describe, expect, it } from '@jest/globals';
import { readWorkingDayCalendar } from '../../seeds/working-day-calendar.js';
import { WorkingDayCalendar } from './working-days.js';

const seeded = readWorkingDayCalendar();
const cn = new WorkingDayCalendar(seeded.flatMap((y) => y.holidays), seeded.flatMap((y) => y.workdays));

describe('working days', () => {
  it('a plain calendar skips weekends only', () => {
    const plain = new WorkingDayCalendar([], []);
    expect(plain.addWorkingDays('2025-11-28', 1)).toBe('2025-12-01'); // Fri → Mon
    expect(plain.addWorkingDays('2025-11-29', 1)).toBe('2025-12-01'); // Sat → Mon
    expect(plain.addWorkingDays('2025-11-24', 5)).toBe('2025-12-01');
    expect(plain.addWorkingDays('2025-11-26', 0)).toBe('2025-11-26');
    expect(plain.isWorkingDay('2025-11-30')).toBe(false);
  });

  it.each([
    // National Day 2026: 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 worked
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-10-09', 2, '2026-10-12'],
    // Spring Festival 2026: 02-15…02-23 off, Saturdays 02-14 and 02-28 worked
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-26', 2, '2026-02-28'],
    // New Year 2026: 01-01…01-03 off, Sunday 01-04 worked
    ['2025-12-31', 1, '2026-01-04'],
    // 2020: the Spring Festival holiday the State Council extended to 02-02
    ['2020-01-23', 1, '2020-02-03'],
    // Mid-autumn and National Day 2023 merged: 09-29…10-06 off, 10-07 and 10-08 worked
    ['2023-09-28', 1, '2023-10-07'],
    ['2023-09-28', 3, '2023-10-09'],
  ])('%s + %i working day(s) = %s', (from, count, due) => {
    expect(cn.addWorkingDays(from, count)).toBe(due);
  });

  it('counts working days after the first date up to and including the second', () => {
    expect(cn.workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(cn.workingDaysBetween('2026-09-19', '2026-09-21')).toBe(2); // Sunday 09-20 is worked
    expect(cn.workingDaysBetween('2026-10-08', '2026-10-08')).toBe(0);
    expect(cn.workingDaysBetween('2026-10-12', '2026-10-08')).toBe(-3); // 10-09, 10-10, 10-12
  });

  it('is the inverse of addWorkingDays on working days', () => {
    for (const from of ['2026-01-30', '2026-02-13', '2026-09-29', '2024-04-30']) {
      for (const count of [1, 3, 10]) expect(cn.workingDaysBetween(from, cn.addWorkingDays(from, count))).toBe(count);
    }
  });

  it('the seeded years 2018–2026 list only weekend days as make-up working days, each with its source', () => {
    expect(seeded.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of seeded) {
      expect(year.sources.length).toBeGreaterThan(0);
      for (const day of year.workdays) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      for (const day of [...year.holidays, ...year.workdays]) expect(day.startsWith(`${year.year}-`)).toBe(true);
    }
  });
});
