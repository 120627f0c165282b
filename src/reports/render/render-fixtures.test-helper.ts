// Test-only report data. The breakdowns add up to the totals.
import type { AnnualReport, MultiYearReport, PayoutNotice } from './report-types.js';

export const TRICKY_STREET_NAME = '东孚街道（"新垵村", 含试点）';

export function annualReportFixture(): AnnualReport {
  return {
    districtCode: '350205',
    districtName: '海沧区',
    year: 2022,
    policy: {
      policyNo: 'PICC-XM-2022-0001',
      insurer: '中国人民财产保险股份有限公司厦门市分公司',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      premium: '1000000.00',
      aggregateLimit: '5000000.00',
      aggregateUsed: '801234.56',
      lossRatio: '0.8012',
    },
    totals: {
      reported: 128,
      approved: 97,
      denied: 18,
      paid: 92,
      pending: 13,
      claimedAmount: '1286450.00',
      approvedAmount: '812345.67',
      paidAmount: '801234.56',
    },
    byEventType: [
      { eventType: 'HEROIC_ACT', nameZh: '见义勇为伤亡', claims: 6, paid: 5, paidAmount: '250000.00' },
      { eventType: 'PUBLIC_ORDER_INJURY', nameZh: '治安案件伤亡', claims: 40, paid: 30, paidAmount: '301234.56' },
      { eventType: 'BURGLARY', nameZh: '入室盗窃财产损失', claims: 50, paid: 38, paidAmount: '150000.00' },
      { eventType: 'FIRE', nameZh: '火灾', claims: 32, paid: 19, paidAmount: '100000.00' },
      { eventType: 'FALLING_OBJECT', nameZh: '高空坠物', claims: 0, paid: 0, paidAmount: '0.00' },
    ],
    byStreet: [
      { streetCode: '350205001', streetName: '海沧街道', claims: 50, paid: 36, paidAmount: '320000.00' },
      { streetCode: '350205002', streetName: '新阳街道', claims: 40, paid: 28, paidAmount: '250000.00' },
      { streetCode: '350205003', streetName: TRICKY_STREET_NAME, claims: 38, paid: 28, paidAmount: '231234.56' },
    ],
    byMonth: [
      { month: '2022-01', claims: 10, paid: 7, paidAmount: '61234.56' },
      { month: '2022-03', claims: 30, paid: 20, paidAmount: '200000.00' },
      { month: '2022-06', claims: 48, paid: 40, paidAmount: '340000.00' },
      { month: '2022-11', claims: 40, paid: 25, paidAmount: '200000.00' },
    ],
    processingDays: { median: 12, p90: 27.5, max: 61 },
    previousYear: { paid: 80, paidAmount: '700000.00' },
    generatedAt: '2023-01-05T02:30:00Z',
  };
}

const EVENT_TYPE_NAMES = [
  '见义勇为伤亡', '治安案件伤亡', '刑事案件伤亡', '入室盗窃财产损失', '入室抢劫财产损失', '火灾',
  '燃气爆炸', '高空坠物', '犬只伤人', '溺水身亡', '自然灾害伤亡', '公共场所踩踏', '电梯事故',
  '触电伤亡', '食物中毒', '道路塌陷', '广告牌坠落', '电信诈骗财产损失', '校园意外伤害', '群体性事件误伤',
  '电动自行车火灾',
];

/** A full year: 21 covered event types, 12 months, 6 streets. */
export function fullAnnualReportFixture(): AnnualReport {
  const base = annualReportFixture();
  return {
    ...base,
    byEventType: EVENT_TYPE_NAMES.map((nameZh, i) => ({
      eventType: `EVENT_${String(i + 1).padStart(2, '0')}`,
      nameZh,
      claims: i === 20 ? 0 : 10 + i,
      paid: i === 20 ? 0 : 5 + i,
      paidAmount: i === 20 ? '0.00' : `${(i + 1) * 12345}.${String(i * 7 % 100).padStart(2, '0')}`,
    })),
    byStreet: ['海沧街道', '新阳街道', '嵩屿街道', TRICKY_STREET_NAME, '东孚街道', '海沧农场'].map((streetName, i) => ({
      streetCode: `3502050${String(i + 1).padStart(2, '0')}`,
      streetName,
      claims: 20 + i,
      paid: 15 + i,
      paidAmount: `${(i + 1) * 54321}.00`,
    })),
    byMonth: Array.from({ length: 12 }, (_, i) => ({
      month: `2022-${String(i + 1).padStart(2, '0')}`,
      claims: 8 + i,
      paid: 6 + i,
      paidAmount: `${(i + 3) * 23456}.50`,
    })),
  };
}

export function multiYearReportFixture(): MultiYearReport {
  return {
    districtCode: '350205',
    districtName: '海沧区',
    from: 2018,
    to: 2022,
    years: [
      { year: 2018, coveredEvents: 6, claimsPaid: 100, paidAmount: '1000000.00' },
      { year: 2019, coveredEvents: 9, claimsPaid: 130, paidAmount: '1350000.00' },
      { year: 2020, coveredEvents: 12, claimsPaid: 150, paidAmount: '1600000.00' },
      { year: 2021, coveredEvents: 16, claimsPaid: 185, paidAmount: '1962345.67' },
      { year: 2022, coveredEvents: 21, claimsPaid: 200, paidAmount: '2100000.00' },
    ],
    total: { claimsPaid: 765, paidAmount: '8012345.67' },
    generatedAt: '2023-01-05T02:30:00Z',
  };
}

export function payoutNoticeFixture(): PayoutNotice {
  return {
    claimNo: 'HC-2022-000123',
    districtName: '海沧区',
    streetName: '新阳街道',
    residentName: '张晓明',
    idNumberMasked: '350205********123X',
    eventTypeZh: '入室盗窃财产损失',
    incidentDate: '2022-06-01',
    reportedAt: '2022-06-02T01:15:00Z',
    paidAt: '2022-06-20T07:00:00Z',
    verifiedLoss: '42000.00',
    steps: [
      { step: '核定损失', description: '经公安机关立案、街镇综治办核实的财产损失', amount: '42000.00' },
      { step: '扣除免赔额', description: '每次事故免赔额 1,000.00 元', amount: '41000.00' },
      { step: '按比例赔付', description: '赔付比例 80%', amount: '32800.00' },
      { step: '单次赔偿限额', description: '入室盗窃每户每次最高 30,000.00 元', amount: '30000.00' },
    ],
    approvedAmount: '30000.00',
    paidAmount: '30000.00',
    insurerName: '中国人民财产保险股份有限公司厦门市分公司',
    policyNo: 'PICC-XM-2022-0001',
    bankReference: 'CMB20220620000123',
    payeeAccountMasked: '6225 **** **** 1234',
    payeeName: '张晓明',
    generatedAt: '2022-06-20T07:05:00Z',
  };
}
