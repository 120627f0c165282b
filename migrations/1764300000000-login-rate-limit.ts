import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login attempts per fixed window, shared by every app instance, so a limit
 * of N attempts a minute stays N behind a load balancer. UNLOGGED: losing
 * the counters in a crash is harmless and saves a WAL write per login.
 */
export class LoginRateLimit1764300000000 implements MigrationInterface {
  name = 'LoginRateLimit1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_hit (
        key           char(64) NOT NULL,
        window_start  timestamptz NOT NULL,
        hits          integer NOT NULL CHECK (hits > 0),
        PRIMARY KEY (key, window_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_hit`);
  }
}
