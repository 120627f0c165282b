import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../config/config.js';

/** The channels the triggers of migration ChangeFeed1766400000000 notify. */
export type ChangeChannel = 'app_user_changed' | 'calendar_day_changed';
const CHANNELS: readonly ChangeChannel[] = ['app_user_changed', 'calendar_day_changed'];

/** How the listener's session shows in pg_stat_activity. */
export const CHANGE_FEED_APPLICATION_NAME = 'zongzhi-change-feed';

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/** A cache of rows the feed tells about. */
export interface ChangeFollower {
  readonly channel: ChangeChannel;
  /** A committed change on the channel; the payload the trigger gave. */
  changed(payload: string): void;
  /** The feed connected or dropped: changes may have gone unheard, so nothing cached may be trusted. */
  reset(): void;
}

/**
 * One LISTEN session per app process, on a connection of its own (outside the
 * pool: it is held for the process's life). While it is not listening the
 * caches that follow it are bypassed; each (re)connect clears them, as
 * changes made meanwhile were not heard. Reconnects with backoff, 1 s doubling
 * to 30 s.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly followers: ChangeFollower[] = [];
  private client: pg.Client | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly config: AppConfig) {}

  /** Whether every committed change is being heard: only then may a follower answer from memory. */
  get listening(): boolean {
    return this.client !== null;
  }

  follow(follower: ChangeFollower): void {
    this.followers.push(follower);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: CHANGE_FEED_APPLICATION_NAME, keepAlive: true });
    let gone = false;
    const lost = (reason: string) => {
      if (gone) return;
      gone = true;
      this.lost(client, reason);
    };
    client.on('error', (error: Error) => lost(error.message));
    client.on('end', () => lost('connection closed'));
    client.on('notification', ({ channel, payload }) => this.deliver(channel, payload ?? ''));
    try {
      await client.connect();
      await client.query(CHANNELS.map((channel) => `LISTEN ${channel}`).join('; '));
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
      await client.end().catch(() => undefined);
      return;
    }
    if (gone) return;
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.resetFollowers();
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
  }

  private lost(client: pg.Client, reason: string): void {
    if (this.client === client) {
      this.client = null;
      this.resetFollowers();
    }
    if (this.stopped || this.retry) return;
    this.logger.warn(`Change feed not listening (${reason}); caches are bypassed, retrying in ${this.retryMs} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private deliver(channel: string, payload: string): void {
    for (const follower of this.followers) if (follower.channel === channel) follower.changed(payload);
  }

  private resetFollowers(): void {
    for (const follower of this.followers) follower.reset();
  }
}
