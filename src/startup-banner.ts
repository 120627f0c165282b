import { DEMO_PASSWORD, DEMO_USERS } from '../seeds/demo-reference.js';

export interface BannerFacts {
  port: number;
  databaseUrl: string;
  embedded: { port: number; dataDir: string } | null;
  demoLogins: boolean;
  /** Processes serving the port (APP_WORKERS); one when absent. */
  workers?: number;
}

/** A database URL fit to print: user, host, port and database; never the password or the options. */
export function describeDatabase(url: string): string {
  const { protocol, username, host, pathname } = new URL(url);
  return `${protocol}//${username ? `${decodeURIComponent(username)}@` : ''}${host}${pathname}`;
}

/** What start-up prints last: where everything is, which database is in use, and the demo logins. */
export function startupBanner(facts: BannerFacts): string {
  const base = `http://localhost:${facts.port}`;
  const database = facts.embedded
    ? `embedded PostgreSQL on port ${facts.embedded.port}, data in ${facts.embedded.dataDir}/pg`
    : describeDatabase(facts.databaseUrl);
  const lines = [
    'zongzhi-claims is ready',
    `  console   ${base}/`,
    `  API       ${base}/api/v1`,
    `  docs      ${base}/docs  (OpenAPI: ${base}/docs-json)`,
    `  health    ${base}/health  ${base}/health/ready`,
    `  database  ${database}`,
  ];
  if ((facts.workers ?? 1) > 1) lines.push(`  workers   ${facts.workers} processes serve port ${facts.port}`);
  if (facts.demoLogins) {
    lines.push(`  demo      password "${DEMO_PASSWORD}" (local demo only): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
  return lines.join('\n');
}
