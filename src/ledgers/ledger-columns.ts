import type { LedgerOutcome } from '../claims/claim-workflow.js';
import { validateIdNumber } from '../common/id-number.js';
import { validateMobilePhone } from '../common/masking.js';
import { MoneyFormatError, parseMoney } from '../common/money.js';

/**
 * The ledger (台账) as districts keep it: one claim per row, columns found by
 * their header text in any order; other columns are ignored.
 */
export const LEDGER_COLUMNS = [
  '报案日期', '出险日期', '街道', '姓名', '身份证号', '联系电话', '事件类型', '出险地点',
  '报损金额', '核定金额', '赔付金额', '赔付日期', '状态', '备注',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

const OPTIONAL: ReadonlySet<LedgerColumn> = new Set(['核定金额', '赔付金额', '赔付日期', '备注']);
export const REQUIRED_COLUMNS = LEDGER_COLUMNS.filter((column) => !OPTIONAL.has(column));

/** A row whose first cell says one of these, and that has no 报案日期, sums the rows above: it is not a claim. */
export const TOTALS_LABELS = ['合计', '总计'];

/** A ledger's 状态 words. */
export const OUTCOME_WORDS: Record<LedgerOutcome, string> = { paid: '已赔付', denied: '拒赔', withdrawn: '撤案', pending: '处理中' };
const OUTCOME_OF_WORD = new Map(Object.entries(OUTCOME_WORDS).map(([outcome, word]) => [word, outcome as LedgerOutcome]));

/** A cell as the reader hands it over: text trimmed, empty as null. */
export type CellValue = string | number | Date | boolean | null;

export interface CellError {
  row: number;
  column: string;
  message: string;
}

export interface LedgerCoverage {
  coverageId: string;
  eventType: string;
  perClaimLimit: bigint;
}

/** What rows are checked against: the district's streets and the policy year's cover. */
export interface LedgerTerms {
  periodStart: string;
  periodEnd: string;
  /** Asia/Shanghai business date: nothing in a ledger happened after it. */
  today: string;
  /** Street code and street name → street code. */
  streets: ReadonlyMap<string, string>;
  /** Event type code and Chinese name → the policy's coverage of it. */
  coverages: ReadonlyMap<string, LedgerCoverage>;
  /** Event type code and Chinese name → code, for every catalogue entry (to tell "not covered" from "unknown"). */
  eventTypes: ReadonlyMap<string, string>;
}

/** A row that passed every check of its own; money in fen. */
export interface LedgerClaim {
  row: number;
  reportDate: string;
  incidentDate: string;
  streetCode: string;
  name: string;
  idNumber: string;
  phone: string;
  coverage: LedgerCoverage;
  incidentPlace: string;
  remark: string;
  claimed: bigint;
  assessed: bigint | null;
  paid: bigint | null;
  paidDate: string | null;
  outcome: LedgerOutcome;
}

/**
 * Checks one row on its own (the import checks what needs the database or
 * other rows: residents, the aggregate limit) and lists every failing cell.
 */
export function checkLedgerRow(row: number, cells: ReadonlyMap<LedgerColumn, CellValue>, terms: LedgerTerms): { claim: LedgerClaim | null; errors: CellError[] } {
  const errors: CellError[] = [];
  const fail = (column: LedgerColumn, message: string) => {
    errors.push({ row, column, message });
    return null;
  };
  const required = <T>(column: LedgerColumn, parse: (value: NonNullable<CellValue>) => T): T | null => {
    const value = cells.get(column) ?? null;
    if (value === null) return fail(column, 'is required');
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof CellProblem) return fail(column, error.message);
      throw error;
    }
  };
  const optional = <T>(column: LedgerColumn, parse: (value: NonNullable<CellValue>) => T): T | null => {
    const value = cells.get(column) ?? null;
    return value === null ? null : required(column, parse);
  };

  const reportDate = required('报案日期', parseDate);
  const incidentDate = required('出险日期', parseDate);
  const streetCode = required('街道', (value) => terms.streets.get(String(value)) ?? problem(`is not a street of the district: ${String(value)}`));
  const name = required('姓名', (value) => text(value, 100));
  const idNumber = required('身份证号', (value) => {
    const checked = validateIdNumber(String(value), terms.today);
    return checked.ok ? checked.idNumber : problem(checked.reason);
  });
  const phone = required('联系电话', (value) => {
    const phone = String(value).replace(/\s+/g, '');
    return validateMobilePhone(phone) ? phone : problem('must be an 11-digit mobile number or a landline with its area code');
  });
  const coverage = required('事件类型', (value) => terms.coverages.get(String(value))
    ?? problem(terms.eventTypes.has(String(value)) ? `is not covered by the policy of the year: ${String(value)}` : `is not a known event type: ${String(value)}`));
  const incidentPlace = required('出险地点', (value) => text(value, 300));
  const claimed = required('报损金额', parseLedgerMoney);
  const assessed = optional('核定金额', parseLedgerMoney);
  const paid = optional('赔付金额', parseLedgerMoney);
  const paidDate = optional('赔付日期', parseDate);
  const outcome = required('状态', (value) => OUTCOME_OF_WORD.get(String(value))
    ?? problem(`must be one of ${Object.values(OUTCOME_WORDS).join(', ')}`));
  const remark = optional('备注', (value) => text(value, 2000)) ?? '';

  if (incidentDate !== null && (incidentDate < terms.periodStart || incidentDate > terms.periodEnd)) {
    fail('出险日期', `is outside the policy period ${terms.periodStart} to ${terms.periodEnd}`);
  }
  if (reportDate !== null) {
    if (reportDate > terms.today) fail('报案日期', 'is in the future');
    else if (incidentDate !== null && reportDate < incidentDate) fail('报案日期', 'is before the incident date');
  }
  if (paidDate !== null) {
    if (paidDate > terms.today) fail('赔付日期', 'is in the future');
    else if (reportDate !== null && paidDate < reportDate) fail('赔付日期', 'is before the report date');
  }
  if (assessed !== null && claimed !== null && assessed > claimed) fail('核定金额', 'is more than the claimed amount (报损金额)');
  if (paid !== null) {
    if (assessed !== null && paid > assessed) fail('赔付金额', 'is more than the assessed amount (核定金额)');
    else if (claimed !== null && paid > claimed) fail('赔付金额', 'is more than the claimed amount (报损金额)');
    if (coverage !== null && paid > coverage.perClaimLimit) fail('赔付金额', "is more than the coverage's per-claim limit");
  }
  if (outcome === 'paid') {
    if (paid === null || paid === 0n) fail('赔付金额', `is required (and above zero) when 状态 is ${OUTCOME_WORDS.paid}`);
    if (paidDate === null) fail('赔付日期', `is required when 状态 is ${OUTCOME_WORDS.paid}`);
  } else if (outcome !== null) {
    const word = OUTCOME_WORDS[outcome];
    if (paid !== null) fail('赔付金额', `must be empty when 状态 is ${word}`);
    if (paidDate !== null) fail('赔付日期', `must be empty when 状态 is ${word}`);
    if (outcome !== 'denied' && assessed !== null) fail('核定金额', `must be empty when 状态 is ${word}`);
  }

  if (errors.length > 0) return { claim: null, errors };
  return {
    claim: {
      row, reportDate: reportDate!, incidentDate: incidentDate!, streetCode: streetCode!, name: name!, idNumber: idNumber!,
      phone: phone!, coverage: coverage!, incidentPlace: incidentPlace!, remark, claimed: claimed!, assessed, paid, paidDate,
      outcome: outcome!,
    },
    errors,
  };
}

/** What a cell parser throws: the message goes into the cell's error. */
export class CellProblem extends Error {}

function problem(message: string): never {
  throw new CellProblem(message);
}

function text(value: NonNullable<CellValue>, maxLength: number): string {
  const result = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return result.length > maxLength ? problem(`must be at most ${maxLength} characters`) : result;
}

const DATE_TEXT = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/;

/** A date cell, or text such as 2022-06-03, 2022/6/3 or 2022年6月3日. */
export function parseDate(value: NonNullable<CellValue>): string {
  // Excel keeps dates without a zone; exceljs hands them over as that day's UTC midnight.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? problem('is not a valid date') : value.toISOString().slice(0, 10);
  const match = typeof value === 'string' ? DATE_TEXT.exec(value) : null;
  if (!match) return problem('must be a date such as 2022-06-03');
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? problem(`is not a real date: ${value}`) : date;
}

/**
 * A yuan amount in fen. A number cell goes through its shortest decimal form
 * (35000.5 → "35000.5"), so a value with more than two decimals is refused
 * rather than rounded; text may carry a ¥ sign and thousands separators.
 */
export function parseLedgerMoney(value: NonNullable<CellValue>): bigint {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/^[¥￥]/, '').replace(/,/g, '') : null;
  if (raw === null) return problem('must be an amount in yuan such as 35000.00');
  try {
    return parseMoney(raw);
  } catch (error) {
    if (error instanceof MoneyFormatError) problem('must be an amount in yuan with at most two decimals, such as 35000.00');
    throw error;
  }
}
