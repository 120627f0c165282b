/** Polls until the condition holds, for what another connection or process does meanwhile. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True once exactly `n` sessions of this database wait for a lock. */
export const lockWaiters = (client: { query(sql: string): Promise<{ rows: { n: number }[] }> }, n: number) => async (): Promise<boolean> =>
  (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n === n;
