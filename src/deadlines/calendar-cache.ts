import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChangeFeed } from '../database/change-feed.js';
import { FollowedCache } from '../database/followed-cache.js';
import { calendarOf, CalendarRepository, type StoredDay } from './calendar.repository.js';
import type { WorkingDayCalendar } from './working-days.js';

const ALL = 'all';

/**
 * The stored calendar days (a few dozen a year) in memory, for reads that do
 * not change the calendar. Dropped when `calendar_day` notifies the change
 * feed and, in this process, right after a calendar edit commits. It is
 * filled only by a read outside any transaction: a read inside one (a
 * REPEATABLE READ snapshot may be older than the last notification) is
 * answered through that transaction and not kept, which also never has a
 * request that holds a connection wait for a second one.
 */
@Injectable()
export class CalendarCache {
  private readonly cache: FollowedCache<readonly StoredDay[]>;

  constructor(feed: ChangeFeed, private readonly calendar: CalendarRepository) {
    this.cache = new FollowedCache(feed, 'calendar_day_changed', { keyOf: () => null, maxEntries: 1, maxAgeMs: 60_000 });
  }

  /** The calendar between two dates, as `CalendarRepository.load` reads it. */
  async between(db: EntityManager, from: string, to: string): Promise<WorkingDayCalendar> {
    const days = this.cache.peek(ALL);
    if (days) return calendarOf(days, from, to);
    if (db.queryRunner?.isTransactionActive) return this.calendar.load(db, from, to);
    return calendarOf(await this.cache.get(ALL, () => this.calendar.storedDays(db)), from, to);
  }

  /** After a calendar edit commits. */
  clear(): void {
    this.cache.clear();
  }
}
