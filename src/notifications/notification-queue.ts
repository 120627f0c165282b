import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/config.js';

const QUEUE = 'notification-send';
const SCHEMA = 'pgboss';

export interface DeliveryJob {
  notificationId: string;
  /** this is the last attempt pg-boss will make */
  final: boolean;
}

/** One SQL statement and its parameters ($1…$n). */
export interface JobStatement {
  text: string;
  values: unknown[];
}

/**
 * The pg-boss queue that wakes the delivery worker: jobs live in PostgreSQL
 * (schema pgboss, created and upgraded by pg-boss at start), are written in
 * the statement that writes the outbox row, retried with exponential
 * backoff, and handed back to a worker when the one holding them died
 * (expiry). Started with the app; stopped gracefully (in-flight deliveries
 * finish) before the database connection closes.
 */
@Injectable()
export class NotificationQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('NotificationQueue');
  private readonly boss: PgBoss;

  constructor(private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: config.DATABASE_URL,
      schema: SCHEMA,
      max: 3,
      application_name: 'zongzhi-claims notifications',
      // Expiry of jobs whose worker died is part of maintenance: only instances that deliver run it.
      supervise: config.NOTIFY_WORKER,
      // Cron schedules (the reminder sweep) are kept and fired by the instances that work.
      schedule: config.NOTIFY_WORKER,
      maintenanceIntervalSeconds: Math.min(Math.max(config.NOTIFY_EXPIRE_SECONDS, 1), 300),
    });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    await this.createQueue(QUEUE, { name: QUEUE, ...this.retryOptions() });
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }

  /**
   * The statement pg-boss runs to send a notification's delivery job, built
   * by pg-boss itself (its options, defaults and SQL) but not run: the outbox
   * row is written with it in one statement (NotificationsRepository.insertWithJob),
   * so the job exists exactly when the row does.
   */
  async sendStatement(notificationId: string): Promise<JobStatement> {
    let statement: JobStatement | undefined;
    await this.boss.send(QUEUE, { notificationId }, {
      ...this.retryOptions(),
      db: { executeSql: async (text: string, values: unknown[]) => { statement = { text, values }; return { rows: [] }; } },
    });
    if (!statement) throw new Error('pg-boss built no statement for send');
    return statement;
  }

  /** Runs `deliver` for each job, one at a time; a throw is a failed attempt, retried after the backoff. */
  async work(deliver: (job: DeliveryJob) => Promise<void>): Promise<void> {
    await this.boss.work<{ notificationId: string }>(
      QUEUE, { pollingIntervalSeconds: this.config.NOTIFY_POLL_SECONDS, batchSize: 1, includeMetadata: true },
      async ([job]) => deliver({ notificationId: job.data.notificationId, final: job.retryCount >= job.retryLimit }),
    );
  }

  /**
   * A recurring job on pg-boss's cron: `run` on a cron tick (one instance
   * gets each tick's job) and once at this call, for the instance that works.
   * No retries: the next tick is the retry.
   */
  async recurring(name: string, cron: string, run: () => Promise<void>): Promise<void> {
    await this.createQueue(name, { name, policy: 'singleton', retryLimit: 0 });
    await this.againOnClash(() => this.boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' }));
    await this.boss.work(name, { pollingIntervalSeconds: this.config.NOTIFY_POLL_SECONDS, batchSize: 1 }, () => run());
    await this.boss.send(name, {});
  }

  private createQueue(name: string, options: PgBoss.Queue): Promise<void> {
    return this.againOnClash(() => this.boss.createQueue(name, options));
  }

  /**
   * pg-boss creates queues and schedules with "if not exists" statements that
   * two instances starting together can deadlock on (or clash on the key);
   * the loser tries again and then finds the queue there.
   */
  private async againOnClash(step: () => Promise<void>, attempts = 3): Promise<void> {
    try {
      await step();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempts <= 1 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      await this.againOnClash(step, attempts - 1);
    }
  }

  private retryOptions() {
    return {
      retryLimit: this.config.NOTIFY_RETRY_LIMIT,
      retryDelay: this.config.NOTIFY_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: this.config.NOTIFY_EXPIRE_SECONDS,
    };
  }
}
