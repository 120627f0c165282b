import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClaimDetailsService } from '../../src/claim-lifecycle/claim-details.service.js';
import { ClaimsService } from '../../src/claims/claims.service.js';
import { ListClaimsQuery } from '../../src/claims/dto/claim.requests.js';
import { Database } from '../../src/database/database.js';
import { CalendarCache } from '../../src/deadlines/calendar-cache.js';
import { ResidentsService } from '../../src/residents/residents.service.js';
import { approve, assess, asUser, pay, verifiedFire } from '../support/domain-steps.js';
import { claimInput, uniqueIdNumber, uniquePhone } from '../support/fixtures.js';
import { dataStatements, statementsDuring } from '../support/query-count.js';
import { API, createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The round trips the throughput issue pins: a claim read whatever it holds,
 * the rule checks of a filing. Counted at the service, so the numbers are the
 * claim's and not the HTTP guard's.
 */
describe('round trips', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  it('reads a paid claim — documents, flags, history, verification, assessment, decision, payment, deadline — in 1 statement once the calendar is in memory', async () => {
    const claim = await verifiedFire(t, '3000.00');
    await assess(t, claim.id);
    await approve(t, claim.id);
    await pay(t, claim.id);
    const officer = await asUser(t, 'hc.officer');
    let read: Awaited<ReturnType<ClaimDetailsService['getInScope']>> | undefined;
    const readClaim = async () => { read = await t.app.get(ClaimDetailsService).getInScope(officer, claim.id); };
    t.app.get(CalendarCache).clear();
    // Cold: one statement for the claim and all it holds (one snapshot), one for the working-day calendar,
    // which the calendar cache then keeps until calendar_day changes (the change feed says so).
    expect(await statementsDuring(t.db, readClaim)).toHaveLength(2);
    const statements = await statementsDuring(t.db, readClaim);
    expect(read).toMatchObject({ id: claim.id, status: 'paid', verification: expect.any(Object), assessment: expect.any(Object), payment: expect.any(Object) });
    expect(read!.documents.length).toBeGreaterThan(0);
    expect(read!.history.map((h) => h.to)).toEqual(['reported', 'verifying', 'verified', 'assessed', 'approved', 'paid']);
    expect(statements).toHaveLength(1);
  });

  it('answers GET /claims/:id over HTTP in that 1 statement once its caller is in memory too', async () => {
    const claim = await verifiedFire(t, '1000.00');
    const token = await t.login('hc.officer');
    const get = () => t.http().get(`${API}/claims/${claim.id}`).set('Authorization', token).expect(200);
    await get();
    // The guard's caller (CallerCache) and the calendar (CalendarCache) come from memory: the claim is the one read.
    const statements = await statementsDuring(t.db, get);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM claim c JOIN policy p/);
  });

  it('answers a claim out of scope as not found, in the same one read', async () => {
    const claim = await verifiedFire(t, '1000.00');
    const otherDistrict = await asUser(t, 'jm.officer');
    let error: unknown;
    const statements = await statementsDuring(t.db, async () => {
      error = await t.app.get(ClaimDetailsService).getInScope(otherDistrict, claim.id).catch((e: unknown) => e);
    });
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(statements).toHaveLength(1);
  });

  it('checks a filing against the resident, the event type, the policy and its coverage in 2 statements', async () => {
    const cadre = await asUser(t, 'hc.cadre1');
    const resident = await t.app.get(ResidentsService).register(cadre, {
      name: '林志明', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001', address: '海沧街道', coverBasis: 'registered',
    });
    // Every rule is read before the last one refuses: an incident of 2017 has no policy.
    const statements = await statementsDuring(t.db, () => t.app.get(Database).transaction((tx) =>
      t.app.get(ClaimsService).file(tx, cadre, claimInput(resident.id, { eventType: 'fire', policeReportNo: undefined, incidentDate: '2017-06-01' })))
      .catch((e: unknown) => expect(e).toMatchObject({ code: 'RULE_VIOLATION', details: [{ field: 'OUTSIDE_POLICY_PERIOD' }] })));
    expect(dataStatements(statements)).toHaveLength(2);
  });

  it('takes the claim number after every check and read of a filing', async () => {
    const cadre = await asUser(t, 'hc.cadre1');
    const resident = await t.app.get(ResidentsService).register(cadre, {
      name: '黄秀兰', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001', address: '海沧街道', coverBasis: 'registered',
    });
    const statements = dataStatements(await statementsDuring(t.db, () => t.app.get(Database).transaction((tx) =>
      t.app.get(ClaimsService).file(tx, cadre, claimInput(resident.id, { eventType: 'fire', policeReportNo: undefined })))));
    const numbered = statements.findIndex((sql) => sql.includes('claim_counter'));
    expect(numbered).toBeGreaterThan(0);
    // Before the number: the rules, the flags' candidates and the calendar the new clocks are counted in
    // (the policy's deadline terms come from the policy read with the rules, not read again). After it: only writes.
    expect(statements.slice(0, numbered).some((sql) => /calendar_day/.test(sql))).toBe(true);
    expect(statements.slice(numbered).filter((sql) => /^SELECT/i.test(sql) || /calendar_day|FROM policy\b/.test(sql))).toEqual([]);
  });

  it('holds the claim number for four statements and COMMIT: claim with history and flags, clocks, notice with its job, audit event', async () => {
    const cadre = await asUser(t, 'hc.cadre1');
    const resident = await t.app.get(ResidentsService).register(cadre, {
      name: '郑美玲', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001', address: '海沧街道', coverBasis: 'registered',
    });
    const file = () => t.app.get(Database).transaction((tx) =>
      t.app.get(ClaimsService).file(tx, cadre, claimInput(resident.id, { eventType: 'fire', policeReportNo: undefined })));
    // The district's audit chain has its head (its first event creates it, two statements more).
    await file();
    const statements = await statementsDuring(t.db, file);
    const held = statements.slice(statements.findIndex((sql) => sql.includes('claim_counter')));
    expect(held).toHaveLength(5);
    expect(held[0]).toMatch(/INSERT INTO claim_counter.*INSERT INTO claim \(.*INSERT INTO claim_status_change.*INSERT INTO claim_flag/);
    expect(held[1]).toMatch(/^INSERT INTO claim_deadline/);
    expect(held[2]).toMatch(/INSERT INTO notification.*INSERT INTO "?pgboss"?\.job/);
    expect(held[3]).toMatch(/FROM audit_chain .*FOR UPDATE.*UPDATE audit_chain.*INSERT INTO audit_event/);
    expect(held[4]).toBe('COMMIT');
  });

  it('lists a page of claims in 2 statements: the page and its count', async () => {
    const officer = await asUser(t, 'hc.officer');
    const statements = await statementsDuring(t.db, () => t.app.get(ClaimsService).list(officer, Object.assign(new ListClaimsQuery(), { page: 1, pageSize: 50 })));
    expect(statements).toHaveLength(2);
  });

  it('still 2 statements with every queue filter: several statuses, flags, overdue', async () => {
    const adjuster = await asUser(t, 'picc.adjuster');
    const query = Object.assign(new ListClaimsQuery(), { page: 1, pageSize: 50, status: ['reported', 'verified'], flags: ['HIGH_AMOUNT'], overdue: true });
    const statements = await statementsDuring(t.db, () => t.app.get(ClaimsService).list(adjuster, query));
    expect(statements).toHaveLength(2);
  });
});
