import { describe, expect, it } from '@jest/globals';
import { shanghaiDate } from './timestamp.js';

const byIntl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('shanghaiDate', () => {
  it('is the Asia/Shanghai calendar date, around midnight there and across the years', () => {
    const moments = [
      '2026-03-01T15:59:59.999Z', '2026-03-01T16:00:00.000Z', '2024-02-28T16:00:00.000Z', '1991-09-14T15:30:00.000Z',
      '1988-07-01T15:30:00.000Z', '1992-01-01T00:00:00.000Z', '2099-12-31T16:00:00.000Z',
    ].map((iso) => new Date(iso));
    for (let ms = Date.UTC(1985, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 7_777_777_777 / 97) moments.push(new Date(ms));
    for (const at of moments) expect([at.toISOString(), shanghaiDate(at)]).toEqual([at.toISOString(), byIntl.format(at)]);
  });
});
