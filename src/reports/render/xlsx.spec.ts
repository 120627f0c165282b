import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { yuanNumber } from '../../common/money.js';
import { byPaidAmount } from './derive.js';
import { annualReportFixture, multiYearReportFixture, TRICKY_STREET_NAME } from './render-fixtures.test-helper.js';
import { renderAnnualXlsx, renderMultiYearXlsx } from './xlsx.js';

// The unit is in the header ("赔付金额（元）"), so the cells show plain numbers.
const MONEY_FORMAT = '#,##0.00';

async function read(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

function expectFrozenBoldHeader(sheet: ExcelJS.Worksheet): void {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
}

describe('renderAnnualXlsx', () => {
  const report = annualReportFixture();

  it('has one sheet per section, each with a frozen bold header and an autofilter over its rows', async () => {
    const workbook = await read(await renderAnnualXlsx(report));
    expect(workbook.title).toBe('海沧区 2022 年度社会治安综合保险理赔报告');
    expect(workbook.creator).toBe('社会治安综合保险理赔系统');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '办理时效', '按事件类型', '按街镇', '按月份']);
    workbook.worksheets.forEach(expectFrozenBoldHeader);
    const lastColumn = { 概况: 'B', 办理时效: 'D', 按事件类型: 'E', 按街镇: 'E', 按月份: 'D' } as Record<string, string>;
    const dataRows = { 概况: 25, 办理时效: 6, 按事件类型: 6, 按街镇: 4, 按月份: 5 } as Record<string, number>;
    for (const sheet of workbook.worksheets) {
      expect(sheet.autoFilter).toBe(`A1:${lastColumn[sheet.name]}${dataRows[sheet.name]}`);
    }
    for (const sheet of workbook.worksheets) {
      sheet.columns.forEach((column) => expect(column.width).toBeGreaterThanOrEqual(8));
    }
  });

  it('stores counts as integers and money as formatted numbers', async () => {
    const workbook = await read(await renderAnnualXlsx(report));
    const overview = workbook.getWorksheet('概况')!;
    const byLabel = new Map<string, ExcelJS.Cell>();
    overview.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2)));

    expect(byLabel.get('报案件数')!.value).toBe(128);
    expect(byLabel.get('撤回件数')!.value).toBe(0);
    expect(byLabel.get('赔付金额（元）')!.value).toBe(801234.56);
    expect(byLabel.get('赔付金额（元）')!.numFmt).toBe(MONEY_FORMAT);
    expect(byLabel.get('保费（元）')!.value).toBe(1000000);
    expect(byLabel.get('赔付率')!.value).toBe(0.8012);
    expect(byLabel.get('赔付率')!.numFmt).toBe('0.00%');
    expect(byLabel.get('保单号')!.value).toBe('PICC-XM-2022-0001');
    expect(byLabel.get('上年赔付金额（元）')!.value).toBe(700000);
    expect(byLabel.get('报案至赔付 90 分位（天）')!.value).toBe(27.5);

    const byEventType = workbook.getWorksheet('按事件类型')!;
    expect(rowValues(byEventType, 1)).toEqual(['事件类型', '事件类型代码', '报案件数', '赔付件数', '赔付金额（元）']);
    byPaidAmount(report.byEventType).forEach((r, i) => {
      expect(rowValues(byEventType, i + 2)).toEqual([r.nameZh, r.eventType, r.claims, r.paid, yuanNumber(r.paidAmount)]);
      expect(byEventType.getRow(i + 2).getCell(5).numFmt).toBe(MONEY_FORMAT);
    });
    expect(byEventType.rowCount).toBe(report.byEventType.length + 2);

    const byStreet = workbook.getWorksheet('按街镇')!;
    expect(byStreet.getRow(4).getCell(1).value).toBe(TRICKY_STREET_NAME);
    const byMonth = workbook.getWorksheet('按月份')!;
    expect(rowValues(byMonth, 2)).toEqual(['2022-01', 10, 7, 61234.56]);

    const timeliness = workbook.getWorksheet('办理时效')!;
    expect(rowValues(timeliness, 2)).toEqual(['现场核查（报案至核查完成）', 120, 8, 0.9375]);
    expect(timeliness.getRow(2).getCell(4).numFmt).toBe('0.00%');
    expect(timeliness.rowCount).toBe(6);
  });

  it('ends each breakdown sheet with a bold total row of SUM formulas whose results are the report totals', async () => {
    const workbook = await read(await renderAnnualXlsx(report));
    for (const [name, rows, amountColumn] of [['按事件类型', 5, 'E'], ['按街镇', 3, 'E'], ['按月份', 4, 'D']] as const) {
      const sheet = workbook.getWorksheet(name)!;
      const total = sheet.getRow(rows + 2);
      expect(total.getCell(1).value).toBe('合计');
      expect(total.font?.bold).toBe(true);
      const amount = total.getCell(amountColumn);
      expect(amount.value).toEqual({ formula: `SUM(${amountColumn}2:${amountColumn}${rows + 1})`, result: 801234.56 });
      expect(amount.numFmt).toBe(MONEY_FORMAT);
      let sum = 0n;
      for (let r = 2; r <= rows + 1; r++) sum += BigInt(Math.round(Number(sheet.getRow(r).getCell(amountColumn).value) * 100));
      expect(sum).toBe(report.totals.paidAmount);
    }
  });
});

describe('renderMultiYearXlsx', () => {
  it('has the 逐年 sheet with running totals and a total row', async () => {
    const workbook = await read(await renderMultiYearXlsx(multiYearReportFixture()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['逐年']);
    const sheet = workbook.worksheets[0];
    expectFrozenBoldHeader(sheet);
    expect(rowValues(sheet, 2)).toEqual([2018, 6, 100, 1000000, 100, 1000000]);
    expect(rowValues(sheet, 6)).toEqual([2022, 21, 200, 2100000, 765, 8012345.67]);
    expect(rowValues(sheet, 7)).toEqual([
      '合计', undefined, { formula: 'SUM(C2:C6)', result: 765 }, { formula: 'SUM(D2:D6)', result: 8012345.67 },
    ]);
    expect(sheet.autoFilter).toBe('A1:F6');
    expect(sheet.getRow(7).getCell(4).numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getRow(7).font?.bold).toBe(true);
  });
});
