import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches, type ValidationOptions } from 'class-validator';
import { shanghaiDate } from './timestamp.js';

/**
 * Business dates are calendar dates in Asia/Shanghai, written YYYY-MM-DD, as
 * the API and the `date` columns use them. Arithmetic on them is done in UTC,
 * where every day has 24 hours.
 */
const DAY_MS = 24 * 3600 * 1000;

export function shanghaiToday(): string {
  return shanghaiDate(new Date());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** class-validator: a real calendar date written YYYY-MM-DD ("2026-02-30" fails). */
export function IsBusinessDate(options: Pick<ValidationOptions, 'each'> = {}): PropertyDecorator {
  return applyDecorators(
    IsString(options),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { ...options, message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { ...options, message: '$property is not a calendar date' }),
  );
}
