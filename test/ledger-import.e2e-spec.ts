import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createResident, uniqueIdNumber, uniquePhone } from './support/fixtures.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { ledgerFile, type LedgerRowInput } from './support/ledger-files.js';

/**
 * Ledger (台账) import into Haicang's 2019 policy year (9 covered events:
 * burglary, robbery, fire, … but not animal_attack), which has no claims in
 * the fixture.
 */
describe('ledger import', () => {
  let t: TestApp;
  let officer: string;

  const importLedger = (file: Buffer, fields: Record<string, string> = {}, auth = officer, name = 'ledger.xlsx') =>
    t.http().post(`${API}/imports/claims`).set('Authorization', auth)
      .field('districtCode', fields.districtCode ?? '350205').field('year', fields.year ?? '2019')
      .field(fields.dryRun ? { dryRun: fields.dryRun } : {})
      .attach('file', file, name);
  const annual = async (year = 2019) =>
    (await t.http().get(`${API}/reports/annual?districtCode=350205&year=${year}`).set('Authorization', officer).expect(200)).body;
  const counts = async () => (await t.db.query(
    `SELECT (SELECT count(*)::int FROM claim) AS claims, (SELECT count(*)::int FROM resident) AS residents,
            (SELECT count(*)::int FROM audit_event) AS audit, (SELECT count(*)::int FROM ledger_import) AS imports,
            (SELECT coalesce(max(last_seq), 0) FROM claim_counter WHERE district_code = '350205' AND year = 2019) AS seq`))[0];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('hc.officer');
  });
  afterAll(() => t.close());

  describe('a good ledger', () => {
    const registeredId = uniqueIdNumber();
    let registeredResidentId: string;
    let body: Record<string, any>;
    let file: Buffer;
    const rows: LedgerRowInput[] = [
      { 报案日期: '2019-03-02', 出险日期: '2019-03-01', 街道: '海沧街道', 姓名: '陈志明', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
        事件类型: '火灾', 出险地点: '海沧街道温厝社区', 报损金额: 40000, 核定金额: 36000, 赔付金额: 35000, 赔付日期: '2019-03-22', 状态: '已赔付', 备注: '厨房起火' },
      // Code forms of street and event type, money as text with a yuan sign and separators.
      { 报案日期: '2019/5/10', 出险日期: '2019-05-09', 街道: '350205002', 姓名: '林秀兰', 身份证号: registeredId, 联系电话: uniquePhone(),
        事件类型: 'burglary', 出险地点: '新阳街道霞阳村', 报损金额: '¥6,200.50', 赔付金额: '5,000.5', 赔付日期: '2019-05-30', 状态: '已赔付' },
      { 报案日期: '2019-07-01', 出险日期: '2019-06-30', 街道: '嵩屿街道', 姓名: '黄建国', 身份证号: uniqueIdNumber(), 联系电话: '0592-6881234',
        事件类型: '入室盗窃', 出险地点: '嵩屿街道海虹社区', 报损金额: 3000, 核定金额: 0, 状态: '拒赔', 备注: '损失无法证实' },
      { 报案日期: '2019-08-15', 出险日期: '2019-08-15', 街道: '东孚街道', 姓名: '吴美玲', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
        事件类型: '抢劫抢夺', 出险地点: '东孚街道鼎美村', 报损金额: 1200, 状态: '撤案' },
      { 报案日期: '2019-12-30', 出险日期: '2019-12-28', 街道: '海沧街道', 姓名: '陈志明', 身份证号: '', 联系电话: uniquePhone(),
        事件类型: 'fire', 出险地点: '海沧街道东屿社区', 报损金额: 8000, 状态: '处理中' },
    ];
    rows[4].身份证号 = rows[0].身份证号; // the same person twice: one resident

    beforeAll(async () => {
      const cadre = await t.login('xy.cadre');
      registeredResidentId = (await createResident(t, cadre, { name: '林秀兰', idNumber: registeredId, streetCode: '350205002' })).resident.id;
      file = await ledgerFile(rows);
      const res = await importLedger(file, {}, officer, '海沧区2019年理赔台账.xlsx');
      expect(res.status).toBe(201);
      body = res.body;
    });

    it('creates one claim per row, numbered from the gap-free sequence, and only the residents that are new', () => {
      expect(body).toMatchObject({
        rows: 5, claims: 5, residentsCreated: 3, dryRun: false,
        firstClaimNo: '350205-2019-000001', lastClaimNo: '350205-2019-000005',
      });
      expect(body.importId).toEqual(expect.any(String));
    });

    it('shows the imported claims in their final state, marked as ledger claims, with one history entry naming the import', async () => {
      const list = await t.http().get(`${API}/claims?q=350205-2019&pageSize=10`).set('Authorization', officer).expect(200);
      expect(list.body.total).toBe(5);
      const byNo = new Map(list.body.items.map((item: { claimNo: string }) => [item.claimNo, item]));
      expect((byNo.get('350205-2019-000001') as Record<string, unknown>)).toMatchObject({ status: 'paid', eventType: 'fire', streetCode: '350205001' });
      expect((byNo.get('350205-2019-000002') as Record<string, unknown>)).toMatchObject({ status: 'paid', streetCode: '350205002', resident: { id: registeredResidentId } });
      expect((byNo.get('350205-2019-000003') as Record<string, unknown>).status).toBe('denied');
      expect((byNo.get('350205-2019-000004') as Record<string, unknown>).status).toBe('withdrawn');
      expect((byNo.get('350205-2019-000005') as Record<string, unknown>).status).toBe('reported');

      const first = (byNo.get('350205-2019-000001') as { id: string }).id;
      const claim = await t.http().get(`${API}/claims/${first}`).set('Authorization', officer).expect(200);
      expect(claim.body).toMatchObject({
        source: 'ledger', payee: null, claimedAmount: '40000.00', assessedAmount: '36000.00', approvedAmount: '35000.00',
        paidAmount: '35000.00', incidentDate: '2019-03-01', description: '厨房起火',
        reportedAt: '2019-03-01T16:00:00.000Z', paidAt: '2019-03-21T16:00:00.000Z',
      });
      expect(claim.body.resident.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(claim.body.history).toHaveLength(1);
      expect(claim.body.history[0]).toMatchObject({ from: null, to: 'paid', reason: `ledger import ${body.importId}, row 2` });
      const second = (byNo.get('350205-2019-000002') as { id: string }).id;
      expect((await t.http().get(`${API}/claims/${second}`).set('Authorization', officer)).body).toMatchObject({ claimedAmount: '6200.50', paidAmount: '5000.50' });
    });

    it('stores new residents encrypted, as registration does', async () => {
      const [row] = await t.db.query(`SELECT r.id_number_cipher, r.id_number_masked FROM resident r JOIN claim c ON c.resident_id = r.id WHERE c.claim_no = '350205-2019-000001'`);
      expect(row.id_number_cipher).not.toContain(rows[0].身份证号);
      expect(row.id_number_masked).toBe(`${String(rows[0].身份证号).slice(0, 6)}********${String(rows[0].身份证号).slice(14)}`);
    });

    it('counts in the annual report like claims filed in the system', async () => {
      const report = await annual();
      expect(report.totals).toMatchObject({
        reported: 5, approved: 2, denied: 1, paid: 2, pending: 1,
        claimedAmount: '58400.50', approvedAmount: '40000.50', paidAmount: '40000.50',
      });
      expect(report.byEventType.find((row: { eventType: string }) => row.eventType === 'fire')).toMatchObject({ claims: 2, paid: 1, paidAmount: '35000.00' });
      expect(report.byStreet.find((row: { streetCode: string }) => row.streetCode === '350205002')).toMatchObject({ claims: 1, paid: 1, paidAmount: '5000.50' });
      expect(report.byMonth.find((row: { month: string }) => row.month === '2019-03')).toMatchObject({ claims: 1, paid: 1 });
      expect(report.processingDays).toEqual({ median: 20, p90: 20, max: 20 });
      expect(report.policy.aggregateUsed).toBe('40000.50');
    });

    it('records one audit event for the import, and the chain holds', async () => {
      const events = await t.db.query(`SELECT action, entity_id, data FROM audit_event WHERE action LIKE 'ledger.%' OR data->>'claimNo' LIKE '350205-2019-%'`);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'ledger.import', entity_id: body.importId });
      expect(events[0].data).toMatchObject({ fileName: '海沧区2019年理赔台账.xlsx', rows: 5, residentsCreated: 3 });
      expect((await t.http().get(`${API}/audit/verify`).set('Authorization', await t.login('admin')).expect(200)).body.ok).toBe(true);
    });

    it('lists the import with who, when, file name, hash and rows', async () => {
      const res = await t.http().get(`${API}/imports`).set('Authorization', officer).expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
      expect(res.body.items.find((item: { id: string }) => item.id === body.importId)).toMatchObject({
        districtCode: '350205', year: 2019, fileName: '海沧区2019年理赔台账.xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        rows: 5, residentsCreated: 3, importedBy: { username: 'hc.officer' },
      });
      const other = await t.http().get(`${API}/imports`).set('Authorization', await t.login('jm.officer')).expect(200);
      expect(other.body.items.map((item: { id: string }) => item.id)).not.toContain(body.importId);
    });

    it('refuses the same file again, under any name, naming the earlier import', async () => {
      const again = await importLedger(file, {}, officer, 'copy.xlsx').expect(409);
      expect(again.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'file', importId: body.importId, fileName: '海沧区2019年理赔台账.xlsx' }] });
    });
  });

  it('lists every failing cell of a ledger with bad rows in several columns, and imports nothing', async () => {
    const before = await counts();
    const good: LedgerRowInput = { 报案日期: '2019-04-02', 出险日期: '2019-04-01', 街道: '海沧街道', 姓名: '张伟', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
      事件类型: '火灾', 出险地点: '海沧社区', 报损金额: 1000, 赔付金额: 800, 赔付日期: '2019-04-20', 状态: '已赔付' };
    const rows: LedgerRowInput[] = [
      good,
      { ...good, 身份证号: '350205199001011234', 街道: '集美街道', 事件类型: '犬只及动物伤人' },
      { ...good, 身份证号: uniqueIdNumber(), 出险日期: '2018-12-31', 报案日期: '2019-02-30', 报损金额: '12.345' },
      { ...good, 身份证号: uniqueIdNumber(), 赔付金额: 1500, 状态: '已结案', 事件类型: '外星人入侵' },
      { ...good, 身份证号: uniqueIdNumber(), 状态: '撤案', 联系电话: '12345', 姓名: '' },
    ];
    const res = await importLedger(await ledgerFile(rows)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const cells = res.body.details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(cells).toEqual([
      '3:街道', '3:身份证号', '3:事件类型',
      '4:报案日期', '4:报损金额', '4:出险日期',
      '5:事件类型', '5:状态', '5:赔付金额',
      '6:姓名', '6:联系电话', '6:赔付金额', '6:赔付日期',
    ]);
    for (const detail of res.body.details) expect(detail.message).toEqual(expect.any(String));
    expect(res.body.details.find((d: { row: number; column: string }) => d.row === 3 && d.column === '事件类型').message).toMatch(/not covered/);
    expect(res.body.details.find((d: { row: number; column: string }) => d.row === 5 && d.column === '事件类型').message).toMatch(/not a known event type/);
    expect(await counts()).toEqual(before);
  });

  it('answers a dry run with the same checks and writes nothing', async () => {
    const before = await counts();
    const rows: LedgerRowInput[] = [{ 报案日期: '2019-09-02', 出险日期: '2019-09-01', 街道: '新阳街道', 姓名: '郑国强', 身份证号: uniqueIdNumber(), 联系电话: uniquePhone(),
      事件类型: '火灾', 出险地点: '新阳社区', 报损金额: 1000, 状态: '处理中' }];
    const file = await ledgerFile(rows);
    const res = await importLedger(file, { dryRun: 'true' }).expect(200);
    expect(res.body).toMatchObject({ importId: null, rows: 1, claims: 1, residentsCreated: 1, dryRun: true });
    expect(await counts()).toEqual(before);
    // Not recorded as imported either: the real import of the same file goes through.
    await importLedger(file).expect(201);
  });

  it('refuses a CSV renamed .xlsx, and a workbook without the required columns', async () => {
    const csv = Buffer.from('\ufeff报案日期,出险日期,街道\n2019-01-02,2019-01-01,海沧街道\n');
    const res = await importLedger(csv, {}, officer, 'ledger.xlsx').expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'file' }] });

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['报案日期', '姓名']);
    const headersOnly = await importLedger(Buffer.from(await workbook.xlsx.writeBuffer())).expect(400);
    expect(headersOnly.body.details.map((d: { column: string }) => d.column)).toEqual(
      ['出险日期', '街道', '身份证号', '联系电话', '事件类型', '出险地点', '报损金额', '状态']);
  });

  it('lets district officers import into their own district only, and nobody else', async () => {
    const file = await ledgerFile([]);
    expect((await importLedger(file, {}, await t.login('jm.officer'))).status).toBe(404);
    expect((await importLedger(file, {}, await t.login('hc.cadre1'))).status).toBe(403);
    expect((await importLedger(file, {}, await t.login('picc.manager'))).status).toBe(403);
    expect((await importLedger(file, { year: '2017' })).body).toMatchObject({ code: 'RULE_VIOLATION', details: [{ field: 'NO_POLICY_FOR_YEAR' }] });
    expect((await importLedger(file, { year: 'soon' })).status).toBe(400);
  });

  it('gives the template with the headers, an example row that imports, and drop-down lists', async () => {
    const res = await t.http().get(`${API}/imports/claims/template.xlsx?year=2022`).set('Authorization', officer)
      .buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      ['报案日期', '出险日期', '街道', '姓名', '身份证号', '联系电话', '事件类型', '出险地点', '报损金额', '核定金额', '赔付金额', '赔付日期', '状态', '备注']);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const lists = Object.values(validations).filter((v) => v.type === 'list').map((v) => v.formulae[0]);
    expect(lists).toEqual(expect.arrayContaining([expect.stringContaining('$A$2'), expect.stringContaining('$B$2'), expect.stringContaining('$C$2')]));
    const options = workbook.getWorksheet('选项')!;
    expect(options.getColumn(1).values).toEqual(expect.arrayContaining(['海沧街道', '东孚街道']));
    expect(options.getColumn(2).values).toHaveLength(21 + 2);
    expect(options.getColumn(3).values).toEqual(expect.arrayContaining(['已赔付', '拒赔', '撤案', '处理中']));

    const dryRun = await importLedger(res.body as Buffer, { year: '2022', dryRun: 'true' }).expect(200);
    expect(dryRun.body).toMatchObject({ rows: 1, claims: 1 });
    expect((await t.http().get(`${API}/imports/claims/template.xlsx?districtCode=350211`).set('Authorization', officer)).status).toBe(404);
  });
});

describe('ledger import size cap', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ LEDGER_MAX_BYTES: '4096' }); });
  afterAll(() => t.close());

  it('answers 413 above LEDGER_MAX_BYTES', async () => {
    const res = await t.http().post(`${API}/imports/claims`).set('Authorization', await t.login('hc.officer'))
      .field('districtCode', '350205').field('year', '2019').attach('file', Buffer.alloc(8192, 1), 'big.xlsx');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
