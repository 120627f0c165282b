import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LedgerCoverage } from './ledger-columns.js';

export interface LedgerPolicy {
  id: string;
  policyNo: string;
  insurerId: string;
  periodStart: string;
  periodEnd: string;
  aggregateLimit: bigint;
}

export interface LedgerImportRow {
  id: string;
  districtCode: string;
  year: number;
  fileName: string;
  sha256: string;
  rows: number;
  residentsCreated: number;
  importedBy: { id: string; username: string; displayName: string };
  importedAt: Date;
}

export type NewLedgerImport = Omit<LedgerImportRow, 'importedBy' | 'importedAt'> & { policyId: string; importedBy: string };

const IMPORT_COLUMNS = `
  li.id, li.district_code AS "districtCode", li.year, li.file_name AS "fileName", li.sha256, li.row_count AS rows,
  li.residents_created AS "residentsCreated", li.imported_at AS "importedAt",
  json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name) AS "importedBy"`;

/** Ledger imports and what a ledger is checked against. */
@Injectable()
export class LedgersRepository {
  /** The district's activated policy of the year (reports count the same one). */
  async findPolicyOfYear(tx: EntityManager, districtCode: string, year: number): Promise<LedgerPolicy | null> {
    const [row]: (Omit<LedgerPolicy, 'aggregateLimit'> & { aggregateLimit: string })[] = await tx.query(
      `SELECT id, policy_no AS "policyNo", insurer_id AS "insurerId", period_start::text AS "periodStart",
              period_end::text AS "periodEnd", aggregate_limit::text AS "aggregateLimit"
         FROM policy WHERE district_code = $1 AND year = $2 AND status IN ('active', 'expired')
        ORDER BY status = 'active' DESC LIMIT 1`,
      [districtCode, year],
    );
    return row ? { ...row, aggregateLimit: BigInt(row.aggregateLimit) } : null;
  }

  /** The policy's coverages with their event type's Chinese name, in catalogue order. */
  async coveragesOf(tx: EntityManager, policyId: string): Promise<(LedgerCoverage & { nameZh: string })[]> {
    const rows: { coverageId: string; eventType: string; nameZh: string; perClaimLimit: string }[] = await tx.query(
      `SELECT cv.id AS "coverageId", cv.event_type AS "eventType", e.name_zh AS "nameZh", cv.per_claim_limit::text AS "perClaimLimit"
         FROM coverage cv JOIN event_type e ON e.code = cv.event_type
        WHERE cv.policy_id = $1 ORDER BY e.sort_order`,
      [policyId],
    );
    return rows.map((row) => ({ ...row, perClaimLimit: BigInt(row.perClaimLimit) }));
  }

  async findBySha256(tx: EntityManager, sha256: string): Promise<LedgerImportRow | null> {
    const [row]: LedgerImportRow[] = await tx.query(
      `SELECT ${IMPORT_COLUMNS} FROM ledger_import li JOIN app_user u ON u.id = li.imported_by WHERE li.sha256 = $1`, [sha256]);
    return row ?? null;
  }

  async insert(tx: EntityManager, entry: NewLedgerImport): Promise<void> {
    await tx.query(
      `INSERT INTO ledger_import (id, district_code, year, policy_id, file_name, sha256, row_count, residents_created, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [entry.id, entry.districtCode, entry.year, entry.policyId, entry.fileName, entry.sha256, entry.rows, entry.residentsCreated, entry.importedBy],
    );
  }

  /** Newest first; `districtCode` null lists every district's imports. */
  async list(tx: EntityManager, districtCode: string | null, offset: number, limit: number): Promise<[LedgerImportRow[], number]> {
    const [{ total }]: { total: number }[] = await tx.query(
      `SELECT count(*)::int AS total FROM ledger_import WHERE $1::text IS NULL OR district_code = $1`, [districtCode]);
    const rows: LedgerImportRow[] = await tx.query(
      `SELECT ${IMPORT_COLUMNS} FROM ledger_import li JOIN app_user u ON u.id = li.imported_by
        WHERE $1::text IS NULL OR li.district_code = $1
        ORDER BY li.imported_at DESC, li.id OFFSET $2 LIMIT $3`,
      [districtCode, offset, limit],
    );
    return [rows, total];
  }
}
