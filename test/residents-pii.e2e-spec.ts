import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { claimInput, createResident } from './support/fixtures.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

/**
 * The ID number, phone and payee account number must never be stored, logged
 * or echoed in clear. This file runs the app with full logging, captures what
 * it writes, exercises every path that handles those values (including the
 * failing ones) and then searches the whole database, the logs and the
 * responses for them.
 */
const ID_NUMBER = '35020519880808100X';
const PHONE = '13912345678';
const ACCOUNT_NO = '6222021234567890123';
const SECRETS = [ID_NUMBER, ID_NUMBER.toLowerCase(), PHONE, ACCOUNT_NO, '6222 0212 3456 7890 123'];

describe('personal data never appears in clear', () => {
  let t: TestApp;
  const captured: string[] = [];
  const responses: { path: string; status: number; text: string }[] = [];
  const originalWrite = { stdout: process.stdout.write, stderr: process.stderr.write };

  beforeAll(async () => {
    // Installed before the app exists: pino then writes through process.stdout.write rather than straight to fd 1.
    for (const stream of ['stdout', 'stderr'] as const) {
      process[stream].write = ((chunk: string | Uint8Array) => {
        captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }) as typeof process.stdout.write;
    }
    t = await createTestApp({ LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    await t.close();
    process.stdout.write = originalWrite.stdout;
    process.stderr.write = originalWrite.stderr;
  });

  async function call(method: 'get' | 'post', path: string, auth: string, body?: object) {
    const req = t.http()[method](`${API}${path}`).set('Authorization', auth);
    const res = body === undefined ? await req : await req.send(body);
    responses.push({ path, status: res.status, text: res.text });
    return res;
  }

  it('handles the values through registration, lookup, reveal, intake and their failures', async () => {
    const cadre = await t.login('hc.cadre1');
    const officer = await t.login('hc.officer');
    const resident = { name: '陈美玲', idNumber: ID_NUMBER, phone: PHONE, streetCode: '350205001', address: '新垵村128号', coverBasis: 'registered' };

    expect((await call('post', '/residents', cadre, resident)).status).toBe(201);
    expect((await call('post', '/residents', officer, { ...resident, idNumber: ID_NUMBER.toLowerCase() })).status).toBe(409);
    expect((await call('post', '/residents', cadre, { ...resident, idNumber: `${ID_NUMBER.slice(0, 17)}1` })).status).toBe(400);
    expect((await call('post', '/residents', cadre, { ...resident, idNumber: `${ID_NUMBER}0` })).status).toBe(400);
    expect((await call('post', '/residents', cadre, { ...resident, phone: `${PHONE}9` })).status).toBe(400);
    expect((await call('post', '/residents', cadre, { ...resident, streetCode: '350211001' })).status).toBe(422);
    const found = await call('get', `/residents?idNumber=${ID_NUMBER}`, cadre);
    expect(found.body.total).toBe(1);
    const id = found.body.items[0].id as string;
    const revealed = await t.http().post(`${API}/residents/${id}/reveal`).set('Authorization', officer);
    expect(revealed.body).toEqual({ idNumber: ID_NUMBER, phone: PHONE });

    const payee = { accountName: '陈美玲', bankName: '工商银行', accountNo: ACCOUNT_NO };
    const claim = await call('post', '/claims', cadre, claimInput(id, { payee }));
    expect(claim.status).toBe(201);
    expect((await call('post', '/claims', cadre, claimInput(id, { payee: { ...payee, accountNo: '6222 0212 3456 7890 123' } }))).status).toBe(201);
    expect((await call('post', '/claims', cadre, claimInput(id, { payee: { ...payee, accountNo: `${ACCOUNT_NO}x` } }))).status).toBe(400);
    expect((await call('post', '/claims', cadre, claimInput(id, { payee, incidentDate: '2024-06-01' }))).status).toBe(422);
    const other = (await createResident(t, cadre)).resident;
    const shared = await call('post', '/claims', cadre, claimInput(other.id, { payee }));
    expect(shared.body.flags.map((f: { code: string }) => f.code)).toEqual(['BANK_ACCOUNT_SHARED', 'BANK_ACCOUNT_SHARED']);
    expect((await call('get', `/claims/${claim.body.id}`, officer)).status).toBe(200);
    expect((await call('get', '/claims?q=陈美玲', officer)).body.total).toBe(3);
  });

  it('the logs were captured and hold none of the values', () => {
    const logs = captured.join('');
    expect(logs).toContain('"url":"/api/v1/residents"');
    expect(logs).toContain('"url":"/api/v1/claims"');
    for (const secret of SECRETS) expect(logs).not.toContain(secret);
  });

  it('no response but the reveal holds the values, error bodies included', () => {
    expect(responses.filter((r) => r.status >= 400).length).toBeGreaterThanOrEqual(7);
    for (const response of responses) {
      for (const secret of SECRETS) expect(`${response.status} ${response.text}`).not.toContain(secret);
    }
  });

  it('no table of the database holds the values', async () => {
    const tables: { table_name: string }[] = await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(['resident', 'claim', 'claim_flag', 'audit_event']));
    for (const { table_name: table } of tables) {
      const rows: { row: string }[] = await t.db.query(`SELECT t::text AS row FROM "${table}" t`);
      const dump = rows.map((r) => r.row).join('\n');
      for (const secret of SECRETS) expect(`${table}: ${dump.includes(secret) ? secret : 'clean'}`).toBe(`${table}: clean`);
    }
    const actions = await t.db.query(`SELECT action, count(*)::int AS count FROM audit_event GROUP BY action ORDER BY action`);
    expect(actions).toEqual([
      { action: 'claim.file', count: 3 }, { action: 'resident.create', count: 2 }, { action: 'resident.reveal', count: 1 },
    ]);
  });
});
