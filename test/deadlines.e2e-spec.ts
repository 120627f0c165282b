import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_INSURER_ID } from '../seeds/demo-reference.js';
import { Clock } from '../src/common/clock.js';
import { withClient } from '../src/database/pg-client.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import {
  assessClaim, expectStatus, FIRE_DOCUMENTS, fileFireClaim, registerResident, uploadDocuments, verifyClaim, type ClaimBody,
} from './support/workflow-steps.js';

/**
 * Deadlines on a fixed clock, in Haicang's 2025 policy year: National Day
 * 2025 is 10-01…10-08 off with Sunday 09-28 and Saturday 10-11 worked.
 */
describe('claim deadlines', () => {
  let t: TestApp;
  let today = '2025-09-30';
  let residentId: string;

  const as = async (username: string) => ({ Authorization: await t.login(username) });
  const getClaim = async (id: string): Promise<ClaimBody> =>
    expectStatus(await t.http().get(`${API}/claims/${id}`).set(await as('hc.officer')), 200).body as ClaimBody;
  const overdue = async (username: string, query = '') =>
    expectStatus(await t.http().get(`${API}/claims/overdue${query}`).set(await as(username)), 200).body;
  const at = (date: string) => `${date}T10:00:00+08:00`;

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(Clock).now = () => new Date(at(today));
    const created = await t.http().post(`${API}/policies`).set(await as('hc.officer')).send({
      policyNo: 'PICC-ZZ-350205-2025-T', districtCode: '350205', insurerId: DEMO_INSURER_ID, year: 2025,
      periodStart: '2025-01-01', periodEnd: '2025-12-31', premium: '2000000.00', aggregateLimit: '5000000.00',
      fourEyesThreshold: '50000.00', coverages: [{ eventType: 'fire' }], deadlines: { decideDays: 20 },
    });
    expectStatus(created, 201);
    expect(created.body.deadlines).toEqual({ verifyWorkingDays: 1, assessWorkingDays: 3, decideDays: 20, payWorkingDays: 10, denialNoticeDays: 3 });
    expectStatus(await t.http().post(`${API}/policies/${created.body.id}/activate`).set(await as('hc.officer')), 200);
    residentId = await registerResident(t);
  });
  afterAll(async () => { await t.close(); });

  it('a policy takes the default deadlines, changes them while draft and refuses bad ones', async () => {
    const body = {
      policyNo: 'PICC-ZZ-350205-2031-T', districtCode: '350205', insurerId: DEMO_INSURER_ID, year: 2031,
      periodStart: '2031-01-01', periodEnd: '2031-12-31', premium: '1.00', aggregateLimit: '1.00', fourEyesThreshold: '1.00', coverages: [],
    };
    const draft = expectStatus(await t.http().post(`${API}/policies`).set(await as('hc.officer')).send(body), 201).body;
    expect(draft.deadlines).toEqual({ verifyWorkingDays: 1, assessWorkingDays: 3, decideDays: 30, payWorkingDays: 10, denialNoticeDays: 3 });
    const edited = await t.http().patch(`${API}/policies/${draft.id}`).set(await as('hc.officer')).send({ deadlines: { payWorkingDays: 5 } });
    expect(expectStatus(edited, 200).body.deadlines).toMatchObject({ payWorkingDays: 5, decideDays: 30 });
    const shown = expectStatus(await t.http().get(`${API}/policies/${draft.id}`).set(await as('hc.officer')), 200).body;
    expect(shown.deadlines.payWorkingDays).toBe(5);
    for (const deadlines of [{ payWorkingDays: -1 }, { decideDays: 366 }, { verifyWorkingDays: 1.5 }, { verifyWorkingDays: '1' }, { soon: 1 }]) {
      const res = await t.http().patch(`${API}/policies/${draft.id}`).set(await as('hc.officer')).send({ deadlines });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toMatch(/^deadlines\./);
    }
  });

  it('runs the verification clock over the National Day holiday and lists the claim once overdue, in scope', async () => {
    today = '2025-09-30';
    const claim = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: '2025-09-28', claimedAmount: '20000.00' });
    expect(claim.deadline).toEqual({ stage: 'verify', dueDate: '2025-10-09', overdue: false, daysLeft: 1, paused: false });

    today = '2025-10-09';
    expect((await getClaim(claim.id)).deadline).toMatchObject({ dueDate: '2025-10-09', overdue: false, daysLeft: 0 });
    expect((await overdue('hc.officer')).items.map((item: { id: string }) => item.id)).not.toContain(claim.id);

    today = '2025-10-11'; // the make-up Saturday: two working days late
    expect((await getClaim(claim.id)).deadline).toMatchObject({ stage: 'verify', overdue: true, daysLeft: -2 });
    const listed = await overdue('hc.officer');
    expect(listed.items).toContainEqual({
      id: claim.id, claimNo: claim.claimNo, status: 'reported', stage: 'verify', dueDate: '2025-10-09', daysOverdue: 2, streetCode: '350205001',
    });
    expect(listed).toMatchObject({ page: 1, pageSize: 50 });
    for (const username of ['hc.cadre1', 'picc.adjuster', 'admin']) {
      expect((await overdue(username)).items.map((item: { id: string }) => item.id)).toContain(claim.id);
    }
    for (const username of ['xy.cadre', 'jm.officer']) {
      expect((await overdue(username)).items.map((item: { id: string }) => item.id)).not.toContain(claim.id);
    }
    expect((await overdue('hc.officer', '?stage=assess')).items.map((item: { id: string }) => item.id)).not.toContain(claim.id);
    expect((await overdue('hc.officer', '?stage=verify')).items.map((item: { id: string }) => item.id)).toContain(claim.id);
  });

  it('stops the clock in needs_info, resumes it with the pause added, and counts stages in the annual report', async () => {
    today = '2025-09-30';
    const filed = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: '2025-09-29', claimedAmount: '10000.00' });
    await uploadDocuments(t, 'hc.cadre1', filed.id, FIRE_DOCUMENTS);
    today = '2025-10-10'; // verified a day late (due 10-09)
    const verified = await verifyClaim(t, filed.id, '10000.00', 'hc.cadre2', at('2025-10-10'));
    // assessment: 3 working days from Friday 10-10: Saturday 10-11 (worked), Monday 10-13, Tuesday 10-14
    expect(verified.deadline).toEqual({ stage: 'assess', dueDate: '2025-10-14', overdue: false, daysLeft: 3, paused: false });

    today = '2025-10-13';
    const returned = await t.http().post(`${API}/claims/${filed.id}/return`).set(await as('picc.adjuster')).send({ reason: '请补充损失清单原件' });
    expect(expectStatus(returned, 200).body.deadline).toMatchObject({ stage: 'assess', paused: true, overdue: false, daysLeft: 1 });
    today = '2025-10-20'; // long past the due date, but the clock stood still
    expect((await getClaim(filed.id)).deadline).toMatchObject({ stage: 'assess', paused: true, overdue: false, daysLeft: 1, dueDate: '2025-10-21' });
    expect((await overdue('hc.officer')).items.map((item: { id: string }) => item.id)).not.toContain(filed.id);

    const resubmitted = await t.http().post(`${API}/claims/${filed.id}/resubmit`).set(await as('hc.cadre1'));
    // 5 working days paused (10-14…10-17, 10-20): due 10-14 + 5 working days = 10-21
    expect(expectStatus(resubmitted, 200).body.deadline).toEqual({ stage: 'assess', dueDate: '2025-10-21', overdue: false, daysLeft: 1, paused: false });

    const assessed = await assessClaim(t, filed.id);
    // the decision clock (20 calendar days from 09-30, plus 7 paused) is all that runs now
    expect(assessed.deadline).toMatchObject({ stage: 'decide', dueDate: '2025-10-27', daysLeft: 7 });
    const approved = await t.http().post(`${API}/claims/${filed.id}/decision`).set(await as('picc.manager')).send({ decision: 'approve' });
    expect(expectStatus(approved, 200).body.deadline).toMatchObject({ stage: 'pay', dueDate: '2025-11-03', daysLeft: 10 });
    const paid = await t.http().post(`${API}/claims/${filed.id}/payment`).set(await as('picc.manager')).set('Idempotency-Key', `pay-${filed.id}`)
      .send({ paidAt: new Date().toISOString(), bankReference: 'ICBC-20251020-0001' });
    expect(expectStatus(paid, 200).body.deadline).toBeNull();

    const report = expectStatus(await t.http().get(`${API}/reports/annual?districtCode=350205&year=2025`).set(await as('hc.officer')), 200).body;
    expect(report.timeliness).toEqual({
      verify: { onTime: 0, late: 1, onTimeShare: '0.0000' },
      assess: { onTime: 1, late: 0, onTimeShare: '1.0000' },
      decide: { onTime: 1, late: 0, onTimeShare: '1.0000' },
      pay: { onTime: 1, late: 0, onTimeShare: '1.0000' },
      denial_notice: { onTime: 0, late: 0, onTimeShare: null },
    });
  });

  it('moves open working-day due dates when the admin edits the calendar', async () => {
    today = '2025-10-20';
    const claim = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: '2025-10-19', claimedAmount: '3000.00' });
    expect(claim.deadline.dueDate).toBe('2025-10-21');
    const admin = await as('admin');
    const year = expectStatus(await t.http().get(`${API}/calendar/2025`).set(admin), 200).body;
    const put = (holidays: string[]) => t.http().put(`${API}/calendar/2025`).set(admin).send({ holidays, workdays: year.workdays });
    expect((await getClaim(claim.id)).deadline).toMatchObject({ dueDate: '2025-10-21', daysLeft: 1 }); // the calendar now in memory
    // The days left are counted in the calendar cache: with the old calendar kept they would be 2, then 0.
    expectStatus(await put([...year.holidays, '2025-10-21']), 200);
    expect((await getClaim(claim.id)).deadline).toMatchObject({ dueDate: '2025-10-22', daysLeft: 1 });
    expectStatus(await put(year.holidays), 200);
    expect((await getClaim(claim.id)).deadline).toMatchObject({ dueDate: '2025-10-21', daysLeft: 1 });
  });

  it('counts in a calendar changed by plain SQL on another connection once its notification arrives', async () => {
    today = '2025-10-20';
    const claim = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: '2025-10-19', claimedAmount: '3100.00' });
    expect((await getClaim(claim.id)).deadline).toMatchObject({ dueDate: '2025-10-21', daysLeft: 1 });
    const daysLeft = async () => (await getClaim(claim.id)).deadline.daysLeft;
    await withClient(t.databaseUrl, async (other) => {
      // No PUT, so the stored due date stays; the days left to it follow the calendar the app now reads.
      await other.query(`INSERT INTO calendar_day (day, kind) VALUES ('2025-10-21', 'holiday')`);
      await waitFor(async () => (await daysLeft()) === 0, 5_000);
      await other.query(`DELETE FROM calendar_day WHERE day = '2025-10-21'`);
      await waitFor(async () => (await daysLeft()) === 1, 5_000);
    });
  });

  it('withdrawing stops the clocks: the claim has no deadline and is never overdue', async () => {
    today = '2025-10-20';
    const claim = await fileFireClaim(t, 'hc.cadre1', residentId, { incidentDate: '2025-10-18', claimedAmount: '2000.00' });
    const withdrawn = await t.http().post(`${API}/claims/${claim.id}/withdraw`).set(await as('hc.cadre1')).send({ reason: '居民撤回' });
    expect(expectStatus(withdrawn, 200).body.deadline).toBeNull();
    today = '2025-12-31';
    expect((await overdue('hc.officer')).items.map((item: { id: string }) => item.id)).not.toContain(claim.id);
  });

  it('refuses an unknown stage and needs a token', async () => {
    const res = await t.http().get(`${API}/claims/overdue?stage=lunch`).set(await as('hc.officer'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().get(`${API}/claims/overdue`)).status).toBe(401);
  });
});
