import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

const WINDOW = `date_bin(make_interval(secs => $2), now(), 'epoch')`;

/** Counters per key and fixed window, in PostgreSQL so that every app instance sees the same counts. */
@Injectable()
export class RateLimitRepository {
  /**
   * Counts one hit for each key in the current window and returns each key's
   * count so far, in the order given; the keys' older windows are dropped on
   * the way. One statement, so parallel hits are counted one by one.
   */
  async hitEach(db: EntityManager, keys: string[], windowSeconds: number): Promise<number[]> {
    const rows: { key: string; hits: number }[] = await db.query(
      `WITH stale AS (
         DELETE FROM rate_limit_hit WHERE key = ANY($1) AND window_start < ${WINDOW}
       )
       INSERT INTO rate_limit_hit (key, window_start, hits)
       SELECT key, ${WINDOW}, 1 FROM unnest($1::text[]) AS key
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hit.hits + 1
       RETURNING key, hits`,
      [keys, windowSeconds],
    );
    const hits = new Map(rows.map((row) => [row.key.trimEnd(), row.hits]));
    return keys.map((key) => hits.get(key) ?? 0);
  }

  /** `hitEach` for one key. */
  async hit(db: EntityManager, key: string, windowSeconds: number): Promise<number> {
    return (await this.hitEach(db, [key], windowSeconds))[0];
  }

  /** Takes back one hit of each key in the current window (a hit that turned out not to count). */
  async takeBack(db: EntityManager, keys: string[], windowSeconds: number): Promise<void> {
    await db.query(
      `WITH last AS (
         DELETE FROM rate_limit_hit WHERE key = ANY($1) AND window_start = ${WINDOW} AND hits = 1
       )
       UPDATE rate_limit_hit SET hits = hits - 1 WHERE key = ANY($1) AND window_start = ${WINDOW} AND hits > 1`,
      [keys, windowSeconds],
    );
  }
}
