import sparticuz from '@sparticuz/chromium';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { DEMO_PASSWORD } from '../../seeds/index.js';
import { createDemoApp } from '../support/demo-claims.js';
import type { TestApp } from '../support/test-app.js';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;
export type Viewport = typeof PHONE | typeof DESKTOP;

/** Where every run saves its screenshots (CI keeps test-results/); `npm run screens` also writes docs/screens/. */
const SCREEN_DIRS = ['test-results/screens', ...(process.env.CONSOLE_SCREENS_DIR ? [process.env.CONSOLE_SCREENS_DIR] : [])];

export interface ConsoleHarness {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own sessionStorage) at the given size, signed in as `username`. */
  signIn(username: string, viewport: Viewport): Promise<Page>;
  /** A context of its own, not signed in. */
  open(viewport: Viewport): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real app (demo data, real PostgreSQL, the console built into dist/web)
 * listening on a free port, and the Chromium that npm ships (@sparticuz/chromium):
 * one browser for the whole file, one context per signed-in user.
 */
export async function startConsole(): Promise<ConsoleHarness> {
  const app = await createDemoApp();
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: await sparticuz.executablePath(),
    // --single-process suits AWS Lambda, for which the package is made; here it brings the whole browser down when a context closes.
    args: [...sparticuz.args.filter((arg) => arg !== '--single-process'), '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    headless: true,
  });
  const contexts: BrowserContext[] = [];
  const open = async (viewport: Viewport) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
    context.setDefaultTimeout(30_000); // generous: CI runs this file beside the rest of the suite on two cores
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    return page;
  };
  return {
    app, baseUrl, browser, open,
    async signIn(username, viewport) {
      const page = await open(viewport);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('whoami').waitFor();
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
    },
  };
}

/**
 * Form controls on the page that a screen reader could not name: no <label>
 * with text, aria-label or aria-labelledby. (Plain JavaScript: it runs in the page.)
 */
const UNLABELLED_CONTROLS = `(() => {
  const named = (el) => {
    if ([...(el.labels ?? [])].some((l) => l.textContent.trim())) return true;
    if (el.getAttribute('aria-label')?.trim()) return true;
    const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\\s+/).filter(Boolean);
    return ids.some((id) => document.getElementById(id)?.textContent.trim());
  };
  return [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && !named(el))
    .map((el) => el.outerHTML.slice(0, 160) + ' in .' + (el.closest('[class]')?.className ?? ''));
})()`;

export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(UNLABELLED_CONTROLS);
}

/** A value from the page's sessionStorage. */
export const sessionValue = (page: Page, key: string) => page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(key)})`);

const visited: string[] = [];

/**
 * Once the screen has settled (fonts loaded, no spinner): the accessibility
 * check of its form controls, then its screenshot as `<name>-<width>.png`.
 * Returns the unlabelled controls, which the caller expects to be none.
 */
export async function screen(page: Page, name: string): Promise<string[]> {
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(150); // antd's entrance motions
  const width = page.viewportSize()!.width;
  const png = await page.screenshot({ fullPage: true });
  mkdirSync(SCREEN_DIRS[0], { recursive: true });
  writeFileSync(join(SCREEN_DIRS[0], `${name}-${width}.png`), png);
  for (const dir of SCREEN_DIRS.slice(1)) {
    mkdirSync(dir, { recursive: true });
    // The committed set: 256 colours are plenty for a UI and keep the files a third of the size.
    await sharp(png).png({ palette: true, compressionLevel: 9 }).toFile(join(dir, `${name}-${width}.png`));
  }
  visited.push(`${name}-${width}`);
  return unlabelledControls(page);
}

export const visitedScreens = () => [...visited];

/** Runs a step of a test; when it fails, the page as it was goes to test-results/failures/ for whoever reads the log. */
export async function step<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    mkdirSync('test-results/failures', { recursive: true });
    await page.screenshot({ path: `test-results/failures/${name}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  }
}
