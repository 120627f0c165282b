import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { insertRows } from './seed.js';
import { seedsDir } from './seeds-dir.js';

export interface DenialReasonEntry {
  code: string;
  nameZh: string;
  policyClause: string;
}

export function readDenialReasons(): DenialReasonEntry[] {
  return (JSON.parse(readFileSync(`${seedsDir()}/denial-reasons.json`, 'utf8')) as { denialReasons: DenialReasonEntry[] }).denialReasons;
}

/** Adds the reasons of seeds/denial-reasons.json not yet in the catalogue; existing codes keep their wording. */
export async function loadDenialReasons(tx: EntityManager): Promise<void> {
  const reasons = readDenialReasons();
  const [{ last }]: { last: number }[] = await tx.query('SELECT coalesce(max(sort_order), 0) AS last FROM denial_reason');
  await insertRows(tx, 'denial_reason', ['code', 'name_zh', 'policy_clause', 'sort_order'],
    reasons.map((r, index) => [r.code, r.nameZh, r.policyClause, last + index + 1]), 'ON CONFLICT (code) DO NOTHING');
}
