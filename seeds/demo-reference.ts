import type { Seed } from './seed.js';
import { insertRows } from './seed.js';

/** Demo passwords: for a local demo only, printed by `npm start` and listed in the README. */
export const DEMO_PASSWORD = 'zongzhi-demo-2026';
export const DEMO_INSURER_ID = '8b0c7a52-3f1e-4c1a-9d53-2a6f0e1c0001';

export const DEMO_DISTRICTS = [
  { code: '350205', name: '海沧区', streets: [['350205001', '海沧街道'], ['350205002', '新阳街道'], ['350205003', '嵩屿街道'], ['350205004', '东孚街道']] },
  { code: '350211', name: '集美区', streets: [['350211001', '集美街道'], ['350211002', '侨英街道'], ['350211003', '杏林街道'], ['350211004', '杏滨街道'], ['350211100', '灌口镇'], ['350211101', '后溪镇']] },
] as const;

export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'hc.officer', displayName: '海沧区委政法委 林主任', role: 'district_officer', districtCode: '350205' },
  { username: 'jm.officer', displayName: '集美区委政法委 王主任', role: 'district_officer', districtCode: '350211' },
  { username: 'hc.cadre1', displayName: '海沧街道 陈综治', role: 'street_cadre', districtCode: '350205', streetCode: '350205001' },
  { username: 'hc.cadre2', displayName: '海沧街道 黄网格', role: 'street_cadre', districtCode: '350205', streetCode: '350205001' },
  { username: 'xy.cadre', displayName: '新阳街道 郑综治', role: 'street_cadre', districtCode: '350205', streetCode: '350205002' },
  { username: 'jm.cadre', displayName: '集美街道 吴综治', role: 'street_cadre', districtCode: '350211', streetCode: '350211001' },
  { username: 'picc.adjuster', displayName: '人保理赔员 张敏', role: 'insurer_adjuster', insurerId: DEMO_INSURER_ID, approvalLimit: '5000000' },
  { username: 'picc.manager', displayName: '人保理赔主管 刘强', role: 'insurer_manager', insurerId: DEMO_INSURER_ID, approvalLimit: '50000000' },
] as const;

export const demoReference: Seed = {
  name: 'demo-reference',
  async run(tx, context) {
    await insertRows(tx, 'district', ['code', 'name'], DEMO_DISTRICTS.map((d) => [d.code, d.name]));
    await insertRows(tx, 'street', ['code', 'name', 'district_code'],
      DEMO_DISTRICTS.flatMap((d) => d.streets.map(([code, name]) => [code, name, d.code])));
    await insertRows(tx, 'insurer', ['id', 'name', 'short_name'],
      [[DEMO_INSURER_ID, '中国人民财产保险股份有限公司厦门市分公司', '人保财险厦门分公司']]);
    const passwordHash = await context.hashPassword(DEMO_PASSWORD);
    await insertRows(tx, 'app_user',
      ['username', 'password_hash', 'display_name', 'role', 'district_code', 'street_code', 'insurer_id', 'approval_limit'],
      DEMO_USERS.map((u) => [u.username, passwordHash, u.displayName, u.role,
        'districtCode' in u ? u.districtCode : null, 'streetCode' in u ? u.streetCode : null,
        'insurerId' in u ? u.insurerId : null, 'approvalLimit' in u ? u.approvalLimit : null]),
      'ON CONFLICT DO NOTHING');
  },
};
