import { shanghaiToday } from '../src/common/business-date.js';
import { parseMoney } from '../src/common/money.js';
import { readCatalog } from './catalog.js';
import { DEMO_INSURER_ID } from './demo-reference.js';
import { insertRows, type Seed } from './seed.js';

interface DemoPolicy {
  districtCode: string;
  year: number;
  premium: string;
  aggregateLimit: string;
  /** How many catalogue events are covered: the six of 2018 first, then the rest in catalogue order. */
  coveredEvents: number;
  excluded?: string[];
}

/**
 * Haicang widened its cover from 6 events in 2018 to 21 in 2022; Jimei had not yet covered traffic accidents.
 * Premiums are set so the generated demo claims give loss ratios of about 0.75–0.85.
 */
const HAICANG_YEARS: DemoPolicy[] = [
  { districtCode: '350205', year: 2018, premium: '1600000.00', aggregateLimit: '3000000.00', coveredEvents: 6 },
  { districtCode: '350205', year: 2019, premium: '1700000.00', aggregateLimit: '3200000.00', coveredEvents: 9 },
  { districtCode: '350205', year: 2020, premium: '1800000.00', aggregateLimit: '3500000.00', coveredEvents: 13 },
  { districtCode: '350205', year: 2021, premium: '2100000.00', aggregateLimit: '4000000.00', coveredEvents: 17 },
  { districtCode: '350205', year: 2022, premium: '2900000.00', aggregateLimit: '4500000.00', coveredEvents: 21 },
];
const JIMEI_2022: DemoPolicy = { districtCode: '350211', year: 2022, premium: '2600000.00', aggregateLimit: '6000000.00', coveredEvents: 21, excluded: ['hit_and_run'] };

/** The running year's policies, so a demo claim can be filed for last week's incident. */
function currentYearPolicies(): DemoPolicy[] {
  const year = Number(shanghaiToday().slice(0, 4));
  if (year <= 2022) return [];
  return [
    { districtCode: '350205', year, premium: '2000000.00', aggregateLimit: '5000000.00', coveredEvents: 21 },
    { districtCode: '350211', year, premium: '2800000.00', aggregateLimit: '6500000.00', coveredEvents: 21 },
  ];
}

export function demoPolicies(): DemoPolicy[] {
  return [...HAICANG_YEARS, JIMEI_2022, ...currentYearPolicies()];
}

export const demoPoliciesSeed: Seed = {
  name: 'demo-policies',
  async run(tx) {
    const { eventTypes } = readCatalog();
    const coverOrder = [...eventTypes.filter((e) => e.in2018), ...eventTypes.filter((e) => !e.in2018)];
    for (const policy of demoPolicies()) {
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO policy (policy_no, district_code, insurer_id, year, period_start, period_end, premium,
           aggregate_limit, four_eyes_threshold, status, activated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', now()) RETURNING id`,
        [`PICC-ZZ-${policy.districtCode}-${policy.year}`, policy.districtCode, DEMO_INSURER_ID, policy.year,
          `${policy.year}-01-01`, `${policy.year}-12-31`, parseMoney(policy.premium).toString(),
          parseMoney(policy.aggregateLimit).toString(), parseMoney('50000.00').toString()],
      );
      const covered = coverOrder.slice(0, policy.coveredEvents).filter((e) => !policy.excluded?.includes(e.code));
      await insertRows(tx, 'coverage',
        ['policy_id', 'event_type', 'per_claim_limit', 'per_person_annual_limit', 'deductible', 'payout_ratio_bp', 'report_window_days', 'required_documents'],
        covered.map((e) => [id, e.code, parseMoney(e.perClaimLimit).toString(), parseMoney(e.perClaimLimit).toString(),
          parseMoney(e.deductible).toString(), e.payoutRatioBp, e.reportWindowDays, e.requiredDocuments]));
    }
  },
};
