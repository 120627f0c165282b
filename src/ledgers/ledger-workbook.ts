import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ClaimExportRow } from '../claims/claim-list.repository.js';
import type { LedgerOutcome } from '../claims/claim-workflow.js';
import { formatMoney } from '../common/money.js';
import { LEDGER_COLUMNS, OUTCOME_WORDS, TOTALS_LABELS } from './ledger-columns.js';
import { COLUMN_WIDTHS, DATE_FORMAT, styleHeader, YUAN_FORMAT } from './ledger-template.js';

/** One claim as a ledger row: the export's columns, money in fen as numbers, the outcome in the ledger's words. */
export type LedgerExportRow = Omit<ClaimExportRow, 'claimedAmount' | 'assessedAmount' | 'paidAmount' | 'status' | 'description'> & {
  claimed: bigint;
  assessed: bigint | null;
  paid: bigint | null;
  outcome: LedgerOutcome;
  remark: string;
};

/** The claim number leads; an import ignores it like any column it does not know. */
const CLAIM_NO = '案件编号';
const HEADERS = [CLAIM_NO, ...LEDGER_COLUMNS];
const MONEY_COLUMNS = ['报损金额', '核定金额', '赔付金额'] as const;

/**
 * Writes the ledger as it streams in, one committed row at a time, so memory
 * stays flat however many claims it holds: frozen header, autofilter, dates
 * and yuan as real Excel values, and a totals row whose SUBTOTAL formulas
 * follow the filter (their values are stored too, for readers that do not
 * calculate).
 */
export async function writeLedgerWorkbook(output: Writable, pages: AsyncIterable<LedgerExportRow[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header) => ({ header, key: header, width: header === CLAIM_NO ? 20 : COLUMN_WIDTHS[header as keyof typeof COLUMN_WIDTHS] }));
  styleHeader(sheet);
  sheet.getRow(1).commit();

  const totals = { 报损金额: 0n, 核定金额: 0n, 赔付金额: 0n };
  let rows = 0;
  for await (const page of pages) {
    for (const claim of page) {
      const row = sheet.addRow({
        [CLAIM_NO]: claim.claimNo, 报案日期: excelDate(claim.reportDate), 出险日期: excelDate(claim.incidentDate), 街道: claim.streetName,
        姓名: claim.residentName, 身份证号: claim.idNumber, 联系电话: claim.phone, 事件类型: claim.eventTypeNameZh, 出险地点: claim.incidentPlace,
        报损金额: yuan(claim.claimed), 核定金额: yuan(claim.assessed), 赔付金额: yuan(claim.paid),
        赔付日期: claim.paidDate === null ? null : excelDate(claim.paidDate), 状态: OUTCOME_WORDS[claim.outcome], 备注: claim.remark || null,
      });
      formatRow(row);
      row.commit();
      totals.报损金额 += claim.claimed;
      totals.核定金额 += claim.assessed ?? 0n;
      totals.赔付金额 += claim.paid ?? 0n;
      rows += 1;
    }
  }
  const last = rows + 1;
  const totalsRow = sheet.addRow({
    [CLAIM_NO]: TOTALS_LABELS[0],
    ...Object.fromEntries(MONEY_COLUMNS.map((column) => {
      const letter = sheet.getColumn(column).letter;
      return [column, { formula: `SUBTOTAL(109,${letter}2:${letter}${last})`, result: yuan(totals[column]) }];
    })),
  });
  totalsRow.font = { bold: true };
  formatRow(totalsRow);
  totalsRow.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: HEADERS.length } };
  sheet.commit();
  await workbook.commit();
}

function formatRow(row: ExcelJS.Row): void {
  for (const column of MONEY_COLUMNS) row.getCell(column).numFmt = YUAN_FORMAT;
  for (const column of ['报案日期', '出险日期', '赔付日期']) row.getCell(column).numFmt = DATE_FORMAT;
}

/** Excel dates have no zone: a day is written as that day's UTC midnight. */
function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Yuan as an Excel number from its exact two-decimal text, so the cell shows exactly the fen. */
function yuan(fen: bigint | null): number | null {
  return fen === null ? null : Number(formatMoney(fen));
}
