import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { validateConfig } from './config/config.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../seeds/index.js';
import { ensureDatabase } from './database/ensure-database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './database/embedded-postgres.js';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = validateConfig(process.env);

  let embedded: EmbeddedServer | undefined;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, persistent: true });
    process.env.DATABASE_URL = embedded.url('zongzhi');
    await ensureDatabase(embedded.url('postgres'), 'zongzhi');
    console.log(`Embedded PostgreSQL running on port ${config.EMBEDDED_PG_PORT}, data in ${config.DATA_DIR}/pg`);
  }

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
  const base = `http://localhost:${config.PORT}`;
  if (config.SEED_DEMO_DATA) {
    console.log(`Demo logins (password "${DEMO_PASSWORD}", local demo only): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`);
  }
  console.log(`zongzhi-claims API: ${base}/api/v1   OpenAPI docs: ${base}/docs   health: ${base}/health/ready`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
