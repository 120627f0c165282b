import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { LEDGER_COLUMNS, REQUIRED_COLUMNS, TOTALS_LABELS, type CellValue, type LedgerColumn } from './ledger-columns.js';

/** The file is not an xlsx workbook (or not one exceljs can read). */
export class NotAWorkbookError extends Error {}

/** The header row lacks columns every row needs. */
export class MissingColumnsError extends Error {
  constructor(readonly missing: LedgerColumn[]) {
    super(`missing columns: ${missing.join(', ')}`);
  }
}

export interface LedgerSheetRow {
  /** The Excel row number (the header is row 1). */
  row: number;
  cells: Map<LedgerColumn, CellValue>;
}

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/**
 * Streams the data rows of the workbook's first sheet, whose first row holds
 * the headers, without building the workbook in memory. Blank rows and
 * totals rows are skipped.
 */
export async function* readLedger(bytes: Buffer): AsyncGenerator<LedgerSheetRow> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new NotAWorkbookError('the file is not an xlsx workbook');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  let sheetSeen = false;
  try {
    for await (const sheet of reader) {
      if (sheetSeen) continue;
      sheetSeen = true;
      let columnOf: Map<number, LedgerColumn> | null = null;
      for await (const row of sheet) {
        if (columnOf === null) {
          columnOf = headerColumns(row);
          continue;
        }
        const cells = new Map<LedgerColumn, CellValue>();
        let blank = true;
        for (const [index, column] of columnOf) {
          const value = cellValue(row.getCell(index).value);
          if (value !== null) blank = false;
          cells.set(column, value);
        }
        const totals = cells.get('报案日期') === null && TOTALS_LABELS.includes(String(cellValue(row.getCell(1).value)));
        if (!blank && !totals) yield { row: row.number, cells };
      }
      if (columnOf === null) throw new MissingColumnsError([...REQUIRED_COLUMNS]);
    }
  } catch (error) {
    if (error instanceof MissingColumnsError) throw error;
    throw new NotAWorkbookError(`the file is not a readable xlsx workbook (${(error as Error).message})`);
  }
  if (!sheetSeen) throw new NotAWorkbookError('the workbook has no worksheet');
}

function headerColumns(row: ExcelJS.Row): Map<number, LedgerColumn> {
  const known = new Set<string>(LEDGER_COLUMNS);
  const columnOf = new Map<number, LedgerColumn>();
  row.eachCell((cell, index) => {
    const header = String(cellValue(cell.value) ?? '');
    if (known.has(header) && ![...columnOf.values()].includes(header as LedgerColumn)) columnOf.set(index, header as LedgerColumn);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => ![...columnOf.values()].includes(column));
  if (missing.length > 0) throw new MissingColumnsError(missing);
  return columnOf;
}

/** Text trimmed, empty as null; rich text joined; a formula by its cached result; a hyperlink by its text. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
  if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}
