/**
 * What the fuzz tests send to each route: the caller (a user with the right
 * role and scope), the real objects its path names and a valid body or query,
 * which the arbitraries then break. test/fuzz-queries.e2e-spec.ts fails for a
 * write route or a list query of the app without an entry here.
 */
import { afterAll, beforeAll } from '@jest/globals';
import fc from 'fast-check';
import { DEMO_PASSWORD } from '../../seeds/index.js';
import { claimInState, type ClaimState } from './domain-steps.js';
import {
  applyMutations, bodyFields, bodyPlan, hostilePathSegment, queryString, type BodyPlan,
} from './fuzz-arbitraries.js';
import { describeValue, FuzzChecker, fuzzParameters, operationOf } from './fuzz-property.js';
import { claimInput, createResident, recentDate, shanghaiToday, uniqueIdNumber, uniquePhone } from './fixtures.js';
import { API, createTestApp, type TestApp } from './test-app.js';
import { siteVisit } from './workflow-steps.js';

export interface FuzzContext {
  t: TestApp;
  /** A resident of 海沧街道, registered by hc.cadre1. */
  residentId: string;
  residentIdNumber: string;
  /** The insurer of 海沧区's policies. */
  piccId: string;
  next(): number;
  claim(state: ClaimState): Promise<string>;
}

export interface FuzzTarget {
  /** The caller's username; null for a public route. */
  as: string | null;
  /** The path's parameters naming real objects the caller may act on. */
  params?: (ctx: FuzzContext) => Promise<Record<string, string>>;
  /** A body the route accepts (a fresh one each run: unique keys stay unique). */
  body?: (ctx: FuzzContext) => unknown | Promise<unknown>;
  /** Valid values of the documented query parameters. */
  query?: (ctx: FuzzContext) => Promise<Record<string, string>>;
  /** Valid values of headers the route needs. */
  headers?: (ctx: FuzzContext) => Record<string, string>;
  /** A success uses the path's object up (a claim moves on): the next run gets a new one. */
  consumes?: boolean;
}

export interface FuzzSuite {
  t: TestApp;
  checker: FuzzChecker;
  ctx: FuzzContext;
}

/** A test app of the describe block's own, with the checker and context: filled in by beforeAll, closed by afterAll. */
export function fuzzSuite(env: Record<string, string> = {}, prepare: (suite: FuzzSuite) => Promise<void> = async () => undefined): FuzzSuite {
  const suite = {} as FuzzSuite;
  beforeAll(async () => {
    suite.t = await createTestApp(env);
    suite.checker = await FuzzChecker.create(suite.t);
    suite.ctx = await fuzzContext(suite.t);
    await prepare(suite);
  });
  afterAll(async () => { await suite.t.close(); });
  return suite;
}

export async function fuzzContext(t: TestApp): Promise<FuzzContext> {
  const { resident, input } = await createResident(t, await t.login('hc.cadre1'));
  const [{ id: piccId }] = await t.db.query(`SELECT insurer_id AS id FROM policy WHERE district_code = '350205' AND year = 2022`);
  let counter = 0;
  return { t, residentId: resident.id, residentIdNumber: input.idNumber, piccId, next: () => ++counter, claim: (state) => claimInState(t, resident.id, state) };
}

async function created(ctx: FuzzContext, path: string, body: object, as = 'admin'): Promise<string> {
  const res = await ctx.t.http().post(`${API}${path}`).set('Authorization', await ctx.t.login(as)).send(body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
  return res.body.id as string;
}

const policyBody = (ctx: FuzzContext, year = 2041 + (ctx.next() % 59)) => ({
  policyNo: `PICC-ZZ-350205-${year}-F${ctx.next()}`, districtCode: '350205', insurerId: ctx.piccId, year,
  periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, premium: '1000000.00', aggregateLimit: '5000000.00', fourEyesThreshold: '50000.00',
  deadlines: { verifyWorkingDays: 5, assessWorkingDays: 10, decideDays: 5, payWorkingDays: 10, denialNoticeDays: 3 },
  coverages: [{ eventType: 'fire', perClaimLimit: '30000.00', perPersonAnnualLimit: '50000.00', deductible: '0.00', payoutRatioBp: 10000, reportWindowDays: 30 }],
});
/** Drafts in years no other draft of these tests activates, so each activation may succeed. */
let activationYear = 2040;
const draftPolicy = (ctx: FuzzContext, year?: number) => created(ctx, '/policies', policyBody(ctx, year));
const claimIn = (state: ClaimState) => async (ctx: FuzzContext) => ({ id: await ctx.claim(state) });
const once = <T>(make: (ctx: FuzzContext) => Promise<T>) => {
  let made: Promise<T> | undefined;
  return (ctx: FuzzContext) => (made ??= make(ctx));
};

/** The JSON write routes, other than the claim workflow's. */
export const REFERENCE_TARGETS: Record<string, FuzzTarget> = {
  'POST /api/v1/auth/login': { as: null, body: () => ({ username: 'hc.cadre1', password: DEMO_PASSWORD }) },
  'POST /api/v1/users': {
    as: 'admin',
    body: (ctx) => ({ username: `fuzz.cadre${ctx.next()}`, password: 'fuzz-cadre-2026', displayName: '模糊测试干部', role: 'street_cadre', streetCode: '350205001' }),
  },
  'PATCH /api/v1/users/:id': {
    as: 'hc.officer',
    params: once(async (ctx) => ({ id: await created(ctx, '/users', { username: 'fuzz.patched', password: 'fuzz-cadre-2026', displayName: '被改干部', role: 'street_cadre', streetCode: '350205001' }) })),
    body: () => ({ displayName: '改名', active: true }),
  },
  'POST /api/v1/districts': { as: 'admin', body: (ctx) => ({ code: String(351000 + ctx.next()), name: `模糊区${ctx.next()}` }) },
  'POST /api/v1/districts/:code/streets': {
    as: 'hc.officer', params: async () => ({ code: '350205' }),
    body: (ctx) => ({ code: `350205${String(100 + (ctx.next() % 899)).padStart(3, '0')}`, name: `模糊街道${ctx.next()}` }),
  },
  'POST /api/v1/insurers': { as: 'admin', body: (ctx) => ({ name: `模糊测试保险公司${ctx.next()}`, shortName: '模糊保险' }) },
  'POST /api/v1/event-types': {
    as: 'admin',
    body: (ctx) => ({
      code: `fuzz_event_${ctx.next()}`, nameZh: '模糊事件', nameEn: 'Fuzz event', category: 'property', requiredDocuments: ['id_card'],
      defaults: { perClaimLimit: '1000.00', deductible: '0.00', payoutRatioBp: 10000, reportWindowDays: 30 },
    }),
  },
  // A reminder of hc.cadre2's (the sweep's row); marking it read again changes nothing.
  'POST /api/v1/me/notifications/:id/read': {
    as: 'hc.cadre2',
    params: once(async (ctx) => {
      const [{ id }]: { id: string }[] = await ctx.t.db.query(
        `INSERT INTO staff_reminder (claim_id, user_id, stage, kind, due_date)
         SELECT $1, id, 'verify', 'overdue', '2026-01-05' FROM app_user WHERE username = 'hc.cadre2' RETURNING id`, [await ctx.claim('reported')]);
      return { id };
    }),
  },
  'PATCH /api/v1/event-types/:code': {
    as: 'admin', params: async () => ({ code: 'vehicle_theft' }),
    body: () => ({ nameZh: '机动车被盗', requiredDocuments: ['id_card', 'police_report', 'bank_card'], defaults: { reportWindowDays: 30 } }),
  },
  'PUT /api/v1/calendar/:year': { as: 'admin', params: async () => ({ year: '2039' }), body: () => ({ holidays: ['2039-10-03', '2039-10-04'], workdays: ['2039-10-08'] }) },
  'POST /api/v1/policies': { as: 'admin', body: (ctx) => policyBody(ctx) },
  'PATCH /api/v1/policies/:id': {
    as: 'hc.officer', params: once(async (ctx) => ({ id: await draftPolicy(ctx) })),
    body: () => ({ premium: '1200000.00', fourEyesThreshold: '40000.00', coverages: [{ eventType: 'burglary', perClaimLimit: '20000.00' }] }),
  },
  'POST /api/v1/policies/:id/activate': { as: 'hc.officer', consumes: true, params: async (ctx) => ({ id: await draftPolicy(ctx, activationYear++) }) },
  'POST /api/v1/residents': {
    as: 'hc.cadre1',
    body: () => ({ name: '林志强', idNumber: uniqueIdNumber(), phone: uniquePhone(), streetCode: '350205001', address: '海沧街道新垵村8号', coverBasis: 'resident' }),
  },
  'POST /api/v1/residents/:id/reveal': { as: 'hc.cadre1', params: async (ctx) => ({ id: ctx.residentId }) },
  'POST /api/v1/public/claim-status': {
    as: null,
    body: async (ctx) => ({ claimNo: await publicClaimNo(ctx), idNumberLast6: ctx.residentIdNumber.slice(-6) }),
  },
};

let lookedUp: Promise<string> | undefined;
/** The claim number of a claim of the context's resident, for the residents' own lookup. */
function publicClaimNo(ctx: FuzzContext): Promise<string> {
  lookedUp ??= ctx.claim('reported').then(async (id) => {
    const [{ claimNo }] = await ctx.t.db.query(`SELECT claim_no AS "claimNo" FROM claim WHERE id = $1`, [id]);
    return claimNo as string;
  });
  return lookedUp;
}

/** The claim workflow's JSON write routes; each gets a claim in the state its action needs. */
export const CLAIM_TARGETS: Record<string, FuzzTarget> = {
  'POST /api/v1/claims': { as: 'hc.cadre1', body: (ctx) => claimInput(ctx.residentId) },
  'POST /api/v1/claims/:id/withdraw': { as: 'hc.cadre1', consumes: true, params: claimIn('reported'), body: () => ({ reason: '误报' }) },
  'POST /api/v1/claims/:id/verification/start': { as: 'hc.cadre2', consumes: true, params: claimIn('reported') },
  'POST /api/v1/claims/:id/verification': { as: 'hc.cadre2', consumes: true, params: claimIn('verifying'), body: () => siteVisit('1000.00') },
  'POST /api/v1/claims/:id/return': { as: 'hc.cadre2', consumes: true, params: claimIn('verifying'), body: () => ({ reason: '请补充现场照片' }) },
  'POST /api/v1/claims/:id/resubmit': { as: 'hc.cadre1', consumes: true, params: claimIn('needs_info') },
  'POST /api/v1/claims/:id/assessment': {
    as: 'picc.adjuster', consumes: true, params: claimIn('verified'), body: () => ({ amount: '900.00', reason: '部分损失不属保险责任' }),
  },
  'POST /api/v1/claims/:id/decision': { as: 'picc.manager', consumes: true, params: claimIn('assessed'), body: () => ({ decision: 'approve', note: '同意赔付' }) },
  'POST /api/v1/claims/:id/payment': {
    as: 'picc.manager', consumes: true, params: claimIn('approved'),
    headers: (ctx) => ({ 'Idempotency-Key': `fuzz-payment-${ctx.next()}` }),
    body: (ctx) => ({ paidAt: new Date().toISOString(), bankReference: `ICBC-FUZZ-${ctx.next()}` }),
  },
  'POST /api/v1/claims/:id/close': { as: 'picc.manager', consumes: true, params: claimIn('denied') },
};

const page = { page: '1', pageSize: '20' };
const claimFilters = async () => ({ ...page, status: 'reported,verifying', flags: 'HIGH_AMOUNT', overdue: 'false', eventType: 'fire', streetCode: '350205001', from: recentDate(30), to: shanghaiToday(), q: '陈' });

/** Every list query (a GET with query parameters), with valid values of its parameters. */
export const QUERY_TARGETS: Record<string, FuzzTarget> = {
  'GET /api/v1/audit': { as: 'admin', query: async (ctx) => ({ ...page, entity: 'claim', entityId: await ctx.claim('reported') }) },
  'GET /api/v1/users': { as: 'hc.officer', query: async () => ({ ...page, role: 'street_cadre' }) },
  'GET /api/v1/claims/overdue': { as: 'hc.officer', query: async () => ({ ...page, stage: 'verify' }) },
  'GET /api/v1/me/notifications': { as: 'hc.cadre2', query: async () => page },
  'GET /api/v1/policies': { as: 'picc.adjuster', query: async () => ({ ...page, districtCode: '350205', year: '2022', status: 'active' }) },
  'GET /api/v1/residents': { as: 'hc.cadre1', query: async () => ({ ...page, idNumber: uniqueIdNumber(), name: '陈美玲', streetCode: '350205001' }) },
  'GET /api/v1/reports/annual': { as: 'picc.manager', query: async () => ({ districtCode: '350205', year: '2022', format: 'csv' }) },
  'GET /api/v1/reports/multi-year': { as: 'hc.officer', query: async () => ({ districtCode: '350205', from: '2018', to: '2022', format: 'csv' }) },
  'GET /api/v1/claims': { as: 'hc.officer', query: claimFilters },
  'GET /api/v1/claims/export.xlsx': { as: 'hc.cadre1', query: claimFilters },
  'GET /api/v1/imports': { as: 'admin', query: async () => page },
  'GET /api/v1/imports/claims/template.xlsx': { as: 'hc.officer', query: async () => ({ districtCode: '350205', year: '2022' }) },
};

/** The multipart routes, fuzzed by test/fuzz-uploads.e2e-spec.ts with files of their own. */
export const UPLOAD_ROUTES = ['POST /api/v1/claims/:id/documents', 'POST /api/v1/imports/claims'];

interface RequestPlan {
  /** null: the real object; else a hostile segment in its place. */
  params: Record<string, string | null>;
  body?: BodyPlan;
  query?: string;
  /** 'valid', 'missing' or a value of the header. */
  headers: Record<string, string>;
}

const hostileHeader = fc.oneof(
  fc.constantFrom('missing', '', ' ', 'a'.repeat(201), 'x'.repeat(4000), `' OR 1=1 --`, '../../etc/passwd', 'fuzz-fixed-key', 'é', 'null'),
  // Only what an HTTP client can put in a header: tab, visible ASCII, Latin-1.
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '')),
);

/** Runs the fuzz property for one route under its target; the caller's token is fetched before the first request. */
export async function fuzzRoute(checker: FuzzChecker, ctx: FuzzContext, route: string, target: FuzzTarget): Promise<void> {
  const [verb, template] = route.split(' ');
  const method = verb.toLowerCase() as 'get' | 'post' | 'patch' | 'put';
  const operation = operationOf(checker.openApi, route);
  const paramNames = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const jsonSchema = operation.requestBody?.content['application/json']?.schema;
  const queryParameters = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const validQuery = target.query ? await target.query(ctx) : {};
  const headerNames = Object.keys(target.headers?.(ctx) ?? {});

  const plan: fc.Arbitrary<RequestPlan> = fc.record({
    params: fc.record(Object.fromEntries(paramNames.map((name) => [name, fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: hostilePathSegment, weight: 1 })]))),
    headers: fc.record(Object.fromEntries(headerNames.map((name) => [name, fc.oneof({ arbitrary: fc.constant('valid'), weight: 6 }, { arbitrary: hostileHeader, weight: 1 })]))),
    ...(method !== 'get' ? { body: bodyPlan(jsonSchema ? bodyFields(checker.openApi, jsonSchema) : []) } : {}),
    ...(queryParameters.length ? { query: queryString(queryParameters, validQuery) } : {}),
  });
  const auth = target.as ? await ctx.t.login(target.as) : undefined;
  let params = target.params ? await target.params(ctx) : {};
  checker.forgetState();

  await fc.assert(fc.asyncProperty(plan, async (p) => {
    const path = template.replace(/:(\w+)/g, (_, name: string) => p.params[name] ?? encodeURIComponent(params[name]));
    const url = p.query !== undefined ? `${path}?${p.query}` : path;
    const valid = target.headers?.(ctx) ?? {};
    const headers = Object.fromEntries(Object.entries(p.headers).flatMap(([name, value]) =>
      value === 'missing' ? [] : [[name, value === 'valid' ? valid[name] : value]]));
    const body = p.body?.kind === 'json' ? applyMutations((await target.body?.(ctx)) ?? {}, p.body.mutations) : undefined;
    const send = () => {
      let request = ctx.t.http()[method](url);
      if (auth) request = request.set('Authorization', auth);
      for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
      if (p.body?.kind === 'raw') return request.set('Content-Type', p.body.contentType).send(p.body.text);
      if (p.body?.kind === 'json' && p.body.urlencoded) return request.set('Content-Type', 'application/x-www-form-urlencoded').send(formEncoded(body));
      return body === undefined ? request : request.send(body as object);
    };
    const res = await checker.check(route, send, () => `${verb} ${url.slice(0, 300)} headers ${describeValue(headers)} body ${
      p.body?.kind === 'raw' ? `(${p.body.contentType}) ${p.body.text.slice(0, 200)}` : describeValue(body)}`);
    if (target.consumes && target.params && res.status < 300) {
      params = await target.params(ctx);
      checker.forgetState();
    }
  }), fuzzParameters());
}

/** A body as an HTML form would send it: top-level keys, other values as their JSON. */
function formEncoded(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const encode = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return '%ED%A0%80';
    }
  };
  return Object.entries(body).map(([key, value]) => `${encode(key)}=${encode(typeof value === 'string' ? value : JSON.stringify(value) ?? '')}`).join('&');
}
