import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { claimInput, createResident } from './support/fixtures.js';
import { startSecondProcess, type SecondProcess } from './support/second-process.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

/**
 * Filings of two districts at once through two app processes on one
 * database: each district's numbers stay gap-free and its audit chain whole,
 * because both are ordered by row locks in PostgreSQL, not by a process.
 */
describe('intake under concurrency, two app processes, two districts', () => {
  let t: TestApp;
  let second: SecondProcess;
  const FILINGS_PER_DISTRICT = 24;
  const districts = [
    { code: '350205', cadre: 'hc.cadre1', street: '350205001' },
    { code: '350211', cadre: 'jm.cadre', street: '350211001' },
  ];
  const filed: { district: string; status: number; claimNo?: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    second = await startSecondProcess(t.databaseUrl);
    const work = await Promise.all(districts.map(async (d) => {
      const auth = await t.login(d.cadre);
      const { resident } = await createResident(t, auth, { streetCode: d.street });
      return Array.from({ length: FILINGS_PER_DISTRICT }, (_, i) => ({ d, auth, residentId: resident.id, i }));
    }));
    // Interleaved: both districts, both processes, all at once.
    const responses = await Promise.all(work.flat().map(({ d, auth, residentId, i }) => {
      const server = i % 2 === 0 ? request(t.app.getHttpServer()) : request(second.url);
      return server.post(`${API}/claims`).set('Authorization', auth).send(claimInput(residentId, { incidentPlace: `${d.street}-${i}` }))
        .then((res) => filed.push({ district: d.code, status: res.status, claimNo: res.body.claimNo }));
    }));
    expect(responses).toHaveLength(FILINGS_PER_DISTRICT * districts.length);
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await t?.close();
  });

  it('files every claim', () => {
    expect(filed.map((f) => f.status)).toEqual(Array(filed.length).fill(201));
  });

  it.each(['350205', '350211'])('numbers district %s gap-free, the counter at the last number', async (district) => {
    const seqs = filed.filter((f) => f.district === district).map((f) => Number(f.claimNo!.slice(-6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: FILINGS_PER_DISTRICT }, (_, i) => seqs[0] + i));
    const [{ last_seq: last }] = await t.db.query(
      `SELECT last_seq FROM claim_counter WHERE district_code = $1 AND year = $2`, [district, Number(filed[0].claimNo!.slice(7, 11))]);
    expect(last).toBe(seqs[seqs.length - 1]);
  });

  it("keeps each district's audit chain whole and gap-free", async () => {
    const res = await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('admin')).expect(200);
    expect(res.body.ok).toBe(true);
    for (const district of ['350205', '350211']) {
      const [{ n, last }] = await t.db.query(`SELECT count(*)::int AS n, max(chain_seq)::int AS last FROM audit_event WHERE chain = $1`, [district]);
      expect(last).toBe(n);
      const [{ files }] = await t.db.query(`SELECT count(*)::int AS files FROM audit_event WHERE chain = $1 AND action = 'claim.file'`, [district]);
      expect(files).toBe(FILINGS_PER_DISTRICT);
    }
  });
});
