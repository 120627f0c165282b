import type { Page } from 'playwright-core';
import { screen } from './browser.js';

/** The main screens of each role, by path: each is saved at both widths and checked for unlabelled controls. */
export const MAIN_SCREENS: Record<string, [name: string, path: string, ready: string][]> = {
  'hc.cadre1': [
    ['cadre-home', '/', '我的待办'],
    ['cadre-residents', '/residents', '按身份证号码查找'],
    ['cadre-claims', '/claims', '本街道案件'],
  ],
  'picc.adjuster': [
    ['insurer-home', '/', '我的待办'],
    ['insurer-queue', '/claims?status=verified,assessed', '风险标记（任一）'],
    ['insurer-overdue', '/overdue', '超时案件'],
  ],
  'hc.officer': [
    ['officer-dashboard', '/', '年度概览'],
    ['officer-reports', '/reports', '多年度报告'],
    ['officer-claims', '/claims', '全区案件'],
    ['officer-policies', '/policies', '新建保单草稿'],
    ['officer-streets', '/streets', '新建街镇'],
    ['officer-users', '/users', '新建街镇综治干部'],
    ['officer-overdue', '/overdue', '超时案件'],
  ],
  admin: [
    ['admin-districts', '/', '新建区县'],
    ['admin-insurers', '/insurers', '新建保险公司'],
    ['admin-users', '/users', '新建用户'],
    ['admin-event-types', '/event-types', '新增事件类型'],
  ],
};

/** Moves the console to `path` the way its own links do (no reload of the bundle and fonts). */
const navigate = (page: Page, path: string) =>
  page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);

/** Visits each screen of the list; returns the unlabelled controls per screen. */
export async function visitScreens(page: Page, screens: [string, string, string][]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const [name, path, ready] of screens) {
    await navigate(page, path);
    await page.getByText(ready).first().waitFor();
    await page.locator('.ant-table-placeholder .ant-spin, .ant-list-loading').first().waitFor({ state: 'detached' }).catch(() => undefined);
    found[name] = await screen(page, name);
  }
  return found;
}
