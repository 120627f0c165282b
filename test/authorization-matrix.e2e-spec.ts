/**
 * Authorization matrix, generated from the routes the app registered: every
 * route × every role (and no token) × a caller in the object's scope and one
 * outside it, each cell an expected status.
 *
 * ADDING A ROUTE? Add one line to ROUTES, keyed as the app registers it:
 *
 *   'GET /api/v1/claims/:id/notifications': scoped(EVERY_ROLE, 200, claim('reported')),
 *
 * `scoped(roles, status, request)` — the roles that may call it get `status`
 * in scope and 404 out of it, every other role 403, no token 401; `open(…)`
 * is the same for routes whose objects are not scoped; `PUBLIC` needs no token.
 * The request builder makes the object in the state the call needs (a fresh
 * one when the call changes it). The test fails for a registered route
 * without a line, and for a line without a route.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import type { AuthUser } from '../src/auth/auth-user.js';
import { Role } from '../src/auth/role.js';
import { ClaimDocumentsService } from '../src/claims/claim-documents.service.js';
import { asUser, claimInState, type ClaimState } from './support/domain-steps.js';
import { claimInput, createResident, PNG_BYTES, uniqueIdNumber, uniquePhone } from './support/fixtures.js';
import { ledgerFile } from './support/ledger-files.js';
import { API, createTestApp, registeredRoutes, type TestApp } from './support/test-app.js';
import { siteVisit } from './support/workflow-steps.js';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Outcome = number | 'hidden';

interface Call {
  path: string;
  query?: Record<string, string>;
  body?: object;
  headers?: Record<string, string>;
  /** A multipart upload: the file and the form's text fields. */
  file?: { fields: Record<string, string>; content: Buffer; fileName: string };
  /** An object a list answer must contain in scope and must not contain out of it ('hidden'). */
  listed?: string;
}

interface Entry {
  /** The status each role that may call the route gets in scope; other roles get 403. */
  allow: Partial<Record<Role, number>>;
  /** What the caller of the same role outside the object's scope gets: 404 unless said otherwise. */
  outside?: Partial<Record<Role, Outcome>>;
  public?: number;
  call: (role: Role | null) => Promise<Call>;
}

const EVERY_ROLE = Object.values(Role);
const INSURER = [Role.InsurerAdjuster, Role.InsurerManager];
const allow = (roles: readonly Role[], status: number) => Object.fromEntries(roles.map((role) => [role, status]));

function scoped(roles: readonly Role[], status: number, call: Entry['call'], outside: Entry['outside'] = {}): Entry {
  return { allow: allow(roles, status), outside, call };
}
/** Objects everyone with the role sees: the caller from elsewhere gets the same answer. */
function open(roles: readonly Role[], status: number, call: Entry['call']): Entry {
  return { allow: allow(roles, status), outside: allow(roles, status), call };
}
const PUBLIC = (status: number, call: Entry['call'] = async () => ({ path: '' })): Entry => ({ allow: {}, public: status, call });

/**
 * For each role: a user inside the scope of the objects the matrix makes (海沧区,
 * its street 350205001, the insurer PICC) and one of the same role outside it.
 * The claims are filed by hc.cadre1, so hc.cadre2 may verify them.
 */
const ACTORS: Record<Role, { inside: string; outside?: string }> = {
  [Role.Admin]: { inside: 'admin' },
  [Role.DistrictOfficer]: { inside: 'hc.officer', outside: 'jm.officer' },
  [Role.StreetCadre]: { inside: 'hc.cadre2', outside: 'xy.cadre' },
  [Role.InsurerAdjuster]: { inside: 'picc.adjuster', outside: 'cpic.adjuster' },
  [Role.InsurerManager]: { inside: 'picc.manager', outside: 'cpic.manager' },
};
const CPIC_PASSWORD = 'other-insurer-2026';

let t: TestApp;
let residentId: string;
/** Its ID number: the public status lookup asks for the last six characters. */
let residentIdNumber: string;
let counter = 0;
const next = () => ++counter;

const shared = new Map<string, Promise<string>>();

const newClaim = (state: ClaimState) => claimInState(t, residentId, state);

/** One claim in the state for calls that leave it as it is. */
const sharedClaim = (state: ClaimState) => {
  if (!shared.has(state)) shared.set(state, newClaim(state));
  return shared.get(state)!;
};

/** A reminder to `username` of a shared claim, as the sweep writes it. */
const reminderOf = async (username: string): Promise<string> => {
  const [{ id }]: { id: string }[] = await t.db.query(
    `INSERT INTO staff_reminder (claim_id, user_id, stage, kind, due_date)
     SELECT $1, id, 'verify', 'overdue', '2026-01-05' FROM app_user WHERE username = $2 RETURNING id`, [await sharedClaim('reported'), username]);
  return id;
};

const readClaim = (state: ClaimState, suffix = '') => async (): Promise<Call> => ({ path: `/claims/${await sharedClaim(state)}${suffix}` });
const changeClaim = (state: ClaimState | ((role: Role | null) => ClaimState), suffix: string, body: object = {}) =>
  async (role: Role | null): Promise<Call> => ({
    path: `/claims/${await newClaim(typeof state === 'function' ? state(role) : state)}${suffix}`, body,
  });

let sharedDocument: Promise<{ claimId: string; documentId: string }> | undefined;
function documentOfClaim() {
  sharedDocument ??= (async () => {
    const claimId = await sharedClaim('reported');
    const document = await t.app.get(ClaimDocumentsService).upload(await asUser(t, 'hc.cadre1'), claimId, { type: 'photo' },
      { originalname: 'scene.png', buffer: PNG_BYTES });
    return { claimId, documentId: document.id };
  })();
  return sharedDocument;
}

async function draftPolicy(year: number): Promise<string> {
  const res = await send('admin', { path: '/policies', body: policyBody(year) }, 'post');
  if (res.status !== 201) throw new Error(`draft policy: ${res.status} ${res.text}`);
  return res.body.id as string;
}

function policyBody(year: number) {
  return {
    policyNo: `PICC-ZZ-350205-${year}-M${next()}`, districtCode: '350205', insurerId: piccId, year,
    periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, premium: '1000000.00', aggregateLimit: '5000000.00',
    fourEyesThreshold: '50000.00', coverages: [{ eventType: 'fire' }],
  };
}
/** The insurer of 海沧区's policies. */
let piccId: string;

/** A cadre of 海沧街道 to change, made by the admin. */
async function cadreUser(): Promise<string> {
  const res = await send('admin', { path: '/users', body: cadreBody() }, 'post');
  if (res.status !== 201) throw new Error(`cadre user: ${res.status} ${res.text}`);
  return res.body.id as string;
}
const cadreBody = () => ({ username: `matrix.cadre${next()}`, password: 'matrix-cadre-2026', displayName: '矩阵测试干部', role: 'street_cadre', streetCode: '350205001' });
const residentBody = () => ({
  name: '林志强', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001', address: '海沧街道新垵村8号', coverBasis: 'resident',
});

// Years with no policy of 海沧区, one per activation.
let policyYear = 2040;

const ROUTES: Record<string, Entry> = {
  'POST /api/v1/auth/login': PUBLIC(200, async () => ({ path: '/auth/login', body: { username: 'hc.cadre1', password: 'zongzhi-demo-2026' } })),
  // Six lookups of one claim: under the per-claim-number limit.
  'POST /api/v1/public/claim-status': PUBLIC(200, async () => ({
    path: '/public/claim-status', body: { claimNo: await claimNoOf(await sharedClaim('reported')), idNumberLast6: residentIdNumber.slice(-6) },
  })),
  'GET /health': PUBLIC(200),
  'GET /health/ready': PUBLIC(200),
  'GET /docs': PUBLIC(200),
  'GET /docs/': PUBLIC(200),
  'GET /docs/index.html': PUBLIC(200),
  // Registered by the Swagger UI setup for a file its package does not ship.
  'GET /docs/LICENSE': PUBLIC(404),
  'GET /docs/swagger-ui-init.js': PUBLIC(200),
  'GET /docs/docs/swagger-ui-init.js': PUBLIC(200),
  'GET /docs-json': PUBLIC(200),
  'GET /docs-yaml': PUBLIC(200),
  // The web console's index.html, for / and every path outside /api, /docs and /health (src/console/console.module.ts).
  'GET {*any}': PUBLIC(200, async () => ({ path: '/' })),

  'GET /api/v1/me': open(EVERY_ROLE, 200, async () => ({ path: '/me' })),
  // The caller's own queue (what each role's holds: test/tasks.e2e-spec.ts).
  'GET /api/v1/me/tasks': open(EVERY_ROLE, 200, async () => ({ path: '/me/tasks' })),
  // The caller's own reminders (test/reminders.e2e-spec.ts); another user's is not found.
  'GET /api/v1/me/notifications': open(EVERY_ROLE, 200, async () => ({ path: '/me/notifications' })),
  'POST /api/v1/me/notifications/:id/read': scoped(EVERY_ROLE, 204, async (role) => ({ path: `/me/notifications/${await reminderOf(ACTORS[role!].inside)}/read` })),
  'POST /api/v1/users': scoped([Role.Admin, Role.DistrictOfficer], 201, async () => ({ path: '/users', body: cadreBody() }),
    // A cadre's street is reference data anyone may list; naming one of another district is a bad field.
    { [Role.DistrictOfficer]: 400 }),
  'GET /api/v1/users': scoped([Role.Admin, Role.DistrictOfficer], 200, async () => ({ path: '/users', listed: await cadreUser() }),
    { [Role.DistrictOfficer]: 'hidden' }),
  'PATCH /api/v1/users/:id': scoped([Role.Admin, Role.DistrictOfficer], 200, async () => ({ path: `/users/${await cadreUser()}`, body: { displayName: '改名' } })),

  'POST /api/v1/districts': scoped([Role.Admin], 201, async () => ({ path: '/districts', body: { code: String(350900 + next()), name: `测试区${counter}` } })),
  'GET /api/v1/districts': open(EVERY_ROLE, 200, async () => ({ path: '/districts' })),
  'POST /api/v1/districts/:code/streets': scoped([Role.Admin, Role.DistrictOfficer], 201,
    async () => ({ path: '/districts/350205/streets', body: { code: `350205${String(900 + next())}`, name: `测试街道${counter}` } })),
  // Every cadre of the district sees its streets; insurer staff only the districts their insurer holds a policy of.
  'GET /api/v1/districts/:code/streets': scoped(EVERY_ROLE, 200, async () => ({ path: '/districts/350205/streets' }), { [Role.StreetCadre]: 200 }),
  'POST /api/v1/insurers': scoped([Role.Admin], 201, async () => ({ path: '/insurers', body: { name: `测试保险公司${next()}` } })),
  'GET /api/v1/insurers': open(EVERY_ROLE, 200, async () => ({ path: '/insurers' })),
  'GET /api/v1/event-types': open(EVERY_ROLE, 200, async () => ({ path: '/event-types' })),
  'GET /api/v1/denial-reasons': open(EVERY_ROLE, 200, async () => ({ path: '/denial-reasons' })),
  'POST /api/v1/event-types': scoped([Role.Admin], 201, async () => ({
    path: '/event-types',
    body: {
      code: `matrix_event_${next()}`, nameZh: '测试事件', nameEn: 'Matrix event', category: 'property', requiredDocuments: ['id_card'],
      defaults: { perClaimLimit: '1000.00', deductible: '0.00', payoutRatioBp: 10000, reportWindowDays: 30 },
    },
  })),

  'PATCH /api/v1/event-types/:code': scoped([Role.Admin], 200, async () => ({ path: '/event-types/malicious_damage', body: { nameEn: 'Malicious damage' } })),

  'POST /api/v1/policies': scoped([Role.Admin, Role.DistrictOfficer], 201, async () => ({ path: '/policies', body: policyBody(policyYear++) }),
    { [Role.DistrictOfficer]: 403 }),
  'GET /api/v1/policies': scoped(EVERY_ROLE, 200, async () => ({ path: '/policies', query: { districtCode: '350205' }, listed: await sharedPolicy() }),
    { [Role.DistrictOfficer]: 'hidden', [Role.StreetCadre]: 200, [Role.InsurerAdjuster]: 'hidden', [Role.InsurerManager]: 'hidden' }),
  'GET /api/v1/policies/:id': scoped(EVERY_ROLE, 200, async () => ({ path: `/policies/${await sharedPolicy()}` }),
    { [Role.StreetCadre]: 200 }),
  'PATCH /api/v1/policies/:id': scoped([Role.Admin, Role.DistrictOfficer], 200,
    async () => ({ path: `/policies/${await draftPolicy(policyYear++)}`, body: { premium: '1200000.00' } })),
  'POST /api/v1/policies/:id/activate': scoped([Role.Admin, Role.DistrictOfficer], 200,
    async () => ({ path: `/policies/${await draftPolicy(policyYear++)}/activate` })),

  // The street is named in the body: another street's cadre or district's officer is told so (RESIDENT_OUT_OF_STREET / _DISTRICT).
  'POST /api/v1/residents': scoped([Role.StreetCadre, Role.DistrictOfficer], 201, async () => ({ path: '/residents', body: residentBody() }),
    { [Role.StreetCadre]: 422, [Role.DistrictOfficer]: 422 }),
  'GET /api/v1/residents': scoped([Role.StreetCadre, Role.DistrictOfficer, Role.Admin], 200,
    async () => ({ path: '/residents', query: { streetCode: '350205001' }, listed: residentId }),
    { [Role.StreetCadre]: 'hidden', [Role.DistrictOfficer]: 'hidden' }),
  'GET /api/v1/residents/:id': scoped([Role.StreetCadre, Role.DistrictOfficer, Role.Admin], 200, async () => ({ path: `/residents/${residentId}` })),
  'POST /api/v1/residents/:id/reveal': scoped([Role.StreetCadre, Role.DistrictOfficer], 200, async () => ({ path: `/residents/${residentId}/reveal` })),

  // The resident is named in the body: a cadre of another street is told it is not theirs (API.md RESIDENT_OUT_OF_STREET).
  'POST /api/v1/claims': scoped([Role.StreetCadre], 201,
    async () => ({ path: '/claims', body: claimInput(residentId, { eventType: 'fire', policeReportNo: undefined, claimedAmount: '500.00' }) }),
    { [Role.StreetCadre]: 422 }),
  'GET /api/v1/claims': scoped(EVERY_ROLE, 200, async () => ({ path: '/claims', query: { streetCode: '350205001' }, listed: await sharedClaim('reported') }),
    { [Role.StreetCadre]: 'hidden', [Role.DistrictOfficer]: 'hidden', [Role.InsurerAdjuster]: 'hidden', [Role.InsurerManager]: 'hidden' }),
  'GET /api/v1/claims/:id': scoped(EVERY_ROLE, 200, readClaim('reported')),
  'POST /api/v1/claims/:id/withdraw': scoped([Role.StreetCadre], 200, changeClaim('reported', '/withdraw', { reason: '误报' })),
  'POST /api/v1/claims/:id/documents': scoped([Role.StreetCadre], 201, async () => ({
    path: `/claims/${await sharedClaim('reported')}/documents`, file: { fields: { type: 'photo' }, content: PNG_BYTES, fileName: 'scene.png' },
  })),
  'GET /api/v1/claims/:id/documents/:docId': scoped(EVERY_ROLE, 200, async () => {
    const { claimId, documentId } = await documentOfClaim();
    return { path: `/claims/${claimId}/documents/${documentId}` };
  }),
  'POST /api/v1/claims/:id/verification/start': scoped([Role.StreetCadre], 200, changeClaim('reported', '/verification/start')),
  'POST /api/v1/claims/:id/verification': scoped([Role.StreetCadre], 200, changeClaim('verifying', '/verification', siteVisit('1000.00'))),
  // The street returns a claim during its verification, the insurer after it.
  'POST /api/v1/claims/:id/return': scoped([Role.StreetCadre, ...INSURER], 200,
    changeClaim((role) => (role === Role.StreetCadre ? 'verifying' : 'verified'), '/return', { reason: '请补充材料' })),
  'POST /api/v1/claims/:id/resubmit': scoped([Role.StreetCadre], 200, changeClaim('needs_info', '/resubmit')),
  'GET /api/v1/claims/:id/payout-quote': scoped([...INSURER, Role.DistrictOfficer], 200, readClaim('verified', '/payout-quote')),
  'POST /api/v1/claims/:id/assessment': scoped(INSURER, 200, changeClaim('verified', '/assessment')),
  'POST /api/v1/claims/:id/decision': scoped(INSURER, 200, changeClaim('assessed', '/decision', { decision: 'deny', reasonCode: 'other' })),
  'POST /api/v1/claims/:id/payment': scoped([Role.InsurerManager], 200, async () => ({
    path: `/claims/${await newClaim('approved')}/payment`, headers: { 'Idempotency-Key': `matrix-${next()}` },
    body: { paidAt: new Date().toISOString(), bankReference: `MATRIX-${counter}` },
  })),
  'POST /api/v1/claims/:id/close': scoped([...INSURER, Role.DistrictOfficer], 200, changeClaim('denied', '/close')),
  'GET /api/v1/claims/:id/notice.pdf': scoped(EVERY_ROLE, 200, readClaim('paid', '/notice.pdf')),
  'GET /api/v1/claims/:id/notifications': scoped(EVERY_ROLE, 200, readClaim('reported', '/notifications')),
  'GET /api/v1/claims/:id/denial-notice.pdf': scoped(EVERY_ROLE, 200, readClaim('denied', '/denial-notice.pdf')),
  'GET /api/v1/claims/overdue': scoped(EVERY_ROLE, 200, async () => ({ path: '/claims/overdue', listed: await overdueClaim() }),
    { [Role.StreetCadre]: 'hidden', [Role.DistrictOfficer]: 'hidden', [Role.InsurerAdjuster]: 'hidden', [Role.InsurerManager]: 'hidden' }),

  // The export holds what GET /claims lists: another scope's caller gets a ledger of their own claims.
  'GET /api/v1/claims/export.xlsx': open(EVERY_ROLE, 200, async () => ({ path: '/claims/export.xlsx' })),

  'POST /api/v1/imports/claims': scoped([Role.Admin, Role.DistrictOfficer], 200, async () => ({
    path: '/imports/claims', file: { fields: { districtCode: '350205', year: '2022', dryRun: 'true' }, content: await sharedLedger(), fileName: 'ledger.xlsx' },
  })),
  'GET /api/v1/imports': scoped([Role.Admin, Role.DistrictOfficer], 200, async () => ({ path: '/imports', listed: await sharedImport() }),
    { [Role.DistrictOfficer]: 'hidden' }),
  'GET /api/v1/imports/claims/template.xlsx': scoped([Role.Admin, Role.DistrictOfficer], 200,
    async () => ({ path: '/imports/claims/template.xlsx', query: { districtCode: '350205' } })),

  'GET /api/v1/calendar/:year': open(EVERY_ROLE, 200, async () => ({ path: '/calendar/2026' })),
  'PUT /api/v1/calendar/:year': scoped([Role.Admin], 200, async () => ({ path: '/calendar/2039', body: { holidays: ['2039-10-01'], workdays: [] } })),

  'GET /api/v1/reports/annual': scoped([Role.Admin, Role.DistrictOfficer, ...INSURER], 200,
    async () => ({ path: '/reports/annual', query: { districtCode: '350205', year: '2022' } })),
  'GET /api/v1/reports/multi-year': scoped([Role.Admin, Role.DistrictOfficer, ...INSURER], 200,
    async () => ({ path: '/reports/multi-year', query: { districtCode: '350205', from: '2018', to: '2022' } })),

  'GET /api/v1/audit': scoped([Role.Admin, Role.DistrictOfficer], 200,
    async () => ({ path: '/audit', query: { entity: 'claim', entityId: await sharedClaim('reported') }, listed: await sharedClaim('reported') }),
    { [Role.DistrictOfficer]: 'hidden' }),
  'GET /api/v1/audit/verify': open([Role.Admin, Role.DistrictOfficer], 200, async () => ({ path: '/audit/verify' })),
};

async function claimNoOf(id: string): Promise<string> {
  const [{ claimNo }]: { claimNo: string }[] = await t.db.query(`SELECT claim_no AS "claimNo" FROM claim WHERE id = $1`, [id]);
  return claimNo;
}

let overdue: Promise<string> | undefined;
/** A reported claim whose verification was due long ago (its clock moved back, not its status). */
function overdueClaim(): Promise<string> {
  overdue ??= newClaim('reported').then(async (id) => {
    await t.db.query(`UPDATE claim_deadline SET started_on = '2026-01-05', due_date = '2026-01-06' WHERE claim_id = $1 AND stage = 'verify'`, [id]);
    return id;
  });
  return overdue;
}

/** A one-row ledger of Haicang 2022 that passes every check (each call a file of its own: an imported file cannot come again). */
const oneRowLedger = () => ledgerFile([{ 报案日期: '2022-06-04', 出险日期: '2022-06-03', 街道: '海沧街道', 姓名: '陈建国', 身份证号: uniqueIdNumber(),
  联系电话: uniquePhone(), 事件类型: '火灾', 出险地点: '新垵村', 报损金额: 2000, 状态: '处理中' }]);

let ledger: Promise<Buffer> | undefined;
function sharedLedger(): Promise<Buffer> {
  ledger ??= oneRowLedger();
  return ledger;
}

/** One import of another such ledger by Haicang's officer. */
let imported: Promise<string> | undefined;
function sharedImport(): Promise<string> {
  imported ??= (async () => {
    const res = await t.http().post(`${API}/imports/claims`).set('Authorization', await t.login('hc.officer'))
      .field('districtCode', '350205').field('year', '2022').attach('file', await oneRowLedger(), 'imported.xlsx');
    if (res.status !== 201) throw new Error(`ledger import failed: ${res.status} ${res.text}`);
    return res.body.importId as string;
  })();
  return imported;
}

let sharedPolicyId: Promise<string> | undefined;
function sharedPolicy(): Promise<string> {
  sharedPolicyId ??= t.db.query(`SELECT id FROM policy WHERE district_code = '350205' AND year = 2022`).then((rows: { id: string }[]) => rows[0].id);
  return sharedPolicyId;
}

async function send(username: string | null, call: Call, method: Method): Promise<Response> {
  const url = call.path.startsWith('/api/') || !call.path.startsWith('/') || call.path === '/' || ['/health', '/docs'].some((p) => call.path.startsWith(p)) ? call.path : `${API}${call.path}`;
  let request = t.http()[method](url).query(call.query ?? {});
  if (username) request = request.set('Authorization', await t.login(username, username.startsWith('cpic.') ? CPIC_PASSWORD : undefined));
  for (const [name, value] of Object.entries(call.headers ?? {})) request = request.set(name, value);
  if (call.file) {
    for (const [name, value] of Object.entries(call.file.fields)) request = request.field(name, value);
    return request.attach('file', call.file.content, call.file.fileName);
  }
  return call.body ? request.send(call.body) : request;
}

/** The answer as the matrix sees it: the status, or 'hidden' for a list answer without the object. */
function outcome(res: Response, call: Call): Outcome {
  if (call.listed && res.status === 200) return JSON.stringify(res.body).includes(call.listed) ? 200 : 'hidden';
  return res.status;
}

describe('authorization matrix', () => {
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    ({ resident: { id: residentId }, input: { idNumber: residentIdNumber } } = await createResident(t, await t.login('hc.cadre1')));
    [{ id: piccId }] = await t.db.query(`SELECT insurer_id AS id FROM policy WHERE district_code = '350205' AND year = 2022`);
    const cpic = await t.http().post(`${API}/insurers`).set('Authorization', admin).send({ name: '中国太平洋财产保险股份有限公司厦门分公司' });
    for (const role of INSURER) {
      const res = await t.http().post(`${API}/users`).set('Authorization', admin).send({
        username: ACTORS[role].outside, password: CPIC_PASSWORD, displayName: '太保理赔', role, insurerId: cpic.body.id, approvalLimit: '500000.00',
      });
      if (res.status !== 201) throw new Error(`cpic user: ${res.status} ${res.text}`);
    }
  });
  afterAll(async () => { await t.close(); });

  it('has an entry for every route the app registered, and none for a route it did not', () => {
    const registered = registeredRoutes(t.app);
    expect({ withoutEntry: registered.filter((route) => !(route in ROUTES)), withoutRoute: Object.keys(ROUTES).filter((route) => !registered.includes(route)) })
      .toEqual({ withoutEntry: [], withoutRoute: [] });
  });

  it.each(Object.keys(ROUTES))('%s', async (route) => {
    const entry = ROUTES[route];
    const [verb, path] = route.split(' ');
    const method = verb.toLowerCase() as Method;
    const cells: { cell: string; expected: Outcome; got: Outcome; body?: string }[] = [];
    const check = async (cell: string, username: string | null, call: Call, expected: Outcome) => {
      const res = await send(username, call, method);
      const got = outcome(res, call);
      cells.push({ cell, expected, got, ...(got === expected ? {} : { body: res.text.slice(0, 300) }) });
    };

    if (entry.public !== undefined) {
      const call = await entry.call(null);
      const request = { ...call, path: call.path || path };
      await check('no token', null, request, entry.public);
      for (const role of EVERY_ROLE) await check(`${role} (${ACTORS[role].inside})`, ACTORS[role].inside, request, entry.public);
    } else {
      const allowed = EVERY_ROLE.filter((role) => entry.allow[role] !== undefined);
      // The callers who get no further than the guard, tried on the first allowed role's object.
      const first = await entry.call(allowed[0]);
      await check('no token', null, first, 401);
      for (const role of EVERY_ROLE.filter((r) => !allowed.includes(r))) {
        await check(`${role} inside (${ACTORS[role].inside})`, ACTORS[role].inside, first, 403);
        const outside = ACTORS[role].outside;
        if (outside) await check(`${role} outside (${outside})`, outside, first, 403);
      }
      for (const [index, role] of allowed.entries()) {
        const call = index === 0 ? first : await entry.call(role);
        const outside = ACTORS[role].outside;
        // Outside first: a caller out of scope must leave the object as it was for the one inside.
        if (outside) await check(`${role} outside (${outside})`, outside, call, entry.outside?.[role] ?? 404);
        await check(`${role} inside (${ACTORS[role].inside})`, ACTORS[role].inside, call, entry.allow[role]!);
      }
    }
    expect(cells.filter((c) => c.got !== c.expected)).toEqual([]);
  });
});
