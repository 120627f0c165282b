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

// Asia/Shanghai has kept +08:00 without daylight saving since 1991, before any
// moment this service stores, so the fixed offset is exact and far cheaper
// than Intl's time zone lookup (it runs on every request through Clock.today).
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The business date (Asia/Shanghai) of a moment, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
