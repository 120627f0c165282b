import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches } from 'class-validator';

export const TIMESTAMP_EXAMPLE = '2022-06-05T10:30:00+08:00';

// API.md: times are ISO 8601 with an offset; a bare local time would be ambiguous.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** class-validator: an ISO 8601 moment with an offset, e.g. "2022-06-05T10:30:00+08:00". */
export function IsTimestamp(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(WITH_OFFSET, { message: '$property must be an ISO 8601 time with an offset, e.g. "2022-06-05T10:30:00+08:00"' }),
    IsISO8601({ strict: true }, { message: '$property is not a valid time' }),
  );
}

/** An optional moment as the API writes it. */
export function isoOrNull(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
// Shanghai has kept UTC+8 all year since its last summer time ended in September 1991;
// within these bounds the date is plain arithmetic (Intl's formatting costs more than a filing's crypto).
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const FIXED_OFFSET_UNTIL = Date.UTC(9999, 11, 31);

/** The business date (Asia/Shanghai) of a moment, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  const ms = at.getTime();
  if (ms >= FIXED_OFFSET_FROM && ms < FIXED_OFFSET_UNTIL) return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  return SHANGHAI_DATE.format(at);
}
