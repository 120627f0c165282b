// Display formatting for the renderers. Money stays in integer fen (bigint) until it becomes text.
import { formatMoney } from '../../common/money.js';
import type { Fen } from './report-types.js';

const RATIO = /^(\d+)(?:\.(\d{1,4}))?$/;
const REPORT_TIME_ZONE = 'Asia/Shanghai';

/** Fen as yuan with thousands separators: -123456n → "-1,234.56" */
export function formatFen(fen: Fen): string {
  return groupThousands(formatMoney(fen));
}

export function formatCount(n: number): string {
  return groupThousands(String(n));
}

/** Amount in 万元 with two decimals, rounded half up, for chart labels. */
export function formatWan(fen: Fen): string {
  const hundredthsOfWan = (fen + 5_000n) / 10_000n;
  return groupThousands(formatMoney(hundredthsOfWan));
}

/** "0.8123" → "81.23%" */
export function formatRatioPercent(ratio: string | null, none = '—'): string {
  if (ratio === null) return none;
  const m = RATIO.exec(ratio.trim());
  if (!m) throw new Error(`Not a ratio: "${ratio}"`);
  const basisPoints = BigInt(m[1]) * 10_000n + BigInt((m[2] ?? '').padEnd(4, '0'));
  return `${groupThousands(String(basisPoints / 100n))}.${String(basisPoints % 100n).padStart(2, '0')}%`;
}

export function ratioToNumber(ratio: string): number {
  if (!RATIO.test(ratio.trim())) throw new Error(`Not a ratio: "${ratio}"`);
  return Number(ratio);
}

/** Relative change with one decimal, rounded half away from zero ("+8.5%"); null when there is no base. */
export function percentChange(now: bigint, before: bigint): string | null {
  if (before <= 0n) return null;
  const diff = now - before;
  const abs = diff < 0n ? -diff : diff;
  const tenthsOfPercent = (abs * 2_000n + before) / (2n * before);
  const sign = tenthsOfPercent === 0n ? '' : diff < 0n ? '-' : '+';
  return `${sign}${tenthsOfPercent / 10n}.${tenthsOfPercent % 10n}%`;
}

export function signed(formatted: string): string {
  return formatted.startsWith('-') || /^[0.,]+$/.test(formatted) ? formatted : `+${formatted}`;
}

export function formatDays(days: number | null, none: string): string {
  if (days === null) return none;
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

const timeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as Beijing time "2023-01-05 10:30"; a business date ("2022-06-01") unchanged. */
export function formatTime(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** Amount in Chinese capital numerals as written on payment documents: 3500050n → "叁万伍仟元伍角". */
export function amountInWords(fen: Fen): string {
  const integer = String(fen / 100n);
  if (integer.length > 16) throw new Error(`Amount too large: ${formatMoney(fen)}`);
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);

  let words = '';
  let zeroPending = false;
  let groupHasDigit = false;
  for (let i = 0; i < integer.length; i++) {
    const digit = Number(integer[i]);
    const position = integer.length - 1 - i;
    if (digit === 0) {
      zeroPending = true;
    } else {
      if (zeroPending && words) words += DIGITS[0];
      words += DIGITS[digit] + IN_GROUP[position % 4];
      zeroPending = false;
      groupHasDigit = true;
    }
    if (position % 4 === 0 && groupHasDigit) {
      words += GROUPS[position / 4];
      groupHasDigit = false;
    }
  }

  if (!words) return jiao === 0 && cents === 0 ? '零元整' : fraction(jiao, cents, false);
  words += '元';
  return jiao === 0 && cents === 0 ? `${words}整` : words + fraction(jiao, cents, true);
}

function fraction(jiao: number, cents: number, afterYuan: boolean): string {
  let words = '';
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (afterYuan) words += DIGITS[0];
  if (cents > 0) words += `${DIGITS[cents]}分`;
  return words;
}

function groupThousands(plain: string): string {
  const [integer, decimals] = plain.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}
