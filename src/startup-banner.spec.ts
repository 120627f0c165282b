import { describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD } from '../seeds/index.js';
import { describeDatabase, startupBanner } from './startup-banner.js';

describe('startupBanner', () => {
  const embedded = { port: 3104, databaseUrl: 'postgres://postgres:postgres@127.0.0.1:54404/zongzhi', embedded: { port: 54404, dataDir: '/tmp/d' } };

  it('names the console, API, docs and health URLs and the embedded database', () => {
    const lines = startupBanner({ ...embedded, demoLogins: false }).split('\n');
    expect(lines).toEqual([
      'zongzhi-claims is ready',
      '  console   http://localhost:3104/',
      '  API       http://localhost:3104/api/v1',
      '  docs      http://localhost:3104/docs  (OpenAPI: http://localhost:3104/docs-json)',
      '  health    http://localhost:3104/health  http://localhost:3104/health/ready',
      '  database  embedded PostgreSQL on port 54404, data in /tmp/d/pg',
    ]);
  });

  it('lists the demo logins once, with their password, when demo data is loaded', () => {
    const banner = startupBanner({ ...embedded, demoLogins: true });
    expect(banner.match(/hc\.cadre1/g)).toHaveLength(1);
    expect(banner).toContain(DEMO_PASSWORD);
    expect(banner.split('\n').at(-1)).toMatch(/^ {2}demo {6}password/);
  });

  it('shows an external database without its password', () => {
    const banner = startupBanner({ port: 3000, databaseUrl: 'postgres://claims:s3cr%40t@db.internal:5432/zongzhi?sslmode=require', embedded: null, demoLogins: false });
    expect(banner).toContain('  database  postgres://claims@db.internal:5432/zongzhi');
    expect(banner).not.toContain('s3cr');
    expect(banner).not.toContain('sslmode');
  });
});

describe('startupBanner with workers', () => {
  const external = { port: 3000, databaseUrl: 'postgres://127.0.0.1:5432/zongzhi', embedded: null, demoLogins: false };

  it('says how many processes serve the port, and nothing of workers when one does', () => {
    expect(startupBanner({ ...external, workers: 4 })).toContain('  workers   4 processes serve port 3000');
    expect(startupBanner({ ...external, workers: 1 })).not.toContain('workers');
  });
});

describe('describeDatabase', () => {
  it('keeps a URL without user or password as it is', () => {
    expect(describeDatabase('postgres://127.0.0.1:5432/test')).toBe('postgres://127.0.0.1:5432/test');
  });
});
