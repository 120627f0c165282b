import pg from 'pg';

export default async function globalTeardown() {
  if (globalThis.__zzEmbedded) {
    await globalThis.__zzEmbedded.stop();
    return;
  }
  const { ZZ_TEST_ADMIN_URL: adminUrl, ZZ_TEST_RUN_ID: runId } = process.env;
  if (!adminUrl || !runId) return;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${runId}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
