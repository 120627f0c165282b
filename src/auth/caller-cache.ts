import { Injectable } from '@nestjs/common';
import { ChangeFeed } from '../database/change-feed.js';
import { Database } from '../database/database.js';
import { FollowedCache } from '../database/followed-cache.js';
import type { AuthUser } from './auth-user.js';
import { CallerRepository } from './caller.repository.js';

/**
 * The callers the guard has read, by user id, so a request does not read
 * `app_user` again. A change of the account takes effect at once all the same:
 * the account's row notifies every instance at commit (the change feed), and
 * UsersService evicts it here right after its own commit, before it answers.
 * Null (disabled or gone) is kept too: it is evicted the same way.
 */
@Injectable()
export class CallerCache {
  private readonly cache: FollowedCache<Readonly<AuthUser> | null>;

  constructor(feed: ChangeFeed, private readonly callers: CallerRepository, private readonly db: Database) {
    this.cache = new FollowedCache(feed, 'app_user_changed', {
      keyOf: (payload) => (payload === '*' ? null : payload),
      maxEntries: 10_000,
      maxAgeMs: 60_000,
    });
  }

  /** The active user with this id; shared between requests, so frozen. */
  findActive(id: string): Promise<Readonly<AuthUser> | null> {
    return this.cache.get(id, async () => {
      const user = await this.callers.findActive(this.db.manager, id);
      return user && Object.freeze(user);
    });
  }

  /** After a committed change of the account, in this process, before anyone is answered. */
  evict(id: string): void {
    this.cache.evict(id);
  }
}
