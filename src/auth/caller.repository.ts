import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user.js';

/** AuthUser as the row comes back: the approval limit in fen as pg's bigint string. */
type CallerRow = Omit<AuthUser, 'approvalLimit'> & { approvalLimit: string | null };

/**
 * Who is calling, read for the guard from `app_user` in SQL: the accounts
 * themselves (and signing in) belong to users/, which depends on auth/, not
 * the other way round.
 */
@Injectable()
export class CallerRepository {
  async findActive(db: EntityManager, id: string): Promise<AuthUser | null> {
    const [row]: CallerRow[] = await db.query(
      `SELECT id, username, display_name AS "displayName", role, district_code AS "districtCode",
              street_code AS "streetCode", insurer_id AS "insurerId", approval_limit AS "approvalLimit"
       FROM app_user WHERE id = $1 AND active`,
      [id],
    );
    if (!row) return null;
    return { ...row, approvalLimit: row.approvalLimit === null ? null : BigInt(row.approvalLimit) };
  }
}
