import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import type { ValueTransformer } from 'typeorm';

/**
 * Money is integer fen (1 yuan = 100 fen) held as `bigint` in code and in
 * PostgreSQL `bigint` columns, and a yuan string with exactly two decimals in
 * the API ("35000.00"). Nothing on a money path goes through a float.
 */

export const MONEY_EXAMPLE = '35000.00';

/**
 * The largest accepted amount: 100,000,000,000.00 yuan (10^13 fen). Far above
 * any policy (a district's annual aggregate is millions of yuan) and far
 * below PostgreSQL's bigint (~9.2 × 10^18 fen), so sums over millions of
 * claims cannot overflow a bigint column either.
 */
export const MAX_MONEY_FEN = 10_000_000_000_000n;

export const MONEY_FORMAT_MESSAGE = 'must be a yuan amount as a string with at most two decimals, e.g. "35000.00"';

export class MoneyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyFormatError';
  }
}

// Leading zeros ("007") are rejected as ambiguous; "0" and "0.5" are fine.
const YUAN_PATTERN = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;
const MAX_INTEGER_DIGITS = 12; // "100000000000" is the longest valid yuan part

/** Parses an API yuan string into fen. Throws MoneyFormatError on anything else. */
export function parseMoney(input: unknown): bigint {
  if (typeof input !== 'string') {
    throw new MoneyFormatError(
      `Amount ${MONEY_FORMAT_MESSAGE}; got a ${input === null ? 'null' : typeof input} (JSON numbers lose fen)`,
    );
  }
  const match = YUAN_PATTERN.exec(input);
  if (!match) {
    throw new MoneyFormatError(`Amount ${MONEY_FORMAT_MESSAGE}; got ${JSON.stringify(input)}`);
  }
  const [, yuan, decimals = ''] = match;
  if (yuan.length > MAX_INTEGER_DIGITS) {
    throw new MoneyFormatError(`Amount ${JSON.stringify(input)} exceeds the maximum of ${formatMoney(MAX_MONEY_FEN)} yuan`);
  }
  const fen = BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > MAX_MONEY_FEN) {
    throw new MoneyFormatError(`Amount ${JSON.stringify(input)} exceeds the maximum of ${formatMoney(MAX_MONEY_FEN)} yuan`);
  }
  return fen;
}

/**
 * Converts fen as it comes out of code or the database into a bigint. The pg
 * driver returns bigint columns as strings; a number must be a safe integer.
 */
export function toFen(fen: bigint | string | number): bigint {
  if (typeof fen === 'bigint') return fen;
  if (typeof fen === 'number') {
    if (!Number.isSafeInteger(fen)) {
      throw new TypeError(`Fen must be a safe integer, got ${fen}`);
    }
    return BigInt(fen);
  }
  if (typeof fen === 'string' && /^-?\d+$/.test(fen)) return BigInt(fen);
  throw new TypeError(`Fen must be an integer, got ${JSON.stringify(fen)}`);
}

/** Formats fen as a yuan string with exactly two decimals: 3500000n → "35000.00", -150n → "-1.50". */
export function formatMoney(fen: bigint | string | number): string {
  const value = toFen(fen);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** formatMoney, passing null through: for amounts a claim has only from some stage on. */
export function formatOptionalMoney(fen: bigint | string | null): string | null {
  return fen === null ? null : formatMoney(fen);
}

/**
 * Yuan as a JS number, ONLY for XLSX cell values (so a spreadsheet can sum a
 * column). The result is the double nearest to the exact yuan amount, which is
 * what the spreadsheet would store for the typed decimal; exact in fen for
 * amounts below 2^53 fen. Never feed it back into a calculation.
 */
export function yuanNumber(fen: bigint): number {
  return Number(formatMoney(fen));
}

/** class-validator decorator: the property is a yuan string parseMoney accepts. */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isMoney',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate(value: unknown): boolean {
          try {
            parseMoney(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} ${MONEY_FORMAT_MESSAGE}`;
        },
      },
    });
  };
}

/** For entity columns: bigint fen come back from pg as strings; the domain works in bigint. */
export const fenColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
