import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

@Injectable()
export class RateLimitRepository {
  /**
   * Counts one hit for `key` in the current fixed window and returns the
   * window's count so far; the key's older windows are dropped on the way.
   */
  async hit(db: EntityManager, key: string, windowSeconds: number): Promise<number> {
    const [row]: { hits: number }[] = await db.query(
      `WITH stale AS (
         DELETE FROM rate_limit_hit
         WHERE key = $1 AND window_start < date_bin(make_interval(secs => $2), now(), 'epoch')
       )
       INSERT INTO rate_limit_hit (key, window_start, hits)
       VALUES ($1, date_bin(make_interval(secs => $2), now(), 'epoch'), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hit.hits + 1
       RETURNING hits`,
      [key, windowSeconds],
    );
    return row.hits;
  }
}
