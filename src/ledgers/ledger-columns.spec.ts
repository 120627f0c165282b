import { describe, expect, it } from '@jest/globals';
import { CellProblem, checkLedgerRow, parseDate, parseLedgerMoney, type CellValue, type LedgerColumn, type LedgerTerms } from './ledger-columns.js';

const FIRE = { coverageId: 'coverage-fire', eventType: 'fire', perClaimLimit: 5_000_000n };
const TERMS: LedgerTerms = {
  periodStart: '2022-01-01', periodEnd: '2022-12-31', today: '2026-12-03',
  streets: new Map([['350205001', '350205001'], ['海沧街道', '350205001']]),
  coverages: new Map([['fire', FIRE], ['火灾', FIRE]]),
  eventTypes: new Map([['fire', 'fire'], ['火灾', 'fire'], ['animal_attack', 'animal_attack']]),
};
const PAID_ROW: [LedgerColumn, CellValue][] = [
  ['报案日期', new Date('2022-06-04T00:00:00Z')], ['出险日期', '2022/6/3'], ['街道', '海沧街道'], ['姓名', '邱文彬'],
  ['身份证号', '11010519491231002x'], ['联系电话', '138 1234 5678'], ['事件类型', '火灾'], ['出险地点', '新垵村'],
  ['报损金额', 38600], ['核定金额', '35,000.00'], ['赔付金额', 35000], ['赔付日期', '2022年6月24日'], ['状态', '已赔付'], ['备注', null],
];
const check = (changes: [LedgerColumn, CellValue][] = []) => checkLedgerRow(7, new Map([...PAID_ROW, ...changes]), TERMS);

describe('ledger cells', () => {
  it('reads dates from date cells and the usual Chinese spellings, and refuses days that do not exist', () => {
    expect(parseDate(new Date('2022-06-03T00:00:00Z'))).toBe('2022-06-03');
    expect(['2022-06-03', '2022/6/3', '2022.6.3', '2022年6月3日'].map(parseDate)).toEqual(Array(4).fill('2022-06-03'));
    for (const bad of ['2022-02-30', '03/06/2022', 44715]) expect(() => parseDate(bad)).toThrow(CellProblem);
  });

  it('reads money from number and text cells in fen, refusing more than two decimals instead of rounding', () => {
    expect(parseLedgerMoney(35000.5)).toBe(3_500_050n);
    expect(parseLedgerMoney(0.1)).toBe(10n);
    expect(parseLedgerMoney('¥6,200.50')).toBe(620_050n);
    for (const bad of [0.1 + 0.2, 12.345, -5, '1e3', '三千', true]) expect(() => parseLedgerMoney(bad)).toThrow(CellProblem);
  });
});

describe('checkLedgerRow', () => {
  it('turns a clean row into a claim with amounts in fen', () => {
    const { claim, errors } = check();
    expect(errors).toEqual([]);
    expect(claim).toMatchObject({
      row: 7, reportDate: '2022-06-04', incidentDate: '2022-06-03', paidDate: '2022-06-24', streetCode: '350205001',
      idNumber: '11010519491231002X', phone: '13812345678', coverage: FIRE, claimed: 3_860_000n, assessed: 3_500_000n,
      paid: 3_500_000n, outcome: 'paid', remark: '',
    });
  });

  it('keeps amounts in order: paid ≤ assessed ≤ claimed, paid within the per-claim limit', () => {
    expect(check([['核定金额', 40000]]).errors).toEqual([{ row: 7, column: '核定金额', message: expect.stringMatching(/claimed/) }]);
    expect(check([['赔付金额', 36000]]).errors).toEqual([{ row: 7, column: '赔付金额', message: expect.stringMatching(/assessed/) }]);
    expect(check([['报损金额', 80000], ['核定金额', 60000], ['赔付金额', 60000]]).errors)
      .toEqual([{ row: 7, column: '赔付金额', message: expect.stringMatching(/per-claim limit/) }]);
  });

  it('keeps the status consistent with the amounts', () => {
    expect(check([['赔付金额', null], ['赔付日期', null]]).errors.map((e) => e.column)).toEqual(['赔付金额', '赔付日期']);
    expect(check([['状态', '拒赔']]).errors.map((e) => e.column)).toEqual(['赔付金额', '赔付日期']);
    expect(check([['状态', '处理中'], ['赔付金额', null], ['赔付日期', null]]).errors.map((e) => e.column)).toEqual(['核定金额']);
    expect(check([['状态', '拒赔'], ['赔付金额', null], ['赔付日期', null]]).claim).toMatchObject({ outcome: 'denied', assessed: 3_500_000n, paid: null });
  });

  it('keeps dates in order and inside the policy period, none in the future', () => {
    expect(check([['出险日期', '2021-12-31']]).errors.map((e) => e.column)).toEqual(['出险日期']);
    expect(check([['报案日期', '2022-06-02']]).errors.map((e) => e.column)).toEqual(['报案日期']);
    expect(check([['赔付日期', '2022-06-01']]).errors.map((e) => e.column)).toEqual(['赔付日期']);
    expect(check([['赔付日期', '2027-01-01']]).errors).toEqual([{ row: 7, column: '赔付日期', message: 'is in the future' }]);
  });
});
