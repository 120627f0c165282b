import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { parseMoney } from '../src/common/money.js';
import { insertRows } from './seed.js';
import { seedsDir } from './seeds-dir.js';

interface CatalogFile {
  documents: Record<string, string>;
  eventTypes: {
    code: string; zh: string; en: string; category: string; in2018: boolean;
    perClaimLimit: string; deductible: string; payoutRatioBp: number; reportWindowDays: number;
    requiredDocuments: string[];
  }[];
}

export function readCatalog(): CatalogFile {
  return JSON.parse(readFileSync(`${seedsDir()}/event-types.json`, 'utf8')) as CatalogFile;
}

/** Loads the 21 catalogue events; existing codes are left as an admin may have changed them. */
export async function loadCatalog(tx: EntityManager): Promise<number> {
  const { eventTypes } = readCatalog();
  await insertRows(
    tx, 'event_type',
    ['code', 'name_zh', 'name_en', 'category', 'required_documents', 'default_per_claim_limit',
      'default_deductible', 'default_payout_ratio_bp', 'default_report_window_days', 'sort_order'],
    eventTypes.map((e, index) => [
      e.code, e.zh, e.en, e.category, e.requiredDocuments, parseMoney(e.perClaimLimit).toString(),
      parseMoney(e.deductible).toString(), e.payoutRatioBp, e.reportWindowDays, index + 1,
    ]),
    'ON CONFLICT (code) DO NOTHING',
  );
  return eventTypes.length;
}
