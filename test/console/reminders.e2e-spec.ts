import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClaimLifecycleService } from '../../src/claim-lifecycle/claim-lifecycle.service.js';
import { RemindersService } from '../../src/reminders/reminders.service.js';
import { asUser } from '../support/domain-steps.js';
import { claimInput, createResident } from '../support/fixtures.js';
import { shows } from './antd.js';
import { DESKTOP, PHONE, screen, startConsole, type ConsoleHarness } from './browser.js';

/** The header's bell: the caller's deadline reminders, as the sweep wrote them. */
describe('the reminder bell in a browser', () => {
  let c: ConsoleHarness;
  beforeAll(async () => { c = await startConsole(); }, 120_000);
  afterAll(async () => { await c?.close(); });

  it('shows a cadre the unread count of an overdue verification and its reminder in the list; opening it marks it read', async () => {
    // Filed by hc.cadre1, so hc.cadre2 is to verify it; its verification is overdue.
    const { resident } = await createResident(c.app, await c.app.login('hc.cadre1'), { name: '林阿婆' });
    const filed = await c.app.app.get(ClaimLifecycleService).file(await asUser(c.app, 'hc.cadre1'),
      claimInput(resident.id, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '1000.00' }));
    const claim = { id: filed.id, claim_no: filed.claimNo };
    await c.app.db.query(`UPDATE claim_deadline SET started_on = least(started_on, '2026-01-05'), due_date = '2026-01-05' WHERE claim_id = $1 AND stage = 'verify'`, [claim.id]);
    await c.app.app.get(RemindersService).sweep();
    const [{ unread }]: { unread: number }[] = await c.app.db.query(
      `SELECT count(*)::int AS unread FROM staff_reminder r JOIN app_user u ON u.id = r.user_id WHERE u.username = 'hc.cadre2' AND r.read_at IS NULL`);
    expect(unread).toBeGreaterThan(0);

    const page = await c.signIn('hc.cadre2', DESKTOP);
    await page.getByRole('button', { name: `时效提醒，${unread} 条未读` }).click();
    await shows(page, `理赔编号 ${claim.claim_no}：核实已于 2026-01-05 逾期，请尽快处理。`);
    expect(await screen(page, 'reminder-bell')).toEqual([]);
    // On a phone the bell fits the header beside the name and the logout.
    const phone = await c.signIn('hc.cadre2', PHONE);
    await phone.getByRole('button', { name: `时效提醒，${unread} 条未读` }).click();
    await shows(phone, `理赔编号 ${claim.claim_no}：核实已于 2026-01-05 逾期，请尽快处理。`);
    expect(await screen(phone, 'reminder-bell')).toEqual([]);

    await page.getByText(`理赔编号 ${claim.claim_no}：核实已于 2026-01-05 逾期`).click();
    await page.waitForURL(`**/claims/${claim.id}`);
    // The list is read again once the mark is saved.
    await page.getByRole('button', { name: `时效提醒，${unread - 1} 条未读` }).waitFor();
    const [{ read }] = await c.app.db.query(`SELECT read_at IS NOT NULL AS read FROM staff_reminder r JOIN app_user u ON u.id = r.user_id
      WHERE u.username = 'hc.cadre2' AND r.claim_id = $1 AND r.kind = 'overdue'`, [claim.id]);
    expect(read).toBe(true);
  });
});
