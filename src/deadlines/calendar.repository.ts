import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingDayCalendar } from './working-days.js';

export interface CalendarYear {
  holidays: string[];
  workdays: string[];
}

export interface StoredDay {
  day: string;
  kind: 'holiday' | 'workday';
}

/** The calendar of the stored days between two dates (inclusive); outside them it knows only weekends. */
export function calendarOf(days: readonly StoredDay[], from: string, to: string): WorkingDayCalendar {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const { day, kind } of days) {
    if (day < from || day > to) continue;
    (kind === 'holiday' ? holidays : workdays).push(day);
  }
  return new WorkingDayCalendar(holidays, workdays);
}

@Injectable()
export class CalendarRepository {
  async findYear(tx: EntityManager, year: number): Promise<CalendarYear> {
    const rows: { day: string; kind: 'holiday' | 'workday' }[] = await tx.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day
       WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) ORDER BY day`,
      [year],
    );
    return {
      holidays: rows.filter((row) => row.kind === 'holiday').map((row) => row.day),
      workdays: rows.filter((row) => row.kind === 'workday').map((row) => row.day),
    };
  }

  /** The calendar between two dates; outside them it knows only weekends. */
  async load(tx: EntityManager, from: string, to: string): Promise<WorkingDayCalendar> {
    const rows: StoredDay[] = await tx.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day WHERE day BETWEEN $1 AND $2`,
      [from, to],
    );
    return calendarOf(rows, from, to);
  }

  /** Every stored day, for the calendar cache. */
  async storedDays(db: EntityManager): Promise<StoredDay[]> {
    return db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day`);
  }

  async replaceYear(tx: EntityManager, year: number, calendar: CalendarYear, updatedBy: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('calendar_day'), $1)`, [year]);
    await tx.query(`DELETE FROM calendar_day WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)`, [year]);
    await tx.query(
      `INSERT INTO calendar_day (day, kind, updated_by)
       SELECT day, kind, $3 FROM unnest($1::date[], $2::text[]) AS t(day, kind)`,
      [[...calendar.holidays, ...calendar.workdays],
        [...calendar.holidays.map(() => 'holiday'), ...calendar.workdays.map(() => 'workday')], updatedBy],
    );
  }
}
