import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readDenialReasons } from '../seeds/denial-reasons.js';
import { extractPdfLines, renderPdfPages } from './support/pdf.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';
import { assessClaim, expectStatus, registerResident, verifiedFireClaim } from './support/workflow-steps.js';

/** The denial reason catalogue and the refusal notice (拒赔通知书), read as the resident reads it. */
describe('denial reasons and the refusal notice', () => {
  let t: TestApp;
  let residentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    residentId = await registerResident(t, 'hc.cadre1', { name: '王秀英' });
  });
  afterAll(async () => { await t.close(); });

  const assessedClaim = async (): Promise<string> => {
    const claim = await verifiedFireClaim(t, residentId, { claimedAmount: '3000.00', verifiedLoss: '3000.00' });
    await assessClaim(t, claim.id as string);
    return claim.id as string;
  };
  const decide = async (claimId: string, body: object) =>
    t.http().post(`${API}/claims/${claimId}/decision`).set('Authorization', await t.login('picc.manager')).send(body);
  const notice = async (claimId: string, username = 'hc.officer') =>
    t.http().get(`${API}/claims/${claimId}/denial-notice.pdf`).set('Authorization', await t.login(username)).buffer(true)
      .parse((r, done) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => done(null, Buffer.concat(chunks))); });

  it('lists the catalogue from seeds/ to any signed-in user, in its order, with the Chinese text', async () => {
    const res = await t.http().get(`${API}/denial-reasons`).set('Authorization', await t.login('hc.cadre1'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(readDenialReasons().map(({ code, nameZh, policyClause }) => ({ code, nameZh, policyClause })));
    expect(res.body.map((r: { code: string }) => r.code)).toEqual(['not_covered', 'excluded_cause', 'insufficient_evidence', 'duplicate', 'fraud', 'late', 'other']);
    expect((await t.http().get(`${API}/denial-reasons`)).status).toBe(401);
  });

  it('refuses a denial whose code is not in the catalogue with a 400 and leaves the claim assessed; a code added to the table is accepted', async () => {
    const claimId = await assessedClaim();
    const bad = await decide(claimId, { decision: 'deny', reasonCode: 'bad_luck' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'reasonCode' }] });
    expect((await t.db.query(`SELECT status FROM claim WHERE id = $1`, [claimId]))[0].status).toBe('assessed');
    expect(await t.db.query(`SELECT 1 FROM claim_decision WHERE claim_id = $1`, [claimId])).toEqual([]);

    await t.db.query(`INSERT INTO denial_reason (code, name_zh, policy_clause, sort_order) VALUES ('outside_district', '事故发生地不在本区', '保险条款“保险区域”', 100)`);
    expectStatus(await decide(claimId, { decision: 'deny', reasonCode: 'outside_district' }), 200);
  });

  it('keeps the rule in the database too: a decision row with an unknown code is refused', async () => {
    const claimId = await assessedClaim();
    const [{ id: approverId }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'picc.manager'`);
    await expect(t.db.query(`INSERT INTO claim_decision (claim_id, decision, approver_id, reason_code) VALUES ($1, 'deny', $2, 'bad_luck')`, [claimId, approverId]))
      .rejects.toThrow(/claim_decision_reason_code_fkey/);
  });

  it('prints the refusal notice of a denied claim: reason, clause, note, date and the way to object', async () => {
    const claimId = await assessedClaim();
    const note = '经核查，起火原因系被保险人在仓库内违规使用明火，属责任免除情形。';
    const denied = expectStatus(await decide(claimId, { decision: 'deny', reasonCode: 'excluded_cause', note }), 200).body;
    const res = await notice(claimId);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename="${denied.claimNo}-denial-notice.pdf"`);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('拒赔通知书'));

    const pdf = res.body as Buffer;
    const pages = await extractPdfLines(pdf);
    expect(pages).toHaveLength(1);
    const lines = pages.flat().map((l) => l.text);
    const flowing = lines.join('');
    const decidedAt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' })
      .format(new Date(denied.approval.decidedAt));
    expect(lines[0]).toBe('社会治安综合保险拒赔通知书');
    expect(lines).toContain('王秀英：');
    expect(flowing).toContain(`理赔编号 ${denied.claimNo}`);
    expect(flowing).toContain(`拒赔日期 ${decidedAt}`);
    expect(lines).toContain('拒赔理由 属于责任免除情形');
    expect(flowing).toContain('依据条款 保险条款“责任免除”：被保险人故意行为、违法犯罪行为等所致损失，保险人不负责赔偿');
    expect(flowing).toContain(`具体说明 ${note}`);
    expect(flowing).toContain('自收到本通知书之日起 30 日内');
    expect(flowing).toContain('海沧区社会治安综合治理办公室或中国人民财产保险股份有限公司厦门市分公司申请复核');
    expect(flowing).toContain('依法申请仲裁或向人民法院提起诉讼');
    expect(flowing).not.toContain('excluded_cause');

    const [png] = await renderPdfPages(pdf, 110);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([910, 1287]);

    const [audit] = await t.db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`, [claimId]);
    expect(audit.action).toBe('claim.denial_notice_export');
  });

  it('is 409 for a claim that is not denied and 404 outside the caller\'s scope', async () => {
    const claimId = await assessedClaim();
    const early = await notice(claimId);
    expect(early.status).toBe(409);
    expect(JSON.parse((early.body as Buffer).toString('utf8'))).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ currentStatus: 'assessed' }] });
    expectStatus(await decide(claimId, { decision: 'deny', reasonCode: 'not_covered' }), 200);
    expect((await notice(claimId, 'jm.officer')).status).toBe(404);
    expect((await notice(claimId, 'xy.cadre')).status).toBe(404);
    expect((await notice(claimId, 'hc.cadre2')).status).toBe(200);
  });
});
