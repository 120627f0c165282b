import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import argon2 from 'argon2';
import { AppConfig } from '../src/config/config.js';
import { Database } from '../src/database/database.js';
import { demoSeeds, loadCatalog, loadDenialReasons, workingDayCalendarSeed } from './index.js';
import type { Seed, SeedContext } from './seed.js';

/** Any constant: keeps two instances starting together from seeding twice. */
const SEED_LOCK = 7_245_002;

@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await runSeeds(this.db, this.config.SEED_DEMO_DATA ? demoSeeds : [], {
      hashPassword: (password) => argon2.hash(password, { type: argon2.argon2id }),
      log: (message) => this.logger.log(message),
    });
  }
}

/**
 * Loads the catalogues of events and denial reasons (new codes only), the working-day calendar and every
 * seed not yet recorded in seed_run, in one transaction. `db` is the app's Database or, before the app
 * exists (test template, benchmark), a plain DataSource.
 */
export async function runSeeds(db: Pick<Database, 'transaction'>, seeds: Seed[], context: SeedContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    await loadCatalog(tx);
    await loadDenialReasons(tx);
    for (const seed of [workingDayCalendarSeed, ...seeds]) {
      const done: unknown[] = await tx.query('SELECT 1 FROM seed_run WHERE name = $1', [seed.name]);
      if (done.length > 0) continue;
      const started = Date.now();
      await seed.run(tx, context);
      await tx.query('INSERT INTO seed_run (name) VALUES ($1)', [seed.name]);
      context.log(`Seed ${seed.name} loaded in ${Date.now() - started} ms`);
    }
  });
}
