import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ClaimLifecycleService } from '../src/claim-lifecycle/claim-lifecycle.service.js';
import { Clock } from '../src/common/clock.js';
import { TasksService } from '../src/tasks/tasks.service.js';
import { approve, asUser, assess, verifiedFire } from './support/domain-steps.js';
import { claimInput, createResident } from './support/fixtures.js';
import { queriesDuring } from './support/query-count.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

interface Task { claimId: string; claimNo: string; action: string; dueDate: string | null; overdue: boolean; flags: string[] }

/** GET /me/tasks: each role's queue, in scope, most urgent first. */
describe('work queues', () => {
  let t: TestApp;
  let residentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ resident: { id: residentId } } = await createResident(t, await t.login('hc.cadre1'), { name: '蔡阿姨' }));
  });
  afterEach(() => { t.app.get(Clock).now = () => new Date(); });
  afterAll(async () => { await t.close(); });

  const lifecycle = () => t.app.get(ClaimLifecycleService);
  const fileClaim = async (cadre = 'hc.cadre1') => lifecycle().file(await asUser(t, cadre),
    claimInput(residentId, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '1000.00' }));
  const tasksOf = async (username: string, password?: string): Promise<Task[]> => {
    const res = await t.http().get(`${API}/me/tasks`).set('Authorization', await t.login(username, password));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['items']);
    return res.body.items as Task[];
  };
  const taskOf = async (username: string, claimId: string) => (await tasksOf(username)).find((task) => task.claimId === claimId);
  const dueOf = async (claimId: string, stage: string): Promise<string> =>
    (await t.db.query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM claim_deadline WHERE claim_id = $1 AND stage = $2`, [claimId, stage]))[0].due;
  const setDue = (claimId: string, stage: string, due: string) =>
    t.db.query(`UPDATE claim_deadline SET started_on = least(started_on, $3::date), due_date = $3 WHERE claim_id = $1 AND stage = $2`, [claimId, stage, due]);

  it('gives a cadre the street\'s claims another cadre filed, to verify, and the claims returned to them; not another street\'s', async () => {
    const filed = await fileClaim();
    expect(await taskOf('hc.cadre2', filed.id)).toEqual({
      claimId: filed.id, claimNo: filed.claimNo, action: 'verify', dueDate: await dueOf(filed.id, 'verify'), overdue: false, reminder: null,
      flags: expect.any(Array),
    });
    expect(await taskOf('hc.cadre1', filed.id)).toBeUndefined();
    expect(await taskOf('xy.cadre', filed.id)).toBeUndefined();

    const returned = await fileClaim();
    const verifier = await asUser(t, 'hc.cadre2');
    await lifecycle().startVerification(verifier, returned.id);
    await lifecycle().returnForInformation(verifier, returned.id, { reason: '请补充火灾事故认定书' });
    // The clock stops in needs_info: no due date, never overdue.
    expect(await taskOf('hc.cadre1', returned.id)).toMatchObject({ action: 'resubmit', dueDate: null, overdue: false });
    expect(await taskOf('hc.cadre2', returned.id)).toBeUndefined();
  });

  it('gives an adjuster the insurer\'s verified claims to assess', async () => {
    const verified = await verifiedFire(t, '1000.00');
    expect(await taskOf('picc.adjuster', verified.id)).toMatchObject({ action: 'assess', dueDate: await dueOf(verified.id, 'assess'), overdue: false });
    expect(await taskOf('picc.manager', verified.id)).toBeUndefined();
    expect(await taskOf('hc.cadre2', verified.id)).toBeUndefined();
  });

  it('gives a manager the claims within their limit to approve (not their own assessment where four eyes are needed) and the approved ones to pay', async () => {
    const assessed = (await assess(t, (await verifiedFire(t, '1000.00')).id)).id;
    expect(await taskOf('picc.manager', assessed)).toMatchObject({ action: 'approve', dueDate: await dueOf(assessed, 'decide') });
    expect(await taskOf('picc.adjuster', assessed)).toBeUndefined();

    // Above the manager's approval limit: not theirs to approve.
    const [{ limit }] = await t.db.query(`SELECT approval_limit::text AS limit FROM app_user WHERE username = 'picc.manager'`);
    await t.db.query(`UPDATE app_user SET approval_limit = 50000 WHERE username = 'picc.manager'`);
    expect(await taskOf('picc.manager', assessed)).toBeUndefined();
    await t.db.query(`UPDATE app_user SET approval_limit = $1 WHERE username = 'picc.manager'`, [limit]);

    // Flagged and assessed by the manager: another manager must approve it.
    const own = (await verifiedFire(t, '1000.00')).id;
    await lifecycle().assess(await asUser(t, 'picc.manager'), own, {});
    await t.db.query(`INSERT INTO claim_flag (claim_id, code, detail, raised_at) VALUES ($1, 'HIGH_AMOUNT', 'test', now())`, [own]);
    expect(await taskOf('picc.manager', own)).toBeUndefined();
    const [{ id: insurerId }] = await t.db.query(`SELECT insurer_id AS id FROM app_user WHERE username = 'picc.manager'`);
    const second = await t.http().post(`${API}/users`).set('Authorization', await t.login('admin')).send({
      username: 'picc.manager.tasks', password: 'second-manager-2026', displayName: '人保理赔主管 周婷', role: 'insurer_manager', insurerId, approvalLimit: '500000.00',
    });
    expect(second.status).toBe(201);
    const secondQueue = await tasksOf('picc.manager.tasks', 'second-manager-2026');
    expect(secondQueue.find((task) => task.claimId === own)).toMatchObject({ action: 'approve', flags: ['HIGH_AMOUNT'] });

    await approve(t, assessed);
    expect(await taskOf('picc.manager', assessed)).toMatchObject({ action: 'pay', dueDate: await dueOf(assessed, 'pay'), overdue: false });
  });

  it('gives a district officer the district\'s overdue claims, and only those', async () => {
    const late = await fileClaim();
    const onTime = await fileClaim();
    await setDue(late.id, 'verify', '2026-01-06');
    expect(await taskOf('hc.officer', late.id)).toMatchObject({ action: 'follow_up', dueDate: '2026-01-06', overdue: true });
    expect(await taskOf('hc.officer', onTime.id)).toBeUndefined();
    expect(await taskOf('jm.officer', late.id)).toBeUndefined();
    expect(await tasksOf('admin')).toEqual([]);
  });

  it('puts the overdue first, then the earliest due; the claim\'s flags travel with the task', async () => {
    const [later, sooner, overdue] = [await fileClaim(), await fileClaim(), await fileClaim()];
    await setDue(later.id, 'verify', '2027-03-10');
    await setDue(sooner.id, 'verify', '2027-03-09');
    await setDue(overdue.id, 'verify', '2026-02-02');
    await t.db.query(`INSERT INTO claim_flag (claim_id, code, detail, raised_at) VALUES ($1, 'DUPLICATE_EVENT', 'test', now())`, [sooner.id]);
    const queue = await tasksOf('hc.cadre2');
    const position = (id: string) => queue.findIndex((task) => task.claimId === id);
    expect(position(overdue.id)).toBeLessThan(position(sooner.id));
    expect(position(sooner.id)).toBeLessThan(position(later.id));
    expect(queue[position(sooner.id)].flags).toContain('DUPLICATE_EVENT');
    const firstOnTime = queue.findIndex((task) => !task.overdue);
    expect(queue.slice(firstOnTime).every((task) => !task.overdue)).toBe(true);
    const dates = queue.slice(firstOnTime).map((task) => task.dueDate ?? '9999-12-31');
    expect(dates).toEqual([...dates].sort());
  });

  it('marks DUE_SOON a step due today or on the next working day, across the National Day holidays and the make-up Saturday', async () => {
    const [octoberEighth, octoberNinth, octoberTenth, octoberTwelfth] = [await fileClaim(), await fileClaim(), await fileClaim(), await fileClaim()];
    await setDue(octoberEighth.id, 'verify', '2026-10-08');
    await setDue(octoberNinth.id, 'verify', '2026-10-09');
    await setDue(octoberTenth.id, 'verify', '2026-10-10');
    await setDue(octoberTwelfth.id, 'verify', '2026-10-12');
    const dueSoon = async (id: string) => (await taskOf('hc.cadre2', id))!.flags.includes('DUE_SOON');

    // Wednesday 30 September: 1–7 October are holidays, so the next working day is Thursday 8 October.
    t.app.get(Clock).now = () => new Date('2026-09-30T10:00:00+08:00');
    expect([await dueSoon(octoberEighth.id), await dueSoon(octoberNinth.id)]).toEqual([true, false]);

    // Friday 9 October: Saturday 10 October is a make-up working day.
    t.app.get(Clock).now = () => new Date('2026-10-09T10:00:00+08:00');
    expect(await taskOf('hc.cadre2', octoberEighth.id)).toMatchObject({ overdue: true });
    expect(await dueSoon(octoberEighth.id)).toBe(false);
    expect([await dueSoon(octoberNinth.id), await dueSoon(octoberTenth.id), await dueSoon(octoberTwelfth.id)]).toEqual([true, true, false]);
  });

  it('reads each queue in one SQL statement, however long it is', async () => {
    for (const username of ['hc.cadre1', 'hc.cadre2', 'picc.adjuster', 'picc.manager', 'hc.officer']) {
      const caller = await asUser(t, username);
      expect([username, await queriesDuring(t.db, () => t.app.get(TasksService).mine(caller))]).toEqual([username, 1]);
    }
  });
});
