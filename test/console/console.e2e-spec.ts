import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DESKTOP, PHONE, screen, sessionValue, startConsole, type ConsoleHarness } from './browser.js';

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
});
