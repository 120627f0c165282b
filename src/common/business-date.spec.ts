import { describe, it, expect } from '@jest/globals';
import { validate } from 'class-validator';
import { addDays, daysBetween, IsBusinessDate } from './business-date.js';

class Incident {
  @IsBusinessDate()
  incidentDate: unknown;
}

async function problems(value: unknown): Promise<string[]> {
  const incident = new Incident();
  incident.incidentDate = value;
  return (await validate(incident)).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('business dates', () => {
  it.each([
    ['the same day', '2026-03-01', '2026-03-01', 0],
    ['across the end of February in a common year', '2026-02-27', '2026-03-02', 3],
    ['across a leap day', '2024-02-27', '2024-03-02', 4],
    ['backwards', '2026-03-02', '2026-02-27', -3],
    ['across a year end', '2025-12-30', '2026-01-02', 3],
  ])('daysBetween: %s', (_name, from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('addDays moves across month and year ends', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-01-02', -3)).toBe('2025-12-30');
  });

  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('IsBusinessDate accepts %s', async (date) => {
    expect(await problems(date)).toEqual([]);
  });

  it.each([
    ['February 30th', '2026-02-30'],
    ['a leap day in a common year', '2026-02-29'],
    ['month 13', '2026-13-01'],
    ['a time', '2026-03-01T10:00:00+08:00'],
    ['no zero padding', '2026-3-1'],
    ['a number', 20260301],
    ['slashes', '2026/03/01'],
  ])('IsBusinessDate rejects %s', async (_name, value) => {
    expect((await problems(value)).length).toBeGreaterThan(0);
  });
});
