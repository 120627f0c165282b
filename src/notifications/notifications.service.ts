import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { claimStatusText } from '../claims/claim-status-text.js';
import type { ClaimAction } from '../claims/claim-workflow.js';
import type { NotifiedClaim, ResidentNotifier } from '../claims/resident-notifier.js';
import { DomainError } from '../common/domain-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { formatMoney } from '../common/money.js';
import { fill, readTemplate } from '../common/templates.js';
import { AppConfig } from '../config/config.js';
import { Database } from '../database/database.js';
import { toNotificationResponse, type NotificationResponse } from './dto/notification.response.js';
import { NOTIFICATION_CHANNEL, type NotificationChannel } from './notification-channel.js';
import { NotificationQueue, type DeliveryJob } from './notification-queue.js';
import { NotificationsRepository } from './notifications.repository.js';

/** The transitions that concern the resident, and the template (templates/notifications.zh.json) each is told with. */
const TEMPLATE_OF: Partial<Record<ClaimAction | 'file', string>> = {
  file: 'claim_filed', return: 'claim_returned', approve: 'claim_approved', deny: 'claim_denied', pay: 'claim_paid',
};

interface NotificationText {
  sms: Record<string, string>;
}

/**
 * The outbox: the claim workflow calls `transitioned` in its transaction (as
 * RESIDENT_NOTIFIER); the row and its pg-boss job commit with the transition
 * or not at all. The worker (`deliver`) sends a queued row through the
 * configured channel with the row's id as idempotency key and marks it sent
 * only while it is still queued, so a job run twice (a worker killed between
 * the provider's answer and the update) never marks or counts twice, and the
 * provider sees the same key again.
 */
@Injectable()
export class NotificationsService implements ResidentNotifier, OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationsRepository,
    private readonly queue: NotificationQueue,
    private readonly crypto: FieldCrypto,
    private readonly config: AppConfig,
    @Inject(NOTIFICATION_CHANNEL) private readonly channel: NotificationChannel,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.NOTIFY_WORKER) await this.queue.work((job) => this.deliver(job));
  }

  async transitioned(tx: EntityManager, claim: NotifiedClaim, event: ClaimAction | 'file'): Promise<void> {
    const template = TEMPLATE_OF[event];
    if (!template) return;
    const amount = event === 'pay' ? claim.paidAmount : claim.approvedAmount;
    const body = fill(readTemplate<NotificationText>('notifications.zh.json').sms[template], {
      claimNo: claim.claimNo, ...claimStatusText(claim.status), amount: amount === null ? '' : formatMoney(amount),
    });
    const id = randomUUID();
    await this.notifications.insertWithJob(tx, { id, claimId: claim.id, residentId: claim.residentId, template, channel: this.channel.name, body },
      await this.queue.sendStatement(id));
  }

  async deliver({ notificationId, final }: DeliveryJob): Promise<void> {
    const notification = await this.notifications.findQueued(this.db.manager, notificationId);
    if (!notification) return;
    try {
      await this.channel.send({ idempotencyKey: notification.id, to: this.crypto.decrypt(notification.recipientCipher), text: notification.body });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.notifications.recordFailure(this.db.manager, notificationId, message, final);
      if (final) this.logger.warn(`notification ${notificationId} failed for good: ${message}`);
      throw error;
    }
    await this.notifications.markSent(this.db.manager, notificationId);
  }

  async listForClaim(caller: AuthUser, claimId: string): Promise<NotificationResponse[]> {
    const rows = await this.notifications.listForClaim(this.db.manager, caller, claimId);
    if (!rows) throw DomainError.notFound('Claim');
    return rows.map(toNotificationResponse);
  }
}
