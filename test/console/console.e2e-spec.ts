import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { API } from '../support/test-app.js';
import type { AnnualReportResponse as AnnualReport } from '../../web/src/api/types.gen.js';
import { yuan } from '../../web/src/app/money.js';
import { choose, shows, statusIs } from './antd.js';
import { DESKTOP, PHONE, screen, sessionValue, startConsole, step, type ConsoleHarness } from './browser.js';
import { MAIN_SCREENS, visitScreens } from './screens.js';
import { assess, registerAndFile, verify, type Unlabelled } from './walkthrough.js';

/**
 * The web console in a real browser: one Chromium and one app for the whole
 * file (the walk-through below needs four users' sessions side by side).
 */
describe('the web console in a browser', () => {
  let c: ConsoleHarness;
  beforeAll(async () => { c = await startConsole(); }, 120_000);
  afterAll(async () => { await c?.close(); });

  describe('signing in', () => {
    it.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('shows the labelled login form and refuses a wrong password in Chinese (%s)', async (_, viewport) => {
      const page = await c.open(viewport);
      expect(await screen(page, 'login')).toEqual([]);
      await page.getByLabel('用户名').fill('hc.cadre1');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码不正确');
      expect(await sessionValue(page, 'zongzhi.accessToken')).toBeNull();
    });

    it('shows who is signed in and their scope, keeps the token out of the URL, and logout clears it', async () => {
      const page = await c.signIn('hc.cadre1', PHONE);
      const whoami = page.getByTestId('whoami');
      await whoami.filter({ hasText: /陈综治.*街镇综治干部.*海沧区 海沧街道/ }).waitFor();
      expect(await screen(page, 'cadre-home')).toEqual([]);
      const token = await sessionValue(page, 'zongzhi.accessToken');
      expect(token).toMatch(/^ey/);
      expect(page.url()).not.toContain(token!);
      await page.reload();
      await whoami.waitFor();
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('button', { name: '登录' }).waitFor();
      expect(await sessionValue(page, 'zongzhi.accessToken')).toBeNull();
      await page.goto(`${c.baseUrl}/claims`);
      await page.getByRole('button', { name: '登录' }).waitFor();
    });
  });

  describe('a claim from filing to payment through four logins', () => {
    jest.setTimeout(120_000);
    let claim: { claimId: string; claimNo: string };
    const unlabelled: Unlabelled = {};

    it('hc.cadre1 registers the resident and files the claim with a photo on a phone', async () => {
      const page = await c.signIn('hc.cadre1', PHONE);
      claim = await step(page, 'file', () => registerAndFile(page, unlabelled));
      const res = await c.app.http().get(`${API}/claims/${claim.claimId}`).set('Authorization', await c.app.login('hc.cadre1'));
      expect(res.body).toMatchObject({ status: 'reported', claimedAmount: '30000.00', eventType: 'fire', missingDocuments: [] });
      expect(res.body.documents.map((d: { type: string }) => d.type).sort()).toEqual(['bank_card', 'fire_certificate', 'id_card', 'loss_list', 'photo']);
    });

    it('hc.cadre2 verifies it on a phone', async () => {
      const page = await c.signIn('hc.cadre2', PHONE);
      await step(page, 'verify', () => verify(page, claim.claimNo, unlabelled));
    });

    it('picc.adjuster assesses it at a desk', async () => {
      const page = await c.signIn('picc.adjuster', DESKTOP);
      await step(page, 'assess', () => assess(page, claim.claimNo, unlabelled));
    });

    it('picc.manager approves and pays it; a retry after a lost answer sends the same Idempotency-Key and pays once', async () => {
      const page = await c.signIn('picc.manager', DESKTOP);
      await page.goto(`${c.baseUrl}/claims/${claim.claimId}`);
      await page.getByRole('button', { name: '审批通过' }).click();
      await statusIs(page, '已审批');
      const keys: string[] = [];
      await page.route('**/payment', async (route) => {
        keys.push(route.request().headers()['idempotency-key']);
        if (keys.length > 1) return route.continue();
        await route.fetch(); // the server records the payment, but its answer never reaches the browser
        return route.abort('connectionreset');
      });
      await page.getByLabel('银行流水号').fill('ABC2026120300017');
      unlabelled['payment'] = await screen(page, 'payment');
      await page.getByRole('button', { name: '登记支付' }).click();
      await page.getByRole('alert').filter({ hasText: '无法连接服务器' }).waitFor();
      const replay = page.waitForResponse('**/payment');
      await page.getByRole('button', { name: '登记支付' }).click();
      const replayed = await replay;
      expect([replayed.status(), (await replayed.text()).slice(0, 200)]).toEqual([200, expect.stringContaining('"status":"paid"')]);
      await step(page, 'paid', () => statusIs(page, '已支付'));
      await page.getByRole('button', { name: '理赔通知书' }).waitFor();
      unlabelled['claim-paid'] = await screen(page, 'claim-paid');
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);

      const res = await c.app.http().get(`${API}/claims/${claim.claimId}`).set('Authorization', await c.app.login('picc.manager'));
      expect(res.body).toMatchObject({ status: 'paid', paidAmount: '30000.00' });
      const [{ count }] = await c.app.db.query('SELECT count(*)::int AS count FROM payment WHERE claim_id = $1', [claim.claimId]);
      expect(count).toBe(1);
    });

    it('labelled every form control on the screens it visited', () => {
      expect(Object.keys(unlabelled)).toHaveLength(8);
      expect(Object.entries(unlabelled).filter(([, controls]) => controls.length > 0)).toEqual([]);
    });
  });

  it('refuses a cadre another street\'s claim: the page says 未找到 and shows none of it', async () => {
    const [other] = await c.app.db.query(`SELECT id, claim_no FROM claim WHERE street_code <> '350205001' AND district_code = '350205' LIMIT 1`);
    const page = await c.signIn('hc.cadre1', PHONE);
    await page.goto(`${c.baseUrl}/claims/${other.id}`);
    await shows(page, '未找到');
    expect(await page.locator('body').textContent()).not.toContain(other.claim_no);
    await screen(page, 'not-found');
  });

  it('shows the district officer the demo year\'s figures exactly as the annual report JSON has them', async () => {
    const report = (await c.app.http().get(`${API}/reports/annual`).query({ districtCode: '350205', year: 2022 })
      .set('Authorization', await c.app.login('hc.officer'))).body as AnnualReport;
    const page = await c.signIn('hc.officer', DESKTOP);
    await choose(page, '年度', '2022 年');
    await page.getByText(report.policy!.policyNo).waitFor();
    const text = (id: string) => page.getByTestId(id).textContent();
    expect(await text('figure-paidAmount')).toBe(yuan(report.totals.paidAmount));
    expect(await text('figure-paid')).toBe(String(report.totals.paid));
    expect(await text('figure-reported')).toBe(String(report.totals.reported));
    expect(await text('figure-lossRatio')).toBe(`${(Number(report.policy!.lossRatio) * 100).toFixed(2)}%`);
    expect(await text('figure-aggregateUsed')).toBe(`${yuan(report.policy!.aggregateUsed)} / ${yuan(report.policy!.aggregateLimit)}`);
    const days = report.processingDays;
    expect((await text('figure-processingDays'))!.replace(/\s+/g, '')).toBe(`中位数${days.median}90分位${days.p90}最长${days.max}`);
    await screen(page, 'dashboard-2022');

    const rowsOf = async (testId: string) => {
      await page.getByTestId(testId).getByRole('tab', { name: '数据' }).click();
      return page.getByTestId(testId).locator('tbody tr.ant-table-row').evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    };
    const expected = (rows: { claims: number; paid: number; paidAmount: string }[], name: (r: never) => string) =>
      rows.map((r) => [name(r as never), String(r.claims), String(r.paid), yuan(r.paidAmount)]);
    expect(await rowsOf('by-event-type')).toEqual(expected(report.byEventType, (r: { nameZh: string }) => r.nameZh));
    expect(await rowsOf('by-street')).toEqual(expected(report.byStreet, (r: { streetName: string }) => r.streetName));
    expect(await rowsOf('by-month')).toEqual(expected(report.byMonth, (r: { month: string }) => r.month));
    expect(report.byEventType).toHaveLength(21);
  });

  describe('the insurer\'s desk', () => {
    jest.setTimeout(60_000);
    const api = async (username: string, path: string) =>
      (await c.app.http().get(`${API}${path}`).set('Authorization', await c.app.login(username))).body;
    const tableClaimNos = (page: Page) => page.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    const settled = (page: Page) => page.locator('.ant-table-placeholder .ant-spin, .ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);

    it('lands the adjuster on their tasks (GET /me/tasks), most urgent first, with the full queue one click away', async () => {
      const tasks = (await api('picc.adjuster', '/me/tasks')).items as { claimNo: string }[];
      expect(tasks.length).toBeGreaterThan(0);
      const page = await c.signIn('picc.adjuster', DESKTOP);
      await shows(page, '我的待办');
      await page.getByRole('link', { name: `案件 ${tasks[0].claimNo}` }).waitFor();
      const shown = await page.locator('a[aria-label^="案件 "]').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')!.slice(3)));
      expect(shown).toEqual(tasks.map((task) => task.claimNo));
      await page.getByRole('link', { name: '全部理赔队列' }).click();
      await page.getByLabel('按状态筛选').waitFor();
      await page.context().close();
    });

    it('filters the queue on the server from the URL; a reload keeps the filters; a filter picked is written to the URL', async () => {
      const expected = (await api('picc.adjuster', '/claims?status=paid,denied&pageSize=20')) as { items: { claimNo: string }[]; total: number };
      expect(expected.total).toBeGreaterThan(0);
      const page = await c.signIn('picc.adjuster', DESKTOP);
      await page.goto(`${c.baseUrl}/claims?status=paid,denied`);
      await page.getByText(`共 ${expected.total} 件`).waitFor();
      expect(await tableClaimNos(page)).toEqual(expected.items.map((i) => i.claimNo));
      await page.reload();
      await page.getByText(`共 ${expected.total} 件`).waitFor();
      expect(await tableClaimNos(page)).toEqual(expected.items.map((i) => i.claimNo));

      await choose(page, '按风险标记筛选', '迟报');
      await page.waitForURL(/flags=LATE_REPORT/);
      expect(new URL(page.url()).searchParams.get('status')).toBe('paid,denied');
      const flagged = (await api('picc.adjuster', '/claims?status=paid,denied&flags=LATE_REPORT&pageSize=20')) as { items: { claimNo: string }[]; total: number };
      if (flagged.total > 0) await page.getByText(`共 ${flagged.total} 件`).waitFor();
      else await shows(page, '没有符合条件的案件');
      await settled(page);
      expect(await tableClaimNos(page)).toEqual(flagged.items.map((i) => i.claimNo));
      await page.context().close();
    });

    it('lets insurer staff filter by street across the districts of their policies, streets shown by name', async () => {
      const expected = (await api('picc.adjuster', '/claims?streetCode=350205001&pageSize=20')) as { items: { claimNo: string }[]; total: number };
      expect(expected.total).toBeGreaterThan(0);
      const page = await c.signIn('picc.adjuster', DESKTOP);
      await page.goto(`${c.baseUrl}/claims`);
      await choose(page, '按街镇筛选', '海沧区 海沧街道');
      await page.waitForURL(/streetCode=350205001/);
      await page.getByText(`共 ${expected.total} 件`).waitFor();
      expect(await tableClaimNos(page)).toEqual(expected.items.map((i) => i.claimNo));
      const streets = await page.locator('tbody tr.ant-table-row td:nth-child(4)').allTextContents();
      expect(new Set(streets)).toEqual(new Set(['海沧街道']));
      await page.context().close();
    });

    it('lets the admin edit an event type; the catalogue shows the change and the API has it', async () => {
      const page = await c.signIn('admin', DESKTOP);
      await page.goto(`${c.baseUrl}/event-types`);
      await page.getByRole('button', { name: '编辑 公共场所踩踏', exact: true }).click();
      const form = page.locator('.ant-card').filter({ hasText: '编辑事件类型' });
      await form.getByLabel('中文名称').fill('公共场所踩踏事件');
      await form.getByLabel('报案时限（天）').fill('45');
      expect(await screen(page, 'admin-event-type-edit')).toEqual([]);
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByRole('cell', { name: '公共场所踩踏事件', exact: true }).waitFor();
      const fraud = ((await api('admin', '/event-types')) as { nameZh: string; defaults: { reportWindowDays: number } }[]).find((e) => e.nameZh === '公共场所踩踏事件');
      expect(fraud?.defaults.reportWindowDays).toBe(45);
      await page.context().close();
    });
  });

  describe('the main screens of each role at both widths', () => {
    jest.setTimeout(120_000);
    it.each(Object.entries(MAIN_SCREENS))('%s: saved as screenshots, every form control labelled', async (username, screens) => {
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await c.signIn(username, viewport);
        const unlabelled = await visitScreens(page, screens);
        expect(Object.entries(unlabelled).filter(([, controls]) => controls.length > 0)).toEqual([]);
        await page.context().close();
      }
    });
  });
});
