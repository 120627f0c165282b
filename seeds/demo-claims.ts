import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { AuditService } from '../src/audit/audit.service.js';
import { claimNumber } from '../src/claims/claim-number.js';
import type { ClaimStatus } from '../src/claims/claim-status.js';
import { claimEvent, nextState, type ClaimAction } from '../src/claims/claim-workflow.js';
import { addDays } from '../src/common/business-date.js';
import { Database } from '../src/database/database.js';
import { fieldCryptoFromConfig } from '../src/common/crypto.module.js';
import type { FieldCrypto } from '../src/common/field-crypto.js';
import { idNumberCheckCharacter } from '../src/common/id-number.js';
import { maskAccountNo, maskIdNumber, maskPhone } from '../src/common/masking.js';
import { formatMoney, parseMoney } from '../src/common/money.js';
import { shanghaiDate } from '../src/common/timestamp.js';
import { validateConfig } from '../src/config/config.js';
import { calculatePayout, quoteToJson, type PayoutQuoteJson } from '../src/payouts/payout-calculator.js';
import { DEMO_PASSWORD } from './demo-reference.js';
import { insertRows, type Seed, type SeedContext } from './seed.js';

/**
 * Generated claims for the demo years, so the reports read like the
 * districts' own statements: Haicang paid 765 claims, a little over
 * 8,000,000 yuan, 2018–2022 while its cover grew from 6 to 21 events.
 *
 * Nothing here is a total: the plan fixes how many claims of each outcome a
 * policy year has, each paid amount comes from the payout calculator applied
 * to a loss drawn from its event's distribution, and a fixed-seed PRNG makes
 * every machine generate the same claims. Each claim moves through the real
 * transition table and gets what the workflow would have written: status
 * history, verification, assessment, decision, payment and an audit event per
 * step. Documents are not generated (there are no files behind them).
 */

export const DEMO_CLAIMS_SEED = 5;

export interface PolicyYearPlan {
  districtCode: string;
  year: number;
  paid: number;
  denied: number;
  withdrawn: number;
  /** Still in review at the end of the year (reported in its last weeks). */
  pending: number;
}

export const DEMO_CLAIM_PLANS: PolicyYearPlan[] = [
  { districtCode: '350205', year: 2018, paid: 98, denied: 9, withdrawn: 5, pending: 0 },
  { districtCode: '350205', year: 2019, paid: 121, denied: 11, withdrawn: 6, pending: 0 },
  { districtCode: '350205', year: 2020, paid: 147, denied: 12, withdrawn: 8, pending: 0 },
  { districtCode: '350205', year: 2021, paid: 183, denied: 15, withdrawn: 9, pending: 0 },
  { districtCode: '350205', year: 2022, paid: 216, denied: 17, withdrawn: 11, pending: 14 },
  { districtCode: '350211', year: 2022, paid: 240, denied: 19, withdrawn: 10, pending: 12 },
];

/** How often an event happens (relative weight) and its verified loss: median in yuan and log-normal spread. */
interface EventProfile {
  weight: number;
  medianLoss: number;
  spread: number;
  description: string;
}

const EVENT_PROFILES: Record<string, EventProfile> = {
  burglary: { weight: 30, medianLoss: 5_500, spread: 0.6, description: '家中被盗，门锁被撬，现金及财物被窃' },
  robbery: { weight: 8, medianLoss: 3_900, spread: 0.7, description: '路遇抢夺，手机、现金及随身财物被抢' },
  vehicle_theft: { weight: 22, medianLoss: 2_700, spread: 0.35, description: '停放在楼下的电动自行车被盗' },
  malicious_damage: { weight: 8, medianLoss: 3_400, spread: 0.6, description: '车辆及门窗被人恶意砸毁' },
  fire: { weight: 10, medianLoss: 16_900, spread: 0.7, description: '住宅起火，家具家电及衣物烧毁' },
  natural_disaster: { weight: 6, medianLoss: 11_700, spread: 0.7, description: '台风暴雨致房屋进水，家庭财产受损' },
  student_telecom_fraud: { weight: 9, medianLoss: 11_700, spread: 0.6, description: '在校大学生遭冒充客服电信诈骗，转账被骗' },
  mental_disorder_harm: { weight: 3, medianLoss: 36_400, spread: 0.6, description: '被精神障碍患者持械伤害，住院治疗' },
  missing_patient_search: { weight: 3, medianLoss: 4_600, spread: 0.6, description: '精神障碍患者走失，家属组织查找产生费用' },
  good_samaritan: { weight: 2, medianLoss: 28_600, spread: 0.6, description: '制止违法犯罪行为时受伤，经确认为见义勇为' },
  crime_victim: { weight: 8, medianLoss: 15_600, spread: 0.7, description: '遭受不法侵害受伤，住院治疗' },
  falling_object: { weight: 2, medianLoss: 19_500, spread: 0.7, description: '行走时被高空坠物砸伤' },
  gas_accident: { weight: 2, medianLoss: 23_400, spread: 0.6, description: '住宅燃气泄漏爆燃致人受伤' },
  hit_and_run: { weight: 3, medianLoss: 19_500, spread: 0.6, description: '被机动车撞伤，肇事车辆逃逸' },
  public_drowning: { weight: 0.6, medianLoss: 58_500, spread: 0.4, description: '在公共水域溺水身亡' },
  crowd_crush: { weight: 0.5, medianLoss: 15_600, spread: 0.7, description: '公共场所人员拥挤踩踏受伤' },
  animal_attack: { weight: 10, medianLoss: 2_000, spread: 0.6, description: '被流浪犬咬伤，接种疫苗并治疗' },
  public_facility_accident: { weight: 2, medianLoss: 18_200, spread: 0.8, description: '人行道井盖缺失跌落受伤' },
  disaster_relief_casualty: { weight: 0.5, medianLoss: 52_000, spread: 0.8, description: '参加台风抢险救灾时受伤' },
  grassroots_duty_accident: { weight: 1, medianLoss: 20_800, spread: 0.8, description: '网格员入户走访途中意外受伤' },
  terrorism: { weight: 0, medianLoss: 130_000, spread: 0.5, description: '暴力恐怖事件伤亡' },
};

/** Claims the source articles name; each counts as one of its year's paid claims. */
interface KnownClaim {
  districtCode: string;
  year: number;
  streetCode: string;
  village: string;
  eventType: string;
  incidentDate: string;
  residentName: string;
  description: string;
  claimed: string;
  verifiedLoss: string;
}

const KNOWN_CLAIMS: KnownClaim[] = [
  {
    districtCode: '350205', year: 2022, streetCode: '350205002', village: '新垵村', eventType: 'fire', incidentDate: '2022-06-03',
    residentName: '邱文彬', description: '新垵村沿街商铺夜间起火，店内货物、货架及装修烧毁', claimed: '38600.00', verifiedLoss: '35000.00',
  },
  {
    districtCode: '350211', year: 2022, streetCode: '350211100', village: '深青村', eventType: 'fire', incidentDate: '2022-03-18',
    residentName: '陈秀兰', description: '住宅厨房起火蔓延至客厅，家具家电烧毁', claimed: '32500.00', verifiedLoss: '30000.00',
  },
];

const VILLAGES: Record<string, string[]> = {
  '350205001': ['海沧社区', '温厝社区', '东屿社区', '贞庵村'],
  '350205002': ['新垵村', '霞阳村', '祥露社区', '新阳社区'],
  '350205003': ['海虹社区', '海发社区', '锦里村', '鳌冠社区'],
  '350205004': ['东瑶村', '鼎美村', '过芸村', '芸美社区'],
  '350211001': ['岑西社区', '盛光社区', '浔江社区'],
  '350211002': ['侨英社区', '叶厝社区', '凤林社区'],
  '350211003': ['杏林社区', '西滨社区', '高浦社区'],
  '350211004': ['马銮社区', '日东社区', '杏东社区'],
  '350211100': ['灌口社区', '深青村', '田头村'],
  '350211101': ['后溪村', '城内社区', '岩内村'],
};

const SURNAMES = [...'陈林黄张李王吴刘蔡杨郑许洪谢邱苏曾叶周庄柯颜施方'];
const GIVEN = [...'志明秀兰建国丽华文彬淑芬俊杰美玲国强雅婷振华惠珍伟东金水阿妹清泉玉凤德福小燕家豪慧敏'];
const BANKS = ['中国工商银行厦门分行', '中国建设银行厦门分行', '中国农业银行厦门分行', '中国银行厦门分行', '厦门农村商业银行', '厦门银行'];
const DENIAL_REASONS: { code: string; note: string }[] = [
  { code: 'excluded_cause', note: '事故原因属于保险条款除外责任' },
  { code: 'insufficient_evidence', note: '现场核查及材料无法证实损失' },
  { code: 'duplicate', note: '同一事故已由其他保险赔付' },
  { code: 'late', note: '超过报案时限且无正当理由' },
];
const WITHDRAW_REASONS = ['当事人已与责任方协商赔偿，撤回报案', '财物已追回，申请撤回', '当事人自愿放弃理赔'];
const PENDING_STATES = ['reported', 'verifying', 'verified', 'needs_info', 'assessed'] as const;

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Draw {
  constructor(private readonly next: () => number) {}

  unit(): number {
    return this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let at = this.next() * total;
    for (const item of items) {
      at -= weight(item);
      if (at < 0) return item;
    }
    return items[items.length - 1];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---- What the generator reads from the database ----

export interface DemoCoverage {
  id: string;
  eventType: string;
  requiredDocuments: string[];
  perClaimLimit: bigint;
  perPersonAnnualLimit: bigint;
  deductible: bigint;
  payoutRatioBp: number;
}

export interface DemoPolicy {
  id: string;
  districtCode: string;
  year: number;
  insurerId: string;
  aggregateLimit: bigint;
  coverages: DemoCoverage[];
}

export interface DemoStaff {
  /** Two cadres per street: one files, the other verifies. */
  cadres: Record<string, { id: string; displayName: string }[]>;
  adjuster: { id: string; displayName: string };
  manager: { id: string; displayName: string };
}

export interface DemoWorld {
  policies: DemoPolicy[];
  streets: { code: string; name: string; districtCode: string }[];
  staff: DemoStaff;
  /** Claim numbers already used per "district/year", so generated ones follow on. */
  lastSeq: Record<string, number>;
}

// ---- What it generates ----

type Outcome = 'paid' | 'denied' | 'withdrawn' | (typeof PENDING_STATES)[number];

/** One step of the claim's history: its filing, then the workflow's actions. */
interface Transition {
  action: ClaimAction | 'file';
  from: ClaimStatus | null;
  to: ClaimStatus;
  at: Date;
  actorId: string;
  reason: string | null;
}

export interface GeneratedClaim {
  id: string;
  claimNo: string;
  districtCode: string;
  year: number;
  seq: number;
  streetCode: string;
  policyId: string;
  insurerId: string;
  coverage: DemoCoverage;
  resident: GeneratedResident;
  incidentDate: string;
  incidentPlace: string;
  description: string;
  policeReportNo: string | null;
  claimed: bigint;
  payee: { accountName: string; bankName: string; accountNo: string };
  status: ClaimStatus;
  returnedFrom: ClaimStatus | null;
  verifiedLoss: bigint | null;
  assessedAmount: bigint | null;
  approvedAmount: bigint | null;
  paidAmount: bigint | null;
  reportedBy: string;
  reportedAt: Date;
  decidedAt: Date | null;
  paidAt: Date | null;
  closedAt: Date | null;
  history: Transition[];
  verification: {
    startedBy: string; startedAt: Date; visitedAt: Date | null; participants: string[] | null; findings: string | null;
    recommendation: 'pay' | 'deny' | null; recordedAt: Date | null;
  } | null;
  assessedAt: Date | null;
  /** Filled in by reserveAgainstAggregate once earlier approvals are known. */
  assessment: { assessorId: string; quote: PayoutQuoteJson; amount: bigint; at: Date } | null;
  decision: {
    decision: 'approve' | 'deny'; approverId: string; amount: bigint | null; reasonCode: string | null; note: string | null; at: Date;
  } | null;
  payment: { amount: bigint; paidAt: Date; bankReference: string; recordedBy: string } | null;
}

export interface GeneratedResident {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  districtCode: string;
  streetCode: string;
  address: string;
  coverBasis: 'registered' | 'resident' | 'worker' | 'student';
}

const HOUR = 3_600_000;

/** A moment on a business date, Beijing time. */
function beijing(date: string, minuteOfDay: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + minuteOfDay * 60_000);
}

/** A verified loss in whole tens of yuan, log-normal around the event's median, within 1/8 and 6 times it. */
function drawLoss(draw: Draw, profile: EventProfile): bigint {
  const loss = profile.medianLoss * Math.exp(profile.spread * draw.normal());
  const bounded = Math.min(profile.medianLoss * 6, Math.max(profile.medianLoss / 8, loss));
  return BigInt(Math.round(bounded / 10)) * 1_000n;
}

/**
 * The claims of every planned policy year, from the PRNG alone: the same
 * world and seed always give the same claims (ids and ciphertexts aside).
 */
export function generateDemoClaims(world: DemoWorld, seed = DEMO_CLAIMS_SEED): GeneratedClaim[] {
  const draw = new Draw(mulberry32(seed));
  const usedIdNumbers = new Set<string>();
  const claims: GeneratedClaim[] = [];

  for (const plan of DEMO_CLAIM_PLANS) {
    const policy = world.policies.find((p) => p.districtCode === plan.districtCode && p.year === plan.year);
    if (!policy) throw new Error(`Demo claims need the ${plan.districtCode} ${plan.year} policy (seed demo-policies first)`);
    const streets = world.streets.filter((s) => s.districtCode === plan.districtCode);
    const known = KNOWN_CLAIMS.filter((k) => k.districtCode === plan.districtCode && k.year === plan.year);
    const outcomes: Outcome[] = draw.shuffle([
      ...Array<Outcome>(plan.paid - known.length).fill('paid'),
      ...Array<Outcome>(plan.denied).fill('denied'),
      ...Array<Outcome>(plan.withdrawn).fill('withdrawn'),
    ]);
    const pending = Array.from({ length: plan.pending }, (_, i) => PENDING_STATES[i % PENDING_STATES.length]);

    const yearClaims: GeneratedClaim[] = [];
    const newClaim = (outcome: Outcome, incidentDate: string, known?: KnownClaim) => {
      const coverage = known
        ? policy.coverages.find((c) => c.eventType === known.eventType)!
        : draw.weighted(policy.coverages, (c) => EVENT_PROFILES[c.eventType]?.weight ?? 0);
      const street = known ? streets.find((s) => s.code === known.streetCode)! : draw.pick(streets);
      yearClaims.push(generateClaim(draw, { policy, coverage, street, outcome, incidentDate, known, staff: world.staff, usedIdNumbers }));
    };
    for (const k of known) newClaim('paid', k.incidentDate, k);
    for (const outcome of outcomes) newClaim(outcome, addDays(`${plan.year}-01-01`, draw.int(0, 358)));
    for (const outcome of pending) newClaim(outcome, addDays(`${plan.year}-12-01`, draw.int(0, 19)));

    reserveAgainstAggregate(yearClaims, policy);
    const lastSeq = world.lastSeq[`${plan.districtCode}/${plan.year}`] ?? 0;
    yearClaims.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
    yearClaims.forEach((claim, i) => {
      claim.seq = lastSeq + i + 1;
      claim.claimNo = claimNumber(plan.districtCode, plan.year, claim.seq);
    });
    claims.push(...yearClaims);
  }
  return claims;
}

interface ClaimInput {
  policy: DemoPolicy;
  coverage: DemoCoverage;
  street: { code: string; name: string };
  outcome: Outcome;
  incidentDate: string;
  known?: KnownClaim;
  staff: DemoStaff;
  usedIdNumbers: Set<string>;
}

function generateClaim(draw: Draw, input: ClaimInput): GeneratedClaim {
  const { policy, coverage, street, outcome, incidentDate, known, staff } = input;
  const profile = EVENT_PROFILES[coverage.eventType];
  const [filer, verifier] = staff.cadres[street.code];
  const village = known?.village ?? draw.pick(VILLAGES[street.code] ?? [street.name]);
  const resident = generateResident(draw, input, village, known?.residentName);
  const loss = known ? parseMoney(known.verifiedLoss) : drawLoss(draw, profile);
  // Residents claim what they lost or somewhat more, in whole tens of yuan.
  const claimed = known ? parseMoney(known.claimed) : (loss * BigInt(100 + draw.int(0, 25))) / 100n / 1000n * 1000n;

  // Every step a little later than the one before, at working hours.
  let at = beijing(addDays(incidentDate, draw.int(0, 5)), draw.int(8 * 60 + 30, 17 * 60 + 30));
  const next = (minDays: number, maxDays: number): Date => {
    const candidate = beijing(addDays(shanghaiDate(at), draw.int(minDays, maxDays)), draw.int(8 * 60 + 30, 17 * 60 + 59));
    at = candidate > at ? candidate : new Date(at.getTime() + draw.int(30, 150) * 60_000);
    return at;
  };

  const claim: GeneratedClaim = {
    id: randomUUID(), claimNo: '', seq: 0, districtCode: policy.districtCode, year: policy.year, streetCode: street.code,
    policyId: policy.id, insurerId: policy.insurerId, coverage, resident, incidentDate,
    incidentPlace: `${street.name}${village}`, description: known?.description ?? profile.description,
    policeReportNo: coverage.requiredDocuments.includes('police_report')
      ? `XMGA${incidentDate.replaceAll('-', '')}${String(draw.int(1, 9999)).padStart(4, '0')}` : null,
    claimed,
    payee: { accountName: resident.name, bankName: draw.pick(BANKS), accountNo: `6222${Array.from({ length: 15 }, () => draw.int(0, 9)).join('')}` },
    status: 'reported', returnedFrom: null, verifiedLoss: null, assessedAmount: null, approvedAmount: null, paidAmount: null,
    reportedBy: filer.id, reportedAt: at, decidedAt: null, paidAt: null, closedAt: null,
    history: [], verification: null, assessedAt: null, assessment: null, decision: null, payment: null,
  };
  // The real transition table decides each next state; an impossible plan fails here, not in the reports.
  const act = (action: ClaimAction, moment: Date, actorId: string, reason: string | null = null) => {
    const next = nextState(claim, action);
    claim.history.push({ action, from: claim.status, to: next.status, at: moment, actorId, reason });
    Object.assign(claim, next);
  };
  claim.history.push({ action: 'file', from: null, to: 'reported', at, actorId: filer.id, reason: null });
  if (outcome === 'reported') return claim;
  if (outcome === 'withdrawn' && draw.unit() < 0.5) {
    act('withdraw', next(1, 6), filer.id, draw.pick(WITHDRAW_REASONS));
    return claim;
  }

  claim.verification = {
    startedBy: verifier.id, startedAt: next(0, 2), visitedAt: null, participants: null, findings: null, recommendation: null, recordedAt: null,
  };
  act('start_verification', at, verifier.id);
  if (outcome === 'verifying') return claim;
  if (outcome === 'withdrawn') {
    act('withdraw', next(1, 5), filer.id, draw.pick(WITHDRAW_REASONS));
    return claim;
  }
  if (outcome === 'needs_info') {
    act('return', next(1, 3), verifier.id, '请补充损失清单及相关票据');
    return claim;
  }

  const deny = outcome === 'denied';
  claim.verifiedLoss = loss;
  claim.verification.visitedAt = next(1, 3);
  claim.verification.participants = [verifier.displayName, staff.adjuster.displayName, resident.name];
  claim.verification.findings = deny ? '现场核查发现事故情况与报案陈述不符' : `现场核查属实，核定损失 ${formatMoney(loss)} 元`;
  claim.verification.recommendation = deny && draw.unit() < 0.7 ? 'deny' : 'pay';
  claim.verification.recordedAt = new Date(at.getTime() + draw.int(1, 5) * HOUR);
  at = claim.verification.recordedAt;
  act('verify', at, verifier.id);
  if (outcome === 'verified') return claim;

  claim.assessedAt = next(1, 5);
  act('assess', at, staff.adjuster.id);
  if (outcome === 'assessed') return claim;

  const decidedAt = next(0, 3);
  claim.decidedAt = decidedAt;
  if (deny) {
    const reason = draw.pick(DENIAL_REASONS);
    claim.decision = { decision: 'deny', approverId: staff.manager.id, amount: null, reasonCode: reason.code, note: reason.note, at: decidedAt };
    act('deny', decidedAt, staff.manager.id, reason.note);
    if (policy.year < 2022 || draw.unit() < 0.5) {
      claim.closedAt = next(3, 20);
      act('close', at, staff.manager.id);
    }
    return claim;
  }

  claim.decision = { decision: 'approve', approverId: staff.manager.id, amount: null, reasonCode: null, note: null, at: decidedAt };
  act('approve', decidedAt, staff.manager.id);
  const paidAt = next(1, 8);
  claim.paidAt = paidAt;
  claim.payment = {
    amount: 0n, paidAt, recordedBy: staff.manager.id,
    bankReference: `PICC${shanghaiDate(paidAt).replaceAll('-', '')}${String(draw.int(0, 999_999)).padStart(6, '0')}`,
  };
  act('pay', paidAt, staff.manager.id);
  if (policy.year < 2022 || draw.unit() < 0.6) {
    claim.closedAt = next(5, 30);
    act('close', at, staff.manager.id);
  }
  return claim;
}

/**
 * Runs the payout calculator over the assessed claims in assessment order,
 * each approval reserving its amount against the policy's aggregate limit,
 * as the approval transaction does.
 */
function reserveAgainstAggregate(claims: GeneratedClaim[], policy: DemoPolicy): void {
  let aggregateUsed = 0n;
  const assessed = claims.filter((c) => c.assessedAt).sort((a, b) => a.assessedAt!.getTime() - b.assessedAt!.getTime());
  for (const claim of assessed) {
    const { coverage } = claim;
    const quote = calculatePayout({
      verifiedLoss: claim.verifiedLoss!, deductible: coverage.deductible, payoutRatioBp: coverage.payoutRatioBp,
      perClaimLimit: coverage.perClaimLimit, perPersonAnnualLimit: coverage.perPersonAnnualLimit, personUsed: 0n,
      aggregateLimit: policy.aggregateLimit, aggregateUsed,
    });
    claim.assessment = { assessorId: claim.history.find((h) => h.to === 'assessed')!.actorId, quote: quoteToJson(quote), amount: quote.payable, at: claim.assessedAt! };
    claim.assessedAmount = quote.payable;
    if (claim.decision?.decision !== 'approve') continue;
    if (quote.payable <= 0n) throw new Error(`Demo claim ${claim.claimNo} would pay nothing; adjust the demo plan`);
    aggregateUsed += quote.payable;
    claim.decision.amount = quote.payable;
    claim.approvedAmount = quote.payable;
    claim.paidAmount = quote.payable;
    claim.payment!.amount = quote.payable;
  }
}

function generateResident(draw: Draw, input: ClaimInput, village: string, name?: string): GeneratedResident {
  const { policy, street, coverage, usedIdNumbers } = input;
  let idNumber: string;
  do {
    const birth = addDays('1950-01-01', draw.int(0, 365 * 54));
    const first17 = `${policy.districtCode}${birth.replaceAll('-', '')}${String(draw.int(1, 999)).padStart(3, '0')}`;
    idNumber = first17 + idNumberCheckCharacter(first17);
  } while (usedIdNumbers.has(idNumber));
  usedIdNumbers.add(idNumber);
  const basis = coverage.eventType === 'student_telecom_fraud' ? 'student'
    : draw.weighted(['registered', 'resident', 'worker'] as const, (b) => ({ registered: 7, resident: 2, worker: 1 })[b]);
  return {
    id: randomUUID(),
    name: name ?? draw.pick(SURNAMES) + Array.from({ length: draw.int(1, 2) }, () => draw.pick(GIVEN)).join(''),
    idNumber,
    phone: `1${draw.pick(['3', '5', '8', '9'])}${Array.from({ length: 9 }, () => draw.int(0, 9)).join('')}`,
    districtCode: policy.districtCode,
    streetCode: street.code,
    address: `${street.name}${village}${draw.int(1, 320)}号`,
    coverBasis: basis,
  };
}

// ---- Loading ----

async function readWorld(tx: EntityManager, context: SeedContext): Promise<DemoWorld> {
  const districtCodes = [...new Set(DEMO_CLAIM_PLANS.map((p) => p.districtCode))];
  const policies: (Omit<DemoPolicy, 'aggregateLimit' | 'coverages'> & { aggregateLimit: string })[] = await tx.query(
    `SELECT id, district_code AS "districtCode", year, insurer_id AS "insurerId", aggregate_limit AS "aggregateLimit"
     FROM policy WHERE district_code = ANY($1) AND status IN ('active', 'expired')`, [districtCodes]);
  const coverages: { policyId: string; id: string; eventType: string; requiredDocuments: string[]; perClaimLimit: string;
    perPersonAnnualLimit: string; deductible: string; payoutRatioBp: number }[] = await tx.query(
    `SELECT cv.policy_id AS "policyId", cv.id, cv.event_type AS "eventType", cv.required_documents AS "requiredDocuments",
            cv.per_claim_limit AS "perClaimLimit", cv.per_person_annual_limit AS "perPersonAnnualLimit", cv.deductible,
            cv.payout_ratio_bp AS "payoutRatioBp"
     FROM coverage cv JOIN event_type e ON e.code = cv.event_type
     WHERE cv.policy_id = ANY($1) ORDER BY e.sort_order`, [policies.map((p) => p.id)]);
  const streets: { code: string; name: string; districtCode: string }[] = await tx.query(
    `SELECT code, name, district_code AS "districtCode" FROM street WHERE district_code = ANY($1) ORDER BY code`, [districtCodes]);
  const counters: { districtCode: string; year: number; lastSeq: number }[] = await tx.query(
    `SELECT district_code AS "districtCode", year, last_seq AS "lastSeq" FROM claim_counter WHERE district_code = ANY($1)`, [districtCodes]);
  return {
    policies: policies.map((p) => ({
      ...p,
      aggregateLimit: BigInt(p.aggregateLimit),
      coverages: coverages.filter((c) => c.policyId === p.id).map(({ policyId: _, ...c }) => ({
        ...c, perClaimLimit: BigInt(c.perClaimLimit), perPersonAnnualLimit: BigInt(c.perPersonAnnualLimit), deductible: BigInt(c.deductible),
      })),
    })),
    streets,
    staff: await demoStaff(tx, context, streets),
    lastSeq: Object.fromEntries(counters.map((c) => [`${c.districtCode}/${c.year}`, c.lastSeq])),
  };
}

/**
 * The demo cadres of demo-reference cover only some streets; every street
 * needs two (the one who files may not verify), so the missing ones are added
 * with the demo password. The demo-reference cadres come first, so they file.
 */
async function demoStaff(tx: EntityManager, context: SeedContext, streets: { code: string; name: string; districtCode: string }[]): Promise<DemoStaff> {
  const usersOf = async () => {
    const rows: { id: string; username: string; displayName: string; role: string; streetCode: string | null }[] = await tx.query(
      `SELECT id, username, display_name AS "displayName", role, street_code AS "streetCode" FROM app_user
       WHERE active AND (role = 'street_cadre' AND street_code = ANY($1) OR username IN ('picc.adjuster', 'picc.manager'))
       ORDER BY created_at, username`, [streets.map((s) => s.code)]);
    return rows;
  };
  const cadresOf = (users: Awaited<ReturnType<typeof usersOf>>, street: string) =>
    users.filter((u) => u.role === 'street_cadre' && u.streetCode === street);

  const existing = await usersOf();
  const missing = streets.flatMap((s) => Array.from({ length: Math.max(0, 2 - cadresOf(existing, s.code).length) }, (_, i) => {
    const n = cadresOf(existing, s.code).length + i + 1;
    return [`cadre${n}.${s.code}`, `${s.name} 综治干部${n}`, s.districtCode, s.code];
  }));
  if (missing.length > 0) {
    const passwordHash = await context.hashPassword(DEMO_PASSWORD);
    await insertRows(tx, 'app_user', ['username', 'password_hash', 'display_name', 'role', 'district_code', 'street_code'],
      missing.map(([username, displayName, districtCode, streetCode]) => [username, passwordHash, displayName, 'street_cadre', districtCode, streetCode]),
      'ON CONFLICT DO NOTHING');
  }
  const users = await usersOf();
  const added = new Set(missing.map(([username]) => username));
  const one = (username: string) => {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`Demo claims need the demo user ${username}`);
    return user;
  };
  return {
    cadres: Object.fromEntries(streets.map((s) => [s.code,
      cadresOf(users, s.code).sort((a, b) => Number(added.has(a.username)) - Number(added.has(b.username))).slice(0, 2)])),
    adjuster: one('picc.adjuster'),
    manager: one('picc.manager'),
  };
}

async function insertClaims(tx: EntityManager, crypto: FieldCrypto, keyId: string, claims: GeneratedClaim[]): Promise<void> {
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  const fen = (amount: bigint | null) => amount?.toString() ?? null;
  await insertRows(tx, 'resident',
    ['id', 'name', 'id_number_cipher', 'id_number_index', 'id_number_masked', 'phone_cipher', 'phone_index', 'phone_masked',
      'key_id', 'district_code', 'street_code', 'address', 'cover_basis', 'created_by', 'created_at'],
    claims.map(({ resident: r, reportedBy, reportedAt }) => [r.id, r.name, crypto.encrypt(r.idNumber), crypto.blindIndex(r.idNumber),
      maskIdNumber(r.idNumber), crypto.encrypt(r.phone), crypto.blindIndex(r.phone), maskPhone(r.phone), keyId, r.districtCode,
      r.streetCode, r.address, r.coverBasis, reportedBy, iso(reportedAt)]));
  await insertRows(tx, 'claim',
    ['id', 'claim_no', 'district_code', 'year', 'seq', 'street_code', 'policy_id', 'insurer_id', 'coverage_id', 'event_type',
      'resident_id', 'incident_date', 'incident_place', 'description', 'police_report_no', 'claimed_amount', 'payee_account_name',
      'payee_bank_name', 'payee_account_cipher', 'payee_account_index', 'payee_account_masked', 'status', 'returned_from',
      'verified_loss', 'assessed_amount', 'approved_amount', 'paid_amount', 'reported_by', 'reported_at', 'decided_at', 'paid_at',
      'closed_at', 'updated_at'],
    claims.map((c) => [c.id, c.claimNo, c.districtCode, c.year, c.seq, c.streetCode, c.policyId, c.insurerId, c.coverage.id,
      c.coverage.eventType, c.resident.id, c.incidentDate, c.incidentPlace, c.description, c.policeReportNo, fen(c.claimed),
      c.payee.accountName, c.payee.bankName, crypto.encrypt(c.payee.accountNo), crypto.blindIndex(c.payee.accountNo),
      maskAccountNo(c.payee.accountNo), c.status, c.returnedFrom, fen(c.verifiedLoss), fen(c.assessedAmount), fen(c.approvedAmount),
      fen(c.paidAmount), c.reportedBy, iso(c.reportedAt), iso(c.decidedAt), iso(c.paidAt), iso(c.closedAt), iso(c.history.at(-1)!.at)]));
  await insertRows(tx, 'claim_status_change', ['claim_id', 'from_status', 'to_status', 'actor_id', 'at', 'reason'],
    claims.flatMap((c) => c.history.map((h) => [c.id, h.from, h.to, h.actorId, iso(h.at), h.reason])));
  await insertRows(tx, 'claim_verification',
    ['claim_id', 'started_by', 'started_at', 'verifier_id', 'visited_at', 'participants', 'findings', 'verified_loss', 'recommendation', 'recorded_at'],
    claims.filter((c) => c.verification).map(({ id, verification: v, verifiedLoss }) => [id, v!.startedBy, iso(v!.startedAt),
      v!.recordedAt ? v!.startedBy : null, iso(v!.visitedAt), v!.participants, v!.findings, fen(verifiedLoss), v!.recommendation, iso(v!.recordedAt)]));
  await insertRows(tx, 'claim_assessment', ['claim_id', 'assessor_id', 'quote', 'quoted_amount', 'amount', 'assessed_at'],
    claims.filter((c) => c.assessment).map(({ id, assessment: a }) => [id, a!.assessorId, JSON.stringify(a!.quote), fen(a!.amount), fen(a!.amount), iso(a!.at)]));
  await insertRows(tx, 'claim_decision', ['claim_id', 'decision', 'approver_id', 'amount', 'reason_code', 'note', 'decided_at'],
    claims.filter((c) => c.decision).map(({ id, decision: d }) => [id, d!.decision, d!.approverId, fen(d!.amount), d!.reasonCode, d!.note, iso(d!.at)]));
  await insertRows(tx, 'payment', ['id', 'claim_id', 'amount', 'paid_at', 'bank_reference', 'recorded_by', 'created_at'],
    claims.filter((c) => c.payment).map(({ id, payment: p }) => [randomUUID(), id, fen(p!.amount), iso(p!.paidAt), p!.bankReference, p!.recordedBy, iso(p!.paidAt)]));

  const counters = new Map<string, [string, number, number]>();
  for (const c of claims) {
    const key = `${c.districtCode}/${c.year}`;
    counters.set(key, [c.districtCode, c.year, Math.max(c.seq, counters.get(key)?.[2] ?? 0)]);
  }
  await insertRows(tx, 'claim_counter', ['district_code', 'year', 'last_seq'], [...counters.values()],
    'ON CONFLICT (district_code, year) DO UPDATE SET last_seq = EXCLUDED.last_seq');
}

export const demoClaimsSeed: Seed = {
  name: 'demo-claims',
  async run(tx, context) {
    const config = validateConfig(process.env);
    const world = await readWorld(tx, context);
    const claims = generateDemoClaims(world);
    await insertClaims(tx, fieldCryptoFromConfig(config), config.FIELD_ENCRYPTION_KEY_ID, claims);

    const summary = DEMO_CLAIM_PLANS.map(({ districtCode, year }) => {
      const of = claims.filter((c) => c.districtCode === districtCode && c.year === year);
      const paid = of.filter((c) => c.paidAmount !== null);
      return { districtCode, year, claims: of.length, paid: paid.length, paidAmount: formatMoney(paid.reduce((sum, c) => sum + c.paidAmount!, 0n)) };
    });
    // Every generated step gets the event the workflow would have written (its data saying when the step is dated), then one event the load itself.
    await new AuditService(new AuditRepository(), new Database(tx.connection)).recordAll(tx, [
      ...claims.flatMap((claim) => claim.history.map((step) => claimEvent(claim, step.action, { id: step.actorId },
        step.action === 'file' ? { seed: DEMO_CLAIMS_SEED, stepAt: step.at.toISOString() }
          : { from: step.from, to: step.to, reason: step.reason, seed: DEMO_CLAIMS_SEED, stepAt: step.at.toISOString() }))),
      { actor: { id: null }, action: 'seed.demo_claims', entity: 'seed', entityId: 'demo-claims', data: { seed: DEMO_CLAIMS_SEED, summary } },
    ]);
    context.log(`Demo claims: ${summary.map((s) => `${s.districtCode} ${s.year}: ${s.paid} paid, ${s.paidAmount} yuan`).join('; ')}`);
  },
};
