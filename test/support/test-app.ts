import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { DEMO_PASSWORD } from '../../seeds/index.js';
import { piiLeakError, piiRecorder, type PiiLeak } from './pii-scan.js';
import { createTestDatabase, dropTestDatabase } from './test-database.js';

export const API = '/api/v1';

export interface TestApp {
  app: NestExpressApplication;
  db: DataSource;
  databaseUrl: string;
  http: () => ReturnType<typeof request>;
  /** Logs a demo user in and returns the Authorization header value. */
  login(username: string, password?: string): Promise<string>;
  /** Responses so far that carried unmasked PII (see pii-scan.ts); `close()` fails when any are left. */
  piiLeaks: PiiLeak[];
  close(): Promise<void>;
}

/**
 * The real app (real migrations, real PostgreSQL) on a database of its own.
 * `env` overrides configuration for this app only. `options.databaseUrl`
 * runs it on a database the test made (and keeps) itself, e.g. on a server
 * it stops and starts.
 */
export async function createTestApp(env: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? await createTestDatabase();
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test', DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent',
    DOCUMENT_STORAGE_DIR: `${process.env.TMPDIR ?? '/tmp'}/zz-docs-${process.pid}`,
    LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_RATE_LIMIT: '100000', WRITE_RATE_LIMIT: '100000',
    // No delivery worker unless a test asks for one: its reads would show in the query counts of others.
    NOTIFY_WORKER: 'false',
    ...env,
  });
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      // A testing module is compiled before it has an HTTP adapter, so the serve-static module would pick its no-op loader.
      .overrideProvider(AbstractLoader).useValue(new ExpressLoader())
      .compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    const pii = piiRecorder();
    app.use(pii.middleware);
    configureApp(app);
    await app.init();
    const db = app.get<DataSource>(getDataSourceToken());
    const tokens = new Map<string, string>();
    return {
      app,
      db,
      databaseUrl,
      http: () => request(app.getHttpServer()),
      piiLeaks: pii.leaks,
      async login(username, password = DEMO_PASSWORD) {
        const cached = tokens.get(`${username}\n${password}`);
        if (cached) return cached;
        const res = await request(app.getHttpServer()).post(`${API}/auth/login`).send({ username, password });
        if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
        const header = `Bearer ${res.body.accessToken as string}`;
        tokens.set(`${username}\n${password}`, header);
        return header;
      },
      async close() {
        await app.close();
        if (!options.databaseUrl) await dropTestDatabase(databaseUrl);
        if (pii.leaks.length > 0) throw piiLeakError(pii.leaks);
      },
    };
  } finally {
    process.env = saved;
  }
}
