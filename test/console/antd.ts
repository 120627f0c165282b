import type { Locator, Page } from 'playwright-core';

/** Picks an option of the antd Select labelled `label` by the option's text (typing it first where the select searches). */
export async function choose(page: Page, label: string, option: string | RegExp, scope: Page | Locator = page): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  await select.click();
  if (typeof option === 'string' && await select.isEditable()) await select.fill(option);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Waits until the page shows the text (antd renders asynchronously; playwright-core has no expect). */
export async function shows(page: Page | Locator, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

/** The claim's status tag on its page. */
export async function statusIs(page: Page, status: string): Promise<void> {
  await page.locator('.ant-tag').filter({ hasText: new RegExp(`^${status}$`) }).first().waitFor();
}
