import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { createLogger } from './common/logging.js';
import { validateConfig } from './config/config.js';
import { ensureDatabase } from './database/ensure-database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './database/embedded-postgres.js';
import { startupBanner } from './startup-banner.js';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = validateConfig(process.env);

  let embedded: EmbeddedServer | undefined;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, persistent: true });
    process.env.DATABASE_URL = embedded.url('zongzhi');
    await ensureDatabase(embedded.url('postgres'), 'zongzhi');
  }
  const databaseUrl = process.env.DATABASE_URL as string;

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  configureApp(app);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.PORT);
  app.flushLogs();
  if (createLogger(config.LOG_LEVEL).isLevelEnabled('info')) {
    console.log(startupBanner({
      port: config.PORT,
      databaseUrl,
      embedded: embedded ? { port: config.EMBEDDED_PG_PORT, dataDir: config.DATA_DIR } : null,
      demoLogins: config.SEED_DEMO_DATA,
    }));
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
