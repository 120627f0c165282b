import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, type LedgerColumn } from '../../src/ledgers/ledger-columns.js';

export type LedgerRowInput = Partial<Record<LedgerColumn, string | number>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A ledger as a district would type it: the import's headers (in `columns`
 * order), real date cells for ISO dates that exist and numbers as number
 * cells; anything else stays text, as typed.
 */
export async function ledgerFile(rows: LedgerRowInput[], columns: readonly string[] = LEDGER_COLUMNS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow([...columns]);
  for (const row of rows) {
    sheet.addRow(columns.map((column) => {
      const value = row[column as LedgerColumn];
      if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value)) {
        return new Date(`${value}T00:00:00Z`);
      }
      return value ?? null;
    }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
