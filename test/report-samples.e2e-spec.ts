import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdfLines, renderPdfPages, type PdfLine } from './support/pdf.js';
import { createDemoApp } from './support/demo-claims.js';
import { API, type TestApp } from './support/test-app.js';

/**
 * The files a district officer and a resident are handed, made from the demo year through the production path
 * (HTTP, repository, renderer), read back as text where it matters and drawn page by page as PNG.
 * `npm run samples` writes them to docs/samples/ for reviewers to look at.
 */
const SAMPLES_DIR = process.env.WRITE_SAMPLES === '1' ? join(process.cwd(), 'docs', 'samples') : null;
const AMOUNT = /^-?[\d,]+\.\d{2}$/;
const fen = (amount: string) => BigInt(amount.replace(/[,.]/g, ''));
const count = (text: string) => Number(text.replace(/,/g, ''));

function linesBetween(lines: PdfLine[], from: string, to: string): PdfLine[] {
  const start = lines.findIndex((l) => l.text.startsWith(from));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.text.startsWith(to));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe('report samples (docs/samples)', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createDemoApp();
    officer = await t.login('hc.officer');
    if (SAMPLES_DIR) mkdirSync(SAMPLES_DIR, { recursive: true });
  });

  afterAll(async () => { await t.close(); });

  async function download(path: string, query: Record<string, string | number> = {}): Promise<Buffer> {
    const res = await t.http().get(`${API}${path}`).query(query).set('Authorization', officer).buffer(true)
      .parse((r, done) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => done(null, Buffer.concat(chunks))); });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  /** Every page drawn (A4 at 110 dpi), and the files kept when samples are being written. */
  async function keep(name: string, file: Buffer, extension: string): Promise<void> {
    if (SAMPLES_DIR) writeFileSync(join(SAMPLES_DIR, `${name}.${extension}`), file);
    if (extension !== 'pdf') return;
    const pngs = await renderPdfPages(file, 110);
    expect(pngs.length).toBeGreaterThan(0);
    pngs.forEach((png, i) => {
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([910, 1287]);
      if (SAMPLES_DIR) writeFileSync(join(SAMPLES_DIR, `${name}-${i + 1}.png`), png);
    });
  }

  it('annual report 2022: totals that add up on paper, event names not codes, the chart largest first', async () => {
    const json = (await t.http().get(`${API}/reports/annual`).query({ districtCode: '350205', year: 2022 }).set('Authorization', officer)).body;
    const pdf = await download('/reports/annual', { districtCode: '350205', year: 2022, format: 'pdf' });
    await keep('annual-350205-2022', pdf, 'pdf');
    const lines = (await extractPdfLines(pdf)).flat();
    const { reported, approved, denied, pending, withdrawn } = json.totals;
    expect(withdrawn).toBeGreaterThan(0);
    expect(lines.map((l) => l.text)).toContain(`报案 ${reported} 件 = 核准 ${approved} 件 + 拒赔 ${denied} 件 + 待处理 ${pending} 件 + 撤回 ${withdrawn} 件`);
    expect(reported).toBe(approved + denied + pending + withdrawn);

    const events = linesBetween(lines, '六、按事件类型', '赔付金额（按事件类型').map((l) => l.items.map((i) => i.text))
      .filter((cells) => AMOUNT.test(cells[cells.length - 1]));
    const total = events.find((cells) => cells[0] === '合计')!;
    const rows = events.filter((cells) => cells !== total);
    expect(total.slice(1)).toEqual([String(reported), String(json.totals.paid), json.totals.paidAmount.replace(/\B(?=(\d{3})+(?!\d))/g, ',')]);
    expect(rows.reduce((sum, r) => sum + count(r[r.length - 3]), 0)).toBe(reported);
    expect(rows.reduce((sum, r) => sum + fen(r[r.length - 1]), 0n)).toBe(fen(json.totals.paidAmount));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(json.byEventType.map((r: { nameZh: string }) => r.nameZh)));
    const amounts = rows.map((r) => fen(r[r.length - 1]));
    expect(amounts).toEqual([...amounts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

    const codes: string[] = json.byEventType.map((r: { eventType: string }) => r.eventType);
    const fragments = lines.flatMap((l) => l.items.flatMap((i) => i.text.match(/[a-z][a-z_]*[a-z]/g) ?? []));
    for (const fragment of fragments) if (codes.some((code) => code.includes(fragment))) expect(codes).toContain(fragment);

    const chart = linesBetween(lines, '赔付金额（按事件类型', '七、按街镇').filter((l) => l.items.length === 2 && AMOUNT.test(l.items[1].text));
    expect(chart.map((l) => fen(l.items[1].text))).toEqual(amounts);
  });

  it('annual report 2022 as CSV and XLSX, with the same totals', async () => {
    const csv = await download('/reports/annual', { districtCode: '350205', year: 2022, format: 'csv' });
    await keep('annual-350205-2022', csv, 'csv');
    expect(csv.toString('utf8')).toMatch(/撤回件数,11\r\n/);
    const xlsx = await download('/reports/annual', { districtCode: '350205', year: 2022, format: 'xlsx' });
    await keep('annual-350205-2022', xlsx, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('按事件类型')!;
    expect(sheet.lastRow!.getCell(1).value).toBe('合计');
  });

  it('multi-year report 2018–2022', async () => {
    const pdf = await download('/reports/multi-year', { districtCode: '350205', from: 2018, to: 2022, format: 'pdf' });
    await keep('multi-year-350205-2018-2022', pdf, 'pdf');
    const lines = (await extractPdfLines(pdf)).flat().map((l) => l.text);
    expect(lines.find((l) => l.startsWith('合计'))).toMatch(/^合计 765 8,0\d\d,\d{3}\.\d{2}$/);
  });

  it('payout notice (理赔通知书) of the 新垵村 shop fire', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM claim WHERE incident_date = '2022-06-03' AND incident_place LIKE '%新垵村%'`);
    const pdf = await download(`/claims/${id}/notice.pdf`);
    await keep('payout-notice', pdf, 'pdf');
    const pages = await extractPdfLines(pdf);
    expect(pages).toHaveLength(1);
    const lines = pages.flat().map((l) => l.text);
    expect(lines).toContain('应赔付金额 按比例赔付金额与以上各项限额中的最小者 35,000.00');
    expect(lines).toContain('实付金额（大写） 人民币叁万伍仟元整');
    expect(lines).toContain('中国人民财产保险股份有限公司厦门市分公司 海沧区社会治安综合治理办公室');
  });

  it('refusal notice (拒赔通知书) of a denied claim of 2022', async () => {
    const [{ id, nameZh }] = await t.db.query(
      `SELECT c.id, r.name_zh AS "nameZh" FROM claim c JOIN claim_decision d ON d.claim_id = c.id JOIN denial_reason r ON r.code = d.reason_code
        WHERE c.district_code = '350205' AND c.year = 2022 AND c.status IN ('denied', 'closed') ORDER BY c.claim_no LIMIT 1`);
    const pdf = await download(`/claims/${id}/denial-notice.pdf`);
    await keep('denial-notice', pdf, 'pdf');
    const pages = await extractPdfLines(pdf);
    expect(pages).toHaveLength(1);
    const lines = pages.flat().map((l) => l.text);
    expect(lines).toContain(`拒赔理由 ${nameZh}`);
    expect(lines).toContain('中国人民财产保险股份有限公司厦门市分公司 海沧区社会治安综合治理办公室');
  });
});
