import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClaimStatus } from '../claims/claim-status.js';

/** What the public lookup may read of a claim, and the resident's encrypted ID number to check the caller against. */
export interface ClaimStatusRow {
  claimNo: string;
  eventType: string;
  eventTypeZh: string;
  status: ClaimStatus;
  filedAt: Date;
  lastChangeAt: Date;
  paidAmount: string | null;
  idNumberCipher: string;
}

@Injectable()
export class PublicStatusRepository {
  /** One indexed read by claim number (claim_no is unique); the last change from the status history. */
  async findByClaimNo(db: EntityManager, claimNo: string): Promise<ClaimStatusRow | null> {
    const [row]: ClaimStatusRow[] = await db.query(
      `SELECT c.claim_no AS "claimNo", c.event_type AS "eventType", e.name_zh AS "eventTypeZh", c.status,
              c.reported_at AS "filedAt",
              coalesce((SELECT max(h.at) FROM claim_status_change h WHERE h.claim_id = c.id), c.reported_at) AS "lastChangeAt",
              c.paid_amount::text AS "paidAmount", r.id_number_cipher AS "idNumberCipher"
         FROM claim c
         JOIN resident r ON r.id = c.resident_id
         JOIN event_type e ON e.code = c.event_type
        WHERE c.claim_no = $1`,
      [claimNo],
    );
    return row ?? null;
  }
}
