import { describe, expect, it } from '@jest/globals';
import { shanghaiDate } from './timestamp.js';

const BY_TIME_ZONE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('shanghaiDate', () => {
  it('turns at midnight Shanghai time, 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-12-03T15:59:59.999Z'))).toBe('2026-12-03');
    expect(shanghaiDate(new Date('2026-12-03T16:00:00.000Z'))).toBe('2026-12-04');
    expect(shanghaiDate(new Date('2024-02-28T16:00:00+00:00'))).toBe('2024-02-29');
    expect(shanghaiDate(new Date('2022-06-05T00:30:00+08:00'))).toBe('2022-06-05');
  });

  it('agrees with the time zone database on every day since 1992, on each side of midnight', () => {
    const day = 24 * 60 * 60 * 1000;
    const differing: string[] = [];
    for (let at = Date.UTC(1992, 0, 1, 15, 59, 59); at < Date.UTC(2100, 0, 1); at += day) {
      for (const moment of [at, at + 1000, at + 12 * 60 * 60 * 1000]) {
        const date = new Date(moment);
        if (shanghaiDate(date) !== BY_TIME_ZONE.format(date)) differing.push(date.toISOString());
      }
    }
    expect(differing).toEqual([]);
  });
});
