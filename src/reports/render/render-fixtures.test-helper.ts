// Test-only report data. The breakdowns add up to the totals.
import { parseMoney } from '../../common/money.js';
import { calculatePayout } from '../../payouts/payout-calculator.js';
import type { AnnualReport, DenialNotice, MultiYearReport, NoticeClaim, PayoutNotice } from './report-types.js';

/** Fixtures are written in yuan, as a person reads them; the report shapes hold fen. */
export const yuan = (amount: string): bigint => parseMoney(amount);

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
      premium: yuan('1000000.00'),
      aggregateLimit: yuan('5000000.00'),
      aggregateUsed: yuan('801234.56'),
      lossRatio: '0.8012',
    },
    totals: {
      reported: 128,
      approved: 97,
      denied: 18,
      paid: 92,
      pending: 13,
      withdrawn: 0,
      claimedAmount: yuan('1286450.00'),
      approvedAmount: yuan('812345.67'),
      paidAmount: yuan('801234.56'),
    },
    byEventType: [
      { eventType: 'HEROIC_ACT', nameZh: '见义勇为伤亡', claims: 6, paid: 5, paidAmount: yuan('250000.00') },
      { eventType: 'PUBLIC_ORDER_INJURY', nameZh: '治安案件伤亡', claims: 40, paid: 30, paidAmount: yuan('301234.56') },
      { eventType: 'BURGLARY', nameZh: '入室盗窃财产损失', claims: 50, paid: 38, paidAmount: yuan('150000.00') },
      { eventType: 'FIRE', nameZh: '火灾', claims: 32, paid: 19, paidAmount: yuan('100000.00') },
      { eventType: 'FALLING_OBJECT', nameZh: '高空坠物', claims: 0, paid: 0, paidAmount: yuan('0.00') },
    ],
    byStreet: [
      { streetCode: '350205001', streetName: '海沧街道', claims: 50, paid: 36, paidAmount: yuan('320000.00') },
      { streetCode: '350205002', streetName: '新阳街道', claims: 40, paid: 28, paidAmount: yuan('250000.00') },
      { streetCode: '350205003', streetName: TRICKY_STREET_NAME, claims: 38, paid: 28, paidAmount: yuan('231234.56') },
    ],
    byMonth: [
      { month: '2022-01', claims: 10, paid: 7, paidAmount: yuan('61234.56') },
      { month: '2022-03', claims: 30, paid: 20, paidAmount: yuan('200000.00') },
      { month: '2022-06', claims: 48, paid: 40, paidAmount: yuan('340000.00') },
      { month: '2022-11', claims: 40, paid: 25, paidAmount: yuan('200000.00') },
    ],
    processingDays: { median: 12, p90: 27.5, max: 61 },
    previousYear: { paid: 80, paidAmount: yuan('700000.00') },
    timeliness: {
      verify: { onTime: 120, late: 8, onTimeShare: '0.9375' },
      assess: { onTime: 110, late: 5, onTimeShare: '0.9565' },
      decide: { onTime: 112, late: 3, onTimeShare: '0.9739' },
      pay: { onTime: 90, late: 2, onTimeShare: '0.9783' },
      denial_notice: { onTime: 18, late: 0, onTimeShare: '1.0000' },
    },
    generatedAt: '2023-01-05T02:30:00Z',
  };
}

// The catalogue's 21 event types (seeds/event-types.json): codes too long for a narrow column, as in real reports.
const EVENT_TYPES: [code: string, nameZh: string][] = [
  ['burglary', '入室盗窃'],
  ['robbery', '抢劫抢夺'],
  ['vehicle_theft', '电动车自行车被盗'],
  ['malicious_damage', '财物被恶意毁坏'],
  ['fire', '火灾'],
  ['natural_disaster', '自然灾害家庭财产损失'],
  ['student_telecom_fraud', '在校大学生电信网络诈骗'],
  ['mental_disorder_harm', '精神障碍患者肇事肇祸'],
  ['missing_patient_search', '精神障碍患者走失查找'],
  ['good_samaritan', '见义勇为伤亡'],
  ['crime_victim', '不法侵害致伤亡'],
  ['falling_object', '高空坠物致伤亡'],
  ['gas_accident', '燃气爆炸及中毒'],
  ['hit_and_run', '交通肇事逃逸'],
  ['public_drowning', '公共水域溺水'],
  ['crowd_crush', '公共场所踩踏'],
  ['animal_attack', '犬只及动物伤人'],
  ['public_facility_accident', '市政公共设施致伤亡'],
  ['disaster_relief_casualty', '抢险救灾伤亡'],
  ['grassroots_duty_accident', '基层综治人员因公意外'],
  ['terrorism', '暴力恐怖事件伤亡'],
];

/** A full year: 21 covered event types, 12 months, 6 streets; each breakdown adds up to the totals. */
export function fullAnnualReportFixture(): AnnualReport {
  const base = annualReportFixture();
  const byEventType = EVENT_TYPES.map(([eventType, nameZh], i) => ({
    eventType,
    nameZh,
    claims: i === 20 ? 0 : 10 + i,
    paid: i === 20 ? 0 : 5 + i,
    paidAmount: i === 20 ? 0n : BigInt((i + 1) * 1_234_500 + ((i * 7) % 100)),
  }));
  const claims = byEventType.reduce((sum, r) => sum + r.claims, 0);
  const paid = byEventType.reduce((sum, r) => sum + r.paid, 0);
  const paidAmount = byEventType.reduce((sum, r) => sum + r.paidAmount, 0n);
  const streets = ['海沧街道', '新阳街道', '嵩屿街道', TRICKY_STREET_NAME, '东孚街道', '海沧农场'];
  return {
    ...base,
    totals: { ...base.totals, reported: claims, approved: claims - 90, denied: 60, pending: 20, withdrawn: 10, paid, paidAmount },
    byEventType,
    byStreet: streets.map((streetName, i) => ({
      streetCode: `3502050${String(i + 1).padStart(2, '0')}`,
      streetName,
      ...share({ claims, paid, paidAmount }, i, streets.length),
    })),
    byMonth: Array.from({ length: 12 }, (_, i) => ({
      month: `2022-${String(i + 1).padStart(2, '0')}`,
      ...share({ claims, paid, paidAmount }, i, 12),
    })),
  };
}

/** Part `i` of `n` of the totals, the k-th part weighted k + 1 so rows differ; the n parts add up exactly. */
function share(total: { claims: number; paid: number; paidAmount: bigint }, i: number, n: number) {
  const upTo = (k: number) => (k * (k + 1)) / 2;
  const weights = upTo(n);
  const part = (value: number) => Math.floor((value * upTo(i + 1)) / weights) - Math.floor((value * upTo(i)) / weights);
  const fen = (value: bigint) => (value * BigInt(upTo(i + 1))) / BigInt(weights) - (value * BigInt(upTo(i))) / BigInt(weights);
  return { claims: part(total.claims), paid: part(total.paid), paidAmount: fen(total.paidAmount) };
}

export function multiYearReportFixture(): MultiYearReport {
  return {
    districtCode: '350205',
    districtName: '海沧区',
    from: 2018,
    to: 2022,
    years: [
      { year: 2018, coveredEvents: 6, claimsPaid: 100, paidAmount: yuan('1000000.00') },
      { year: 2019, coveredEvents: 9, claimsPaid: 130, paidAmount: yuan('1350000.00') },
      { year: 2020, coveredEvents: 12, claimsPaid: 150, paidAmount: yuan('1600000.00') },
      { year: 2021, coveredEvents: 16, claimsPaid: 185, paidAmount: yuan('1962345.67') },
      { year: 2022, coveredEvents: 21, claimsPaid: 200, paidAmount: yuan('2100000.00') },
    ],
    total: { claimsPaid: 765, paidAmount: yuan('8012345.67') },
    generatedAt: '2023-01-05T02:30:00Z',
  };
}

/** The claim both letters (理赔通知书, 拒赔通知书) of the fixtures are about. */
const NOTICE_CLAIM: Omit<NoticeClaim, 'claimNo' | 'generatedAt'> = {
  districtName: '海沧区',
  streetName: '新阳街道',
  residentName: '张晓明',
  idNumberMasked: '350205********123X',
  eventTypeZh: '入室盗窃财产损失',
  incidentDate: '2022-06-01',
  reportedAt: '2022-06-02T01:15:00Z',
  insurerName: '中国人民财产保险股份有限公司厦门市分公司',
  policyNo: 'PICC-XM-2022-0001',
};

export function payoutNoticeFixture(): PayoutNotice {
  return {
    ...NOTICE_CLAIM,
    claimNo: 'HC-2022-000123',
    paidAt: '2022-06-20T07:00:00Z',
    verification: {
      visitedAt: '2022-06-05T02:00:00Z',
      verifierName: '黄网格',
      participants: ['黄网格', '人保 张敏', '张晓明'],
      findings: '门锁被撬，室内财物被翻动，损失清单与派出所立案材料一致。',
      recommendation: 'pay',
    },
    ratioBp: 8_000,
    // The steps calculatePayout stores with the assessment, as the production path prints them.
    steps: calculatePayout({
      verifiedLoss: yuan('42000.00'),
      deductible: yuan('1000.00'),
      payoutRatioBp: 8_000,
      perClaimLimit: yuan('30000.00'),
      perPersonAnnualLimit: yuan('50000.00'),
      personUsed: 0n,
      aggregateLimit: yuan('5000000.00'),
      aggregateUsed: yuan('801234.56'),
    }).steps,
    approvedAmount: yuan('30000.00'),
    paidAmount: yuan('30000.00'),
    bankReference: 'CMB20220620000123',
    payeeAccountMasked: '6225 **** **** 1234',
    payeeName: '张晓明',
    generatedAt: '2022-06-20T07:05:00Z',
  };
}

export function denialNoticeFixture(): DenialNotice {
  return {
    ...NOTICE_CLAIM,
    claimNo: '350205-2022-000456',
    decidedAt: '2022-06-15T06:30:00Z',
    reasonCode: 'insufficient_evidence',
    reasonZh: '证明材料不足，无法确认保险事故的性质、原因和损失程度',
    policyClause: '《中华人民共和国保险法》第二十二条：保险事故发生后，被保险人应当向保险人提供其所能提供的与确认保险事故的性质、原因、损失程度等有关的证明和资料',
    note: '未能提供公安机关立案回执，现场无撬压痕迹。',
    generatedAt: '2022-06-15T07:00:00Z',
  };
}
