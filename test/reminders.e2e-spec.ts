import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ClaimLifecycleService } from '../src/claim-lifecycle/claim-lifecycle.service.js';
import { Clock } from '../src/common/clock.js';
import { RemindersService } from '../src/reminders/reminders.service.js';
import { approve, asUser, assess, claimInState, verifiedFire } from './support/domain-steps.js';
import { claimInput, createResident } from './support/fixtures.js';
import { startSecondProcess } from './support/second-process.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { siteVisit } from './support/workflow-steps.js';

interface Reminder { username: string; stage: string; kind: string; dueDate: string }

/** Deadline reminders to the staff who must act: the sweep, its recipients, the inbox, the worker. */
describe('deadline reminders', () => {
  let t: TestApp;
  let residentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ resident: { id: residentId } } = await createResident(t, await t.login('hc.cadre1'), { name: '郑阿伯' }));
  });
  afterEach(() => { t.app.get(Clock).now = () => new Date(); });
  afterAll(async () => { await t.close(); });

  const lifecycle = () => t.app.get(ClaimLifecycleService);
  const fileClaim = async () => lifecycle().file(await asUser(t, 'hc.cadre1'),
    claimInput(residentId, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '1000.00' }));
  const setDue = (claimId: string, stage: string, due: string) =>
    t.db.query(`UPDATE claim_deadline SET started_on = least(started_on, $3::date), due_date = $3 WHERE claim_id = $1 AND stage = $2`, [claimId, stage, due]);
  const on = (day: string) => { t.app.get(Clock).now = () => new Date(`${day}T10:00:00+08:00`); };
  const sweep = () => t.app.get(RemindersService).sweep();
  const remindersOf = async (claimId: string): Promise<Reminder[]> => t.db.query(
    `SELECT u.username, r.stage, r.kind, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate"
       FROM staff_reminder r JOIN app_user u ON u.id = r.user_id WHERE r.claim_id = $1 ORDER BY u.username, r.kind`, [claimId]);
  const inbox = async (username: string, query = '') => {
    const res = await t.http().get(`${API}/me/notifications${query}`).set('Authorization', await t.login(username));
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; claimId: string; claimNo: string; stage: string; kind: string; dueDate: string; read: boolean; text: string; createdAt: string }[]; total: number; unread: number };
  };

  it('reminds the street\'s other cadres one working day before, across the National Day holidays and the make-up Saturday; overdue also to the district\'s officers', async () => {
    const [octoberEighth, octoberNinth, octoberTenth] = [await fileClaim(), await fileClaim(), await fileClaim()];
    await setDue(octoberEighth.id, 'verify', '2026-10-08');
    await setDue(octoberNinth.id, 'verify', '2026-10-09');
    await setDue(octoberTenth.id, 'verify', '2026-10-10');

    // Wednesday 30 September: 1–7 October are holidays, so the next working day is Thursday 8 October.
    on('2026-09-30');
    await sweep();
    // Not the filer (hc.cadre1), not another street's cadre, not the officer before it is late.
    expect(await remindersOf(octoberEighth.id)).toEqual([{ username: 'hc.cadre2', stage: 'verify', kind: 'due_soon', dueDate: '2026-10-08' }]);
    expect(await remindersOf(octoberNinth.id)).toEqual([]);

    // Friday 9 October: Saturday 10 October is a make-up working day; 8 October is past.
    on('2026-10-09');
    await sweep();
    expect(await remindersOf(octoberEighth.id)).toEqual([
      { username: 'hc.cadre2', stage: 'verify', kind: 'due_soon', dueDate: '2026-10-08' },
      { username: 'hc.cadre2', stage: 'verify', kind: 'overdue', dueDate: '2026-10-08' },
      { username: 'hc.officer', stage: 'verify', kind: 'overdue', dueDate: '2026-10-08' },
    ]);
    expect((await remindersOf(octoberNinth.id)).map((r) => r.kind)).toEqual(['due_soon']);
    expect((await remindersOf(octoberTenth.id)).map((r) => r.kind)).toEqual(['due_soon']);
  });

  it('reminds on Friday of a step due on Monday, not of one due on Tuesday', async () => {
    const [monday, tuesday] = [await fileClaim(), await fileClaim()];
    await setDue(monday.id, 'verify', '2026-12-07');
    await setDue(tuesday.id, 'verify', '2026-12-08');
    on('2026-12-04');
    await sweep();
    expect(await remindersOf(monday.id)).toEqual([{ username: 'hc.cadre2', stage: 'verify', kind: 'due_soon', dueDate: '2026-12-07' }]);
    expect(await remindersOf(tuesday.id)).toEqual([]);
  });

  it('never reminds twice: a second sweep and two concurrent sweeps write nothing more', async () => {
    const late = await fileClaim();
    await setDue(late.id, 'verify', '2026-03-02');
    on('2026-03-04');
    await Promise.all([sweep(), sweep(), sweep()]);
    const once = await remindersOf(late.id);
    expect(once.map((r) => [r.username, r.kind])).toEqual([['hc.cadre2', 'overdue'], ['hc.officer', 'overdue']]);
    expect(await sweep()).toBe(0);
    expect(await remindersOf(late.id)).toEqual(once);
  });

  it('stops once the claim moves on, and while it waits in needs_info', async () => {
    const moving = await claimInState(t, residentId, 'verifying');
    const returned = await claimInState(t, residentId, 'needs_info');
    for (const id of [moving, returned]) await setDue(id, 'verify', '2026-03-02');
    on('2026-03-04');
    await sweep();
    expect(await remindersOf(returned)).toEqual([]);
    const before = await remindersOf(moving);
    expect(before.map((r) => r.username)).toEqual(['hc.cadre2', 'hc.officer']);

    // Verified on 4 March: the assessment is due three working days later, so nobody is reminded of it yet.
    await lifecycle().recordVerification(await asUser(t, 'hc.cadre2'), moving, { ...siteVisit('1000.00'), recommendation: 'pay' });
    await sweep();
    expect(await remindersOf(moving)).toEqual(before);
  });

  it('reminds the insurer\'s adjusters of assessment and its managers of approval and payment; not inactive staff, not another district\'s officer', async () => {
    const verified = await verifiedFire(t, '1000.00', residentId);
    const assessed = (await assess(t, (await verifiedFire(t, '1000.00', residentId)).id)).id;
    const approved = (await approve(t, (await assess(t, (await verifiedFire(t, '1000.00', residentId)).id)).id)).id;
    await setDue(verified.id, 'assess', '2026-05-06');
    await setDue(assessed, 'decide', '2026-05-06');
    await setDue(approved, 'pay', '2026-05-06');
    const inactive = await t.http().post(`${API}/users`).set('Authorization', await t.login('admin')).send({
      username: 'picc.adjuster.gone', password: 'former-adjuster-2026', displayName: '人保查勘员 离职', role: 'insurer_adjuster',
      insurerId: (await asUser(t, 'picc.adjuster')).insurerId, approvalLimit: '0.00',
    });
    expect(inactive.status).toBe(201);
    await t.db.query(`UPDATE app_user SET active = false WHERE username = 'picc.adjuster.gone'`);

    on('2026-05-06');
    await sweep();
    expect(await remindersOf(verified.id)).toEqual([{ username: 'picc.adjuster', stage: 'assess', kind: 'due_soon', dueDate: '2026-05-06' }]);
    expect(await remindersOf(assessed)).toEqual([{ username: 'picc.manager', stage: 'decide', kind: 'due_soon', dueDate: '2026-05-06' }]);
    expect(await remindersOf(approved)).toEqual([{ username: 'picc.manager', stage: 'pay', kind: 'due_soon', dueDate: '2026-05-06' }]);

    on('2026-05-07');
    await sweep();
    expect((await remindersOf(verified.id)).map((r) => [r.username, r.kind])).toEqual([
      ['hc.officer', 'overdue'], ['picc.adjuster', 'due_soon'], ['picc.adjuster', 'overdue'],
    ]);
    expect((await remindersOf(approved)).map((r) => r.username)).not.toContain('jm.officer');
  });

  it('lists the caller\'s own reminders newest first with the unread count, marks one read, and answers 404 for another\'s', async () => {
    const claim = await fileClaim();
    await setDue(claim.id, 'verify', '2026-06-01');
    on('2026-06-03');
    await sweep();
    const mine = await inbox('hc.cadre2', '?pageSize=200');
    const item = mine.items.find((i) => i.claimId === claim.id)!;
    expect(item).toMatchObject({
      claimNo: claim.claimNo, stage: 'verify', kind: 'overdue', dueDate: '2026-06-01', read: false,
      text: `理赔编号 ${claim.claimNo}：核实已于 2026-06-01 逾期，请尽快处理。`,
    });
    expect(mine.unread).toBe(mine.items.filter((i) => !i.read).length);
    const created = mine.items.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect((await inbox('hc.cadre1')).items.some((i) => i.claimId === claim.id)).toBe(false);

    const tasks = await t.http().get(`${API}/me/tasks`).set('Authorization', await t.login('hc.cadre2'));
    expect(tasks.body.items.find((task: { claimId: string }) => task.claimId === claim.id)).toMatchObject({ overdue: true, reminder: 'overdue' });

    const other = await t.http().post(`${API}/me/notifications/${item.id}/read`).set('Authorization', await t.login('hc.cadre1'));
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const read = await t.http().post(`${API}/me/notifications/${item.id}/read`).set('Authorization', await t.login('hc.cadre2'));
    expect(read.status).toBe(204);
    const after = await inbox('hc.cadre2', '?pageSize=200');
    expect(after.items.find((i) => i.id === item.id)!.read).toBe(true);
    expect(after.unread).toBe(mine.unread - 1);
    expect((await t.http().post(`${API}/me/notifications/not-a-uuid/read`).set('Authorization', await t.login('hc.cadre2'))).status).toBe(400);
  });

  it('is swept by the worker at its start, on two instances at once, once, and kept on pg-boss\'s cron', async () => {
    const claim = await fileClaim();
    // Past due by the real clock the worker processes run on.
    await setDue(claim.id, 'verify', '2026-01-05');
    const workers = await Promise.all([1, 2].map(() => startSecondProcess(t.databaseUrl, { NOTIFY_WORKER: 'true', NOTIFY_POLL_SECONDS: '1', REMINDER_CRON: '*/5 * * * *' })));
    try {
      const deadline = Date.now() + 20_000;
      while ((await remindersOf(claim.id)).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect((await remindersOf(claim.id)).map((r) => [r.username, r.kind])).toEqual([['hc.cadre2', 'overdue'], ['hc.officer', 'overdue']]);
    expect(await t.db.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'reminder-sweep'`)).toEqual([{ cron: '*/5 * * * *', timezone: 'Asia/Shanghai' }]);
  });
});
