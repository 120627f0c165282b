import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { idNumberCheckCharacter } from '../../src/common/id-number.js';
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES } from '../support/fixtures.js';
import { choose, shows, statusIs } from './antd.js';
import { screen } from './browser.js';

/** A valid ID number no demo resident has (a birth date in 1988 and a random sequence). */
export function freshIdNumber(): string {
  const first17 = `350205198803${String(10 + Math.floor(Math.random() * 18)).padStart(2, '0')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/** A one-page PDF with something on it (a filled box), so a preview that draws nothing shows. */
const INKED_PDF = (() => {
  const content = '0.1 0.2 0.6 rg 60 560 475 220 re f';
  return Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n'
    + '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n'
    + '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R>> endobj\n'
    + `4 0 obj <</Length ${content.length}>> stream\n${content}\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
})();

/** The preview of the fire certificate, the walkthrough's one PDF with ink on its page (the loss list's page is blank). */
const INKED_PREVIEW = 'canvas.pdf-preview[data-rendered][aria-label^="火灾事故认定书"]';
/** The share of that preview's pixels that are not white. */
const inkOf = `() => {
  const canvas = document.querySelector('${INKED_PREVIEW}');
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) inked++;
  return inked / (data.length / 4);
}`;
const pdfInk = (page: Page): Promise<number> => page.evaluate(`(${inkOf})()`);

/** Screens checked on the way: each must have every form control labelled. */
export type Unlabelled = Record<string, string[]>;

/** hc.cadre1 on a phone: finds no resident, registers one (the ID number checked as typed), files a fire claim and adds its documents. */
export async function registerAndFile(page: Page, unlabelled: Unlabelled): Promise<{ claimId: string; claimNo: string }> {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name: /报案 · 居民查找/ }).click();
  const id = freshIdNumber();
  const lookup = page.getByLabel('身份证号码').first();
  await lookup.fill(id.slice(0, 10));
  await shows(page, '还差 8 位');
  await lookup.fill(wrongCheck(id));
  await shows(page, '校验位不符，请逐位核对');
  await lookup.fill(id);
  await shows(page, '未找到该居民，请登记');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: '登记居民' }) });
  await form.getByLabel('姓名').fill('郑海生');
  await form.getByLabel('手机号码').fill('13906001234');
  await form.getByLabel('住址').fill('海沧街道新垵村 88 号');
  unlabelled['resident-register'] = await screen(page, 'resident-register');
  await form.getByRole('button', { name: '登记居民' }).click();

  await page.getByLabel('事件类型').waitFor();
  await choose(page, '事件类型', '入室盗窃');
  await page.getByLabel('报警回执号').waitFor();
  await choose(page, '事件类型', '火灾');
  await page.getByLabel('报警回执号').waitFor({ state: 'detached' });
  await shows(page, '火灾事故认定书');
  await page.getByLabel('事发地点').fill('新垵村 88 号一楼店铺');
  await page.getByLabel('经过').fill('凌晨电线短路起火，店内货物烧毁');
  await page.getByLabel('申请金额').fill('30000.5x');
  await shows(page, '请填写金额（元），最多两位小数');
  await page.getByLabel('申请金额').fill('30000');
  await page.getByLabel('开户行').fill('农业银行海沧支行');
  await page.getByLabel('银行账号').fill('6228480012345678901');
  unlabelled['file-claim'] = await screen(page, 'file-claim');
  await page.getByRole('button', { name: '提交报案' }).click();

  await shows(page, /已报案，案件编号/);
  const claimNo = (await page.getByTestId('claim-no').textContent())!;
  const claimId = new URL(page.url()).pathname.split('/').pop()!;

  const uploads: [string, Buffer, string, string][] = [
    ['现场照片', PNG_BYTES, 'site.png', '拍照上传'],
    ['身份证或户口簿', JPEG_BYTES, 'id.jpg', '选择文件上传'],
    ['火灾事故认定书', INKED_PDF, 'fire.pdf', '选择文件上传'],
    ['财产损失清单（村居盖章）', PDF_BYTES, 'loss.pdf', '选择文件上传'],
    ['银行卡', JPEG_BYTES, 'card.jpg', '选择文件上传'],
  ];
  for (const [i, [type, bytes, name, input]] of uploads.entries()) {
    await choose(page, '材料类型', type);
    const mimeType = name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.png') ? 'image/png' : 'image/jpeg';
    await page.getByLabel(input).setInputFiles({ name, mimeType, buffer: bytes });
    await page.getByTestId('upload-result').filter({ hasText: '已上传' }).nth(i).waitFor();
    // The upload's own line comes first; the claim's refetch then re-renders the type select (its "required" labels), which
    // would swallow the next type's pick if it came in between: wait until the document is on the claim.
    await shows(page, `材料（${i + 1}）`);
  }
  await page.getByLabel('选择文件上传').setInputFiles({ name: 'note.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a PDF') });
  await page.getByTestId('upload-result').filter({ hasText: '未接受：' }).waitFor();
  await page.getByText('尚缺必需材料').waitFor({ state: 'detached' });
  unlabelled['claim-cadre'] = await screen(page, 'claim-cadre');
  return { claimId, claimNo };
}

/** hc.cadre2 on a phone: the claim is among the tasks; records the site verification. */
export async function verify(page: Page, claimNo: string, unlabelled: Unlabelled): Promise<void> {
  await page.getByRole('link', { name: `案件 ${claimNo}` }).click();
  await page.getByRole('button', { name: '开始现场核查' }).click();
  await page.getByLabel('核查损失').fill('30000');
  const participants = page.getByLabel('在场人员（含保险公司人员）');
  for (const name of ['黄网格', '人保 张理赔']) {
    await participants.fill(name);
    await participants.press('Enter');
  }
  await page.getByLabel('核查情况').fill('现场确认店铺一楼过火，货架及货物烧毁，与申报一致');
  unlabelled['verification'] = await screen(page, 'verification');
  await page.getByRole('button', { name: '提交核查结果' }).click();
  await statusIs(page, '已核查');
}

/** picc.adjuster at a desk: the claim in the queue, documents previewed, the quote step by step; assesses at the quote. */
export async function assess(page: Page, claimNo: string, unlabelled: Unlabelled): Promise<void> {
  unlabelled['queue'] = await screen(page, 'queue');
  await page.getByRole('link', { name: claimNo }).click();
  await page.getByTestId('payable').waitFor();
  await page.locator('img.image-preview').first().waitFor();
  // Its own canvas, not the first one drawn: on a loaded machine the blank loss list may be drawn first.
  await page.locator(INKED_PREVIEW).waitFor();
  // pdf.js may still be drawing (its text after the white page) when its render promise has resolved.
  await page.waitForFunction(`(${inkOf})() > 0.005`, undefined, { timeout: 10_000 }).catch(() => undefined);
  expect(await pdfInk(page)).toBeGreaterThan(0.005);
  unlabelled['claim-insurer'] = await screen(page, 'claim-insurer');
  await page.getByRole('button', { name: '核定' }).click();
  await statusIs(page, '已核定');
}
