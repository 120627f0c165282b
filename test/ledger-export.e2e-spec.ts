import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { shanghaiToday } from '../src/common/business-date.js';
import { approve, assess, pay, verifiedFire } from './support/domain-steps.js';
import { uniqueIdNumber, uniquePhone } from './support/fixtures.js';
import { ledgerFile, type LedgerRowInput } from './support/ledger-files.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

const YEAR = Number(shanghaiToday().slice(0, 4));

/** The `k`-th month's 10th of the running year, or today when that is still ahead: ledgers hold no future dates. */
function dayOfYear(k: number): string {
  const date = `${YEAR}-${String(k + 1).padStart(2, '0')}-10`;
  return date > shanghaiToday() ? shanghaiToday() : date;
}

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
  return workbook;
}

/**
 * The ledger export of GET /claims/export.xlsx, and its round trip: Haicang's
 * running year (claims taken through the workflow here plus a ledger import)
 * exported unmasked and imported into an empty district with the same
 * streets and the same policy gives the same annual report figures.
 */
describe('ledger export', () => {
  let t: TestApp;
  let officer: string;
  const download = (query: string, auth = officer) => t.http().get(`${API}/claims/export.xlsx${query}`).set('Authorization', auth)
    .buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const annual = async (districtCode: string) =>
    (await t.http().get(`${API}/reports/annual?districtCode=${districtCode}&year=${YEAR}`).set('Authorization', await t.login('admin')).expect(200)).body;

  const ledger: LedgerRowInput[] = [
    { 报案日期: dayOfYear(0), 出险日期: dayOfYear(0), 街道: '海沧街道', 姓名: '陈志明', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
      事件类型: '火灾', 出险地点: '温厝社区', 报损金额: 20000, 核定金额: 18000, 赔付金额: 17500.5, 赔付日期: dayOfYear(1), 状态: '已赔付', 备注: '厨房起火' },
    { 报案日期: dayOfYear(2), 出险日期: dayOfYear(2), 街道: '新阳街道', 姓名: '林秀兰', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
      事件类型: '入室盗窃', 出险地点: '霞阳村', 报损金额: 6000, 赔付金额: 5000, 赔付日期: dayOfYear(3), 状态: '已赔付' },
    { 报案日期: dayOfYear(4), 出险日期: dayOfYear(4), 街道: '嵩屿街道', 姓名: '黄建国', 身份证号: uniqueIdNumber(), 联系电话: '0592-6881234',
      事件类型: '入室盗窃', 出险地点: '海虹社区', 报损金额: 3000, 核定金额: 2500, 状态: '拒赔' },
    { 报案日期: dayOfYear(5), 出险日期: dayOfYear(5), 街道: '东孚街道', 姓名: '吴美玲', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
      事件类型: '抢劫抢夺', 出险地点: '鼎美村', 报损金额: 1200, 状态: '撤案' },
    { 报案日期: dayOfYear(6), 出险日期: dayOfYear(6), 街道: '海沧街道', 姓名: '郑国强', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
      事件类型: '犬只及动物伤人', 出险地点: '东屿社区', 报损金额: 800, 状态: '处理中' },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('hc.officer');
    // Claims through the workflow: one paid, one still in review, one withdrawn.
    const paid = await verifiedFire(t, '30000.00');
    await assess(t, paid.id);
    await approve(t, paid.id);
    await pay(t, paid.id);
    await verifiedFire(t, '12000.00');
    const withdrawn = await verifiedFire(t, '4000.00');
    await t.http().post(`${API}/claims/${withdrawn.id}/withdraw`).set('Authorization', await t.login('hc.cadre1')).send({ reason: '当事人撤回' }).expect(200);
    const imported = await t.http().post(`${API}/imports/claims`).set('Authorization', officer)
      .field('districtCode', '350205').field('year', String(YEAR)).attach('file', await ledgerFile(ledger), 'ledger.xlsx');
    expect(imported.status).toBe(201);
  });
  afterAll(() => t.close());

  it('writes the ledger columns with dates and yuan as values, a frozen header, an autofilter and a totals row, masked by default', async () => {
    const res = await download('').expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await workbookOf(res)).getWorksheet('台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['案件编号',
      '报案日期', '出险日期', '街道', '姓名', '身份证号', '联系电话', '事件类型', '出险地点', '报损金额', '核定金额', '赔付金额', '赔付日期', '状态', '备注']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(1 + 8 + 1);

    const rows = [];
    for (let r = 2; r <= 9; r++) rows.push(sheet.getRow(r));
    const fire = rows.find((row) => row.getCell(15).value === '厨房起火')!;
    expect(fire.getCell(2).value).toEqual(new Date(`${dayOfYear(0)}T00:00:00Z`));
    expect(fire.getCell(10).value).toBe(20000);
    expect(fire.getCell(12).value).toBe(17500.5);
    expect(fire.getCell(12).numFmt).toBe('#,##0.00');
    expect(fire.getCell(14).value).toBe('已赔付');
    for (const row of rows) {
      expect(String(row.getCell(6).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(String(row.getCell(7).value)).toContain('****');
    }
    expect(rows.map((row) => row.getCell(14).value).sort()).toEqual(['处理中', '处理中', '已赔付', '已赔付', '已赔付', '拒赔', '撤案', '撤案'].sort());

    const totals = sheet.getRow(10);
    expect(totals.getCell(1).value).toBe('合计');
    const claimed = totals.getCell(10).value as ExcelJS.CellFormulaValue;
    expect(claimed.formula).toBe('SUBTOTAL(109,J2:J9)');
    // 50000 × 3 filed in the system + the ledger's 20000 + 6000 + 3000 + 1200 + 800
    expect(claimed.result).toBe(181000);
    expect((totals.getCell(12).value as ExcelJS.CellFormulaValue).result).toBe(30000 + 17500.5 + 5000);
  });

  it('takes the filters and the scope of GET /claims', async () => {
    const paidOnly = (await workbookOf(await download('?status=paid').expect(200))).getWorksheet('台账')!;
    expect(paidOnly.rowCount).toBe(1 + 3 + 1);
    const cadre = (await workbookOf(await download('', await t.login('xy.cadre')).expect(200))).getWorksheet('台账')!;
    expect(cadre.rowCount).toBe(1 + 1 + 1); // 新阳街道: the one ledger claim there
    const jimei = (await workbookOf(await download('', await t.login('jm.officer')).expect(200))).getWorksheet('台账')!;
    expect(jimei.rowCount).toBe(1 + 1);
    expect((await download('?status=lost')).status).toBe(400);
  });

  it('exports unmasked only for district officers, as an audited action', async () => {
    expect((await download('?unmasked=true', await t.login('admin'))).status).toBe(403);
    expect((await download('?unmasked=true', await t.login('hc.cadre1'))).status).toBe(403);
    const res = await download('?unmasked=true&streetCode=350205002').expect(200);
    const row = (await workbookOf(res)).getWorksheet('台账')!.getRow(2);
    expect(row.getCell(6).value).toBe(ledger[1].身份证号);
    expect(row.getCell(7).value).toBe(ledger[1].联系电话);
    const [event] = await t.db.query(`SELECT actor_id, district_code, data FROM audit_event WHERE action = 'claims.export_unmasked'`);
    expect(event).toMatchObject({ district_code: '350205', data: { rows: 1, filter: { streetCode: '350205002' }, fields: ['idNumber', 'phone'] } });
  });

  it('cannot be imported masked: the ID numbers fail their checksum', async () => {
    const masked = (await download('?status=withdrawn').expect(200)).body as Buffer;
    const res = await t.http().post(`${API}/imports/claims`).set('Authorization', officer)
      .field('districtCode', '350205').field('year', String(YEAR)).field('dryRun', 'true').attach('file', masked, 'masked.xlsx').expect(400);
    expect(res.body.details.map((d: { column: string }) => d.column)).toEqual(['身份证号', '联系电话', '身份证号', '联系电话']);
  });

  it('re-imported unmasked into an empty district of the same year gives the same report figures', async () => {
    const admin = await t.login('admin');
    await t.http().post(`${API}/districts`).set('Authorization', admin).send({ code: '350299', name: '测试区' }).expect(201);
    for (const [code, name] of [['350299001', '海沧街道'], ['350299002', '新阳街道'], ['350299003', '嵩屿街道'], ['350299004', '东孚街道']]) {
      await t.http().post(`${API}/districts/350299/streets`).set('Authorization', admin).send({ code, name }).expect(201);
    }
    // The same policy terms as Haicang's running year.
    const [{ id: policyId }] = await t.db.query(
      `INSERT INTO policy (policy_no, district_code, insurer_id, year, period_start, period_end, premium, aggregate_limit, four_eyes_threshold, status, activated_at)
       SELECT 'COPY-350299-' || year, '350299', insurer_id, year, period_start, period_end, premium, aggregate_limit, four_eyes_threshold, 'active', now()
         FROM policy WHERE district_code = '350205' AND year = $1 RETURNING id`, [YEAR]);
    await t.db.query(
      `INSERT INTO coverage (policy_id, event_type, per_claim_limit, per_person_annual_limit, deductible, payout_ratio_bp, report_window_days, required_documents)
       SELECT $1, event_type, per_claim_limit, per_person_annual_limit, deductible, payout_ratio_bp, report_window_days, required_documents
         FROM coverage WHERE policy_id = (SELECT id FROM policy WHERE district_code = '350205' AND year = $2)`, [policyId, YEAR]);

    const exported = (await download('?unmasked=true').expect(200)).body as Buffer;
    const res = await t.http().post(`${API}/imports/claims`).set('Authorization', admin)
      .field('districtCode', '350299').field('year', String(YEAR)).attach('file', exported, 'haicang-export.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rows: 8, claims: 8 });

    const source = await annual('350205');
    const copy = await annual('350299');
    // The figures a ledger carries; a ledger records no deadlines, so timeliness is not among them.
    const byName = (rows: { streetName: string }[]) => rows.map(({ streetName, ...figures }) => ({ streetName, ...figures, streetCode: undefined }));
    expect(copy.totals).toEqual(source.totals);
    expect(copy.byEventType).toEqual(source.byEventType);
    expect(copy.byMonth).toEqual(source.byMonth);
    expect(byName(copy.byStreet)).toEqual(byName(source.byStreet));
    expect(copy.processingDays).toEqual(source.processingDays);
    expect(copy.previousYear).toEqual(source.previousYear);
    expect({ ...copy.policy, policyNo: undefined }).toEqual({ ...source.policy, policyNo: undefined });
    expect(source.totals).toMatchObject({ reported: 8, paid: 3, denied: 1, withdrawn: 2, pending: 2, paidAmount: '52500.50' });
  });
});
