import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { annualReportFixture, multiYearReportFixture, TRICKY_STREET_NAME } from './render-fixtures.test-helper.js';
import { renderAnnualXlsx, renderMultiYearXlsx } from './xlsx.js';

const MONEY_FORMAT = '#,##0.00 "元"';

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

  it('has one sheet per section, each with a frozen bold header', async () => {
    const workbook = await read(await renderAnnualXlsx(report));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '按事件类型', '按街镇', '按月份']);
    workbook.worksheets.forEach(expectFrozenBoldHeader);
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
    expect(byLabel.get('赔付金额（元）')!.value).toBe(801234.56);
    expect(byLabel.get('赔付金额（元）')!.numFmt).toBe(MONEY_FORMAT);
    expect(byLabel.get('保费（元）')!.value).toBe(1000000);
    expect(byLabel.get('赔付率')!.value).toBe(0.8012);
    expect(byLabel.get('赔付率')!.numFmt).toBe('0.00%');
    expect(byLabel.get('保单号')!.value).toBe('PICC-XM-2022-0001');
    expect(byLabel.get('上年赔付金额（元）')!.value).toBe(700000);
    expect(byLabel.get('报案至赔付 90 分位（天）')!.value).toBe(27.5);

    const byEventType = workbook.getWorksheet('按事件类型')!;
    expect(rowValues(byEventType, 1)).toEqual(['事件类型代码', '事件类型', '报案件数', '赔付件数', '赔付金额（元）']);
    report.byEventType.forEach((r, i) => {
      expect(rowValues(byEventType, i + 2)).toEqual([r.eventType, r.nameZh, r.claims, r.paid, Number(r.paidAmount)]);
      expect(byEventType.getRow(i + 2).getCell(5).numFmt).toBe(MONEY_FORMAT);
    });
    expect(byEventType.rowCount).toBe(report.byEventType.length + 1);

    const byStreet = workbook.getWorksheet('按街镇')!;
    expect(byStreet.getRow(4).getCell(2).value).toBe(TRICKY_STREET_NAME);
    const byMonth = workbook.getWorksheet('按月份')!;
    expect(rowValues(byMonth, 2)).toEqual(['2022-01', 10, 7, 61234.56]);
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
    expect(rowValues(sheet, 7)).toEqual(['合计', undefined, 765, 8012345.67]);
    expect(sheet.getRow(7).getCell(4).numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getRow(7).font?.bold).toBe(true);
  });
});
