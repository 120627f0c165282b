import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { PageQuery } from '../common/pagination.js';
import { AppConfig } from '../config/config.js';
import { Database } from '../database/database.js';
import { NotificationQueue } from '../notifications/notification-queue.js';
import { toReminderResponse, type ReminderInboxResponse } from './dto/reminder.response.js';
import { RemindersRepository } from './reminders.repository.js';

const SWEEP_QUEUE = 'reminder-sweep';

/**
 * Deadline reminders to the staff who must act. The sweep runs on pg-boss's
 * cron (REMINDER_CRON) and at worker start; staff have no phone on record,
 * so a reminder is delivered to the in-app inbox: written is delivered.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly db: Database,
    private readonly reminders: RemindersRepository,
    private readonly queue: NotificationQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.NOTIFY_WORKER) await this.queue.recurring(SWEEP_QUEUE, this.config.REMINDER_CRON, async () => { await this.sweep(); });
  }

  /** Writes today's reminders not yet written; how many. */
  async sweep(): Promise<number> {
    const written = await this.db.transaction((tx) => this.reminders.sweep(tx, this.clock.today()));
    if (written > 0) this.logger.log(`${written} deadline reminder(s) to staff`);
    return written;
  }

  async inbox(caller: AuthUser, query: PageQuery): Promise<ReminderInboxResponse> {
    const { rows, total, unread } = await this.reminders.inbox(this.db.manager, caller.id, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: rows.map(toReminderResponse), total, page: query.page, pageSize: query.pageSize, unread };
  }

  async markRead(caller: AuthUser, id: string): Promise<void> {
    if (!(await this.reminders.markRead(this.db.manager, caller.id, id))) throw DomainError.notFound('Notification');
  }
}
