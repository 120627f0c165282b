import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { API } from '../support/test-app.js';
import { shows, statusIs } from './antd.js';
import { DESKTOP, PHONE, screen, sessionValue, startConsole, step, type ConsoleHarness } from './browser.js';
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
      await page.getByRole('button', { name: '登记支付' }).click();
      await statusIs(page, '已支付');
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
});
