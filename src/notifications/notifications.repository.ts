import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { scopeClaims } from '../claims/claim-scope.js';
import { prepared } from '../database/prepared-statements.js';
import type { JobStatement } from './notification-queue.js';

export interface NewNotification {
  claimId: string;
  residentId: string;
  template: string;
  channel: 'sms' | 'log';
  body: string;
}

export interface QueuedNotification {
  id: string;
  recipientCipher: string;
  body: string;
}

export interface NotificationRow {
  id: string;
  channel: string;
  template: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  recipientMasked: string;
  createdAt: Date;
  sentAt: Date | null;
}

@Injectable()
export class NotificationsRepository {
  /**
   * The outbox row, addressed to the resident's phone as stored (encrypted)
   * and masked, and its delivery job (pg-boss's own statement, which it
   * precedes as a data-modifying WITH) in one statement.
   */
  async insertWithJob(tx: EntityManager, n: NewNotification & { id: string }, job: JobStatement): Promise<void> {
    const p = (i: number) => `$${job.values.length + i}`;
    await tx.query(
      prepared(`WITH outbox AS (
         INSERT INTO notification (id, claim_id, template, channel, recipient_cipher, recipient_masked, body)
         SELECT ${p(1)}::uuid, ${p(2)}::uuid, ${p(4)}, ${p(5)}, r.phone_cipher, r.phone_masked, ${p(6)} FROM resident r WHERE r.id = ${p(3)}::uuid
       )
       ${job.text}`),
      [...job.values, n.id, n.claimId, n.residentId, n.template, n.channel, n.body],
    );
  }

  async findQueued(db: EntityManager, id: string): Promise<QueuedNotification | null> {
    const [row]: QueuedNotification[] = await db.query(
      `SELECT id, recipient_cipher AS "recipientCipher", body FROM notification WHERE id = $1 AND status = 'queued'`, [id]);
    return row ?? null;
  }

  /** Only a queued row becomes sent: a second delivery of the same job changes nothing. */
  async markSent(db: EntityManager, id: string): Promise<void> {
    await db.query(`UPDATE notification SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1 AND status = 'queued'`, [id]);
  }

  /** A failed attempt; the last one allowed leaves the row failed. */
  async recordFailure(db: EntityManager, id: string, error: string, final: boolean): Promise<void> {
    await db.query(
      `UPDATE notification SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END
       WHERE id = $1 AND status = 'queued'`,
      [id, error.slice(0, 1000), final],
    );
  }

  /** A claim's notifications, oldest first; null when the claim is not in the caller's scope. */
  async listForClaim(db: EntityManager, caller: AuthUser, claimId: string): Promise<NotificationRow[] | null> {
    const claim = await scopeClaims(db.createQueryBuilder().select('c.id', 'id').from('claim', 'c').where('c.id = :claimId', { claimId }), caller)
      .getRawOne<{ id: string }>();
    if (!claim) return null;
    return db.query(
      `SELECT id, channel, template, status, attempts, last_error AS "lastError", recipient_masked AS "recipientMasked",
              created_at AS "createdAt", sent_at AS "sentAt"
         FROM notification WHERE claim_id = $1 ORDER BY created_at, id`,
      [claimId],
    );
  }
}
