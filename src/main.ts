import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { createLogger } from './common/logging.js';
import { validateConfig, type AppConfig } from './config/config.js';
import { ensureDatabase } from './database/ensure-database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './database/embedded-postgres.js';
import { startupBanner } from './startup-banner.js';
import { startWorkers } from './workers.js';

/**
 * One process serves the port, or (APP_WORKERS > 1) this one supervises that
 * many workers, each running `serve`. The embedded PostgreSQL, when there is
 * no DATABASE_URL, belongs to the first process and outlives the workers.
 */
async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = validateConfig(process.env);
  if (cluster.isWorker) {
    await serve(config);
    return;
  }

  let embedded: EmbeddedServer | undefined;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, persistent: true });
    process.env.DATABASE_URL = embedded.url('zongzhi');
    await ensureDatabase(embedded.url('postgres'), 'zongzhi');
  }
  const databaseUrl = process.env.DATABASE_URL as string;

  let stopServing: () => Promise<void>;
  if (config.APP_WORKERS > 1) {
    ({ stop: stopServing } = await startWorkers(config.APP_WORKERS));
  } else {
    stopServing = await serve(config);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    await stopServing();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (createLogger(config.LOG_LEVEL).isLevelEnabled('info')) {
    console.log(startupBanner({
      port: config.PORT,
      databaseUrl,
      embedded: embedded ? { port: config.EMBEDDED_PG_PORT, dataDir: config.DATA_DIR } : null,
      demoLogins: config.SEED_DEMO_DATA,
      workers: config.APP_WORKERS,
    }));
  }
}

/** The app on the port; resolves once it listens, with how to close it. A worker closes itself on SIGTERM. */
async function serve(config: AppConfig): Promise<() => Promise<void>> {
  // Imported here, not above: a supervisor of workers never loads the app (about 150 MB of modules).
  const [{ NestFactory }, { AppModule }, { configureApp }] = await Promise.all([
    import('@nestjs/core'), import('./app.module.js'), import('./app.setup.js'),
  ]);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  configureApp(app);
  await app.listen(config.PORT);
  app.flushLogs();
  if (cluster.isWorker) {
    process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
    process.on('SIGINT', () => undefined); // the terminal's Ctrl-C reaches every process: the supervisor decides
  }
  return () => app.close();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
