import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, OUTCOME_WORDS, type LedgerColumn } from './ledger-columns.js';

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Rows the template's drop-down lists cover. */
const VALIDATED_ROWS = 10_000;
export const YUAN_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

export const COLUMN_WIDTHS: Record<LedgerColumn, number> = {
  报案日期: 12, 出险日期: 12, 街道: 14, 姓名: 10, 身份证号: 21, 联系电话: 14, 事件类型: 22, 出险地点: 28,
  报损金额: 13, 核定金额: 13, 赔付金额: 13, 赔付日期: 12, 状态: 9, 备注: 30,
};

/** The sheet's header row, bold on grey and frozen, as the template and the export both show it. */
export function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
}

/**
 * The empty ledger a district fills in: the headers, one example row, and
 * drop-down lists for 街道, 事件类型 and 状态 drawn from a hidden sheet (a
 * list typed into the validation itself is capped at 255 characters).
 */
export async function ledgerTemplate(streets: string[], eventTypes: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((header) => ({ header, key: header, width: COLUMN_WIDTHS[header] }));
  styleHeader(sheet);
  sheet.addRow({
    报案日期: new Date(Date.UTC(2022, 5, 4)), 出险日期: new Date(Date.UTC(2022, 5, 3)), 街道: streets[0] ?? '', 姓名: '陈建国',
    身份证号: '11010519491231002X', 联系电话: '13812345678', 事件类型: eventTypes[0] ?? '', 出险地点: '新垵村沿街商铺',
    报损金额: 2000, 核定金额: 1800, 赔付金额: 1800, 赔付日期: new Date(Date.UTC(2022, 5, 24)), 状态: OUTCOME_WORDS.paid,
    备注: '示例行，导入前请删除',
  });
  for (const header of ['报案日期', '出险日期', '赔付日期'] as const) sheet.getColumn(header).numFmt = DATE_FORMAT;
  for (const header of ['报损金额', '核定金额', '赔付金额'] as const) sheet.getColumn(header).numFmt = YUAN_FORMAT;

  const lists = workbook.addWorksheet('选项', { state: 'hidden' });
  const listed: [LedgerColumn, string[]][] = [['街道', streets], ['事件类型', eventTypes], ['状态', Object.values(OUTCOME_WORDS)]];
  for (const [i, [header, values]] of listed.entries()) {
    const letter = String.fromCharCode(65 + i);
    lists.getCell(`${letter}1`).value = header;
    values.forEach((value, row) => { lists.getCell(`${letter}${row + 2}`).value = value; });
    const column = sheet.getColumn(header).letter;
    // exceljs validates ranges at run time; its typings only know the per-cell form.
    (sheet as unknown as RangeValidations).dataValidations.add(`${column}2:${column}${VALIDATED_ROWS}`, {
      type: 'list', allowBlank: true, showErrorMessage: true, errorTitle: header, error: `请从列表中选择${header}`,
      formulae: [`'选项'!$${letter}$2:$${letter}$${Math.max(values.length, 1) + 1}`],
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
