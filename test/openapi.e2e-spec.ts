import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from '@hey-api/openapi-ts';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; schema?: { type?: string; format?: string } }[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type OpenApi = { servers?: { url: string }[]; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const where = (p: NormalizedProblem) => `${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`;

describe('the served OpenAPI document', () => {
  let t: TestApp;
  let source: string;
  let document: OpenApi;
  const operations = () => Object.entries(document.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get('/docs-json').expect(200);
    source = res.text;
    document = JSON.parse(source) as OpenApi;
  });
  afterAll(async () => { await t.close(); });

  // Warnings the document keeps on purpose: the health routes take no input, so
  // they have no 4xx answer; the project is private, so its licence has no URL.
  const ACCEPTED_WARNINGS = [
    'info-license-strict at #/info/license/url',
    'operation-4xx-response at #/paths/~1health/get/responses',
    'operation-4xx-response at #/paths/~1health~1ready/get/responses',
  ];

  it('passes the Redocly recommended ruleset: no errors, no warnings but the accepted ones', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'docs-json.json', config });
    expect(problems.filter((p) => p.severity === 'error').map(where)).toEqual([]);
    const warnings = problems.filter((p) => p.severity === 'warn');
    expect(warnings.map((p) => `${p.ruleId} at ${p.location.map((l) => l.pointer).join(', ')}`)).toEqual(ACCEPTED_WARNINGS);
  });

  it('types every property: no nullable string or number falls back to a bare object', () => {
    const untyped = Object.entries(document.components.schemas as Record<string, { properties?: Record<string, Record<string, unknown>> }>)
      .flatMap(([name, schema]) => Object.entries(schema.properties ?? {})
        .filter(([, property]) => property.type === 'object' && !property.properties && !property.additionalProperties && !property.allOf)
        .map(([field]) => `${name}.${field}`));
    expect(untyped).toEqual([]);
  });

  it('answers every error with the one error body schema', () => {
    const errors = operations().flatMap(({ route, operation }) => Object.entries(operation.responses)
      .filter(([status]) => Number(status) >= 400)
      .map(([status, response]) => [`${route} ${status}`, response.content?.['application/json']?.schema?.$ref]));
    expect(errors.length).toBeGreaterThan(100);
    expect(errors.filter(([, ref]) => ref !== '#/components/schemas/ErrorResponse')).toEqual([]);
  });

  it('lists the errors a decision really gives', () => {
    const decision = document.paths['/api/v1/claims/{id}/decision'].post;
    expect(Object.keys(decision.responses)).toEqual(['200', '400', '401', '403', '404', '409', '413', '422', '429', '503']);
  });

  it('documents the 401 of wrong credentials on login, the one public route that gives it', () => {
    expect(Object.keys(document.paths['/api/v1/auth/login'].post.responses)).toContain('401');
  });

  it('needs no token for login, health and the residents\' claim lookup, a bearer token for the rest', () => {
    const open = operations().filter(({ operation }) => operation.security?.length === 0).map(({ route }) => route);
    expect(open.sort()).toEqual(['GET /health', 'GET /health/ready', 'POST /api/v1/auth/login', 'POST /api/v1/public/claim-status']);
    const unauthorized = operations().filter(({ operation }) => operation.security?.length !== 0 && !operation.responses['401']);
    expect(unauthorized).toEqual([]);
  });

  it('types path ids as UUIDs and names a server', () => {
    const ids = operations().flatMap(({ route, operation }) => (operation.parameters ?? [])
      .filter((p) => p.in === 'path' && /^(id|\w+Id)$/.test(p.name)).map((p) => `${route} ${p.name} ${p.schema?.format}`));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !id.endsWith(' uuid'))).toEqual([]);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('describes downloads as binary content of their types', () => {
    const content = (path: string) => Object.fromEntries(Object.entries(document.paths[path].get.responses['200'].content ?? {})
      .map(([type, media]) => [type, media.schema]));
    const binary = { type: 'string', format: 'binary' };
    expect(content('/api/v1/claims/{id}/documents/{docId}')).toEqual({ 'application/pdf': binary, 'image/jpeg': binary, 'image/png': binary });
    expect(content('/api/v1/claims/{id}/notice.pdf')).toEqual({ 'application/pdf': binary });
    expect(content('/api/v1/reports/annual')).toEqual({
      'application/json': { $ref: '#/components/schemas/AnnualReportResponse' },
      'text/csv': binary,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary,
      'application/pdf': binary,
    });
  });

  it('generates a typed client that compiles', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zz-openapi-client-'));
    try {
      await writeFile(join(dir, 'openapi.json'), source);
      await createClient({ input: join(dir, 'openapi.json'), output: join(dir, 'client'), plugins: ['@hey-api/client-fetch'], logs: { level: 'silent' } });
      // A use of the client, so the check covers the generated operation and body types.
      await writeFile(join(dir, 'use.ts'), [
        "import { claimsControllerFile, claimsControllerDecide } from './client/index.js';",
        "export async function fileAndApprove(residentId: string) {",
        "  const filed = await claimsControllerFile({ body: { residentId, eventType: 'fire', incidentDate: '2026-03-01', incidentPlace: '新垵村',",
        "    description: '店铺失火', claimedAmount: '40000.00', payee: { accountName: '陈建国', bankName: '农行', accountNo: '6228480012345678901' } } });",
        "  if (!filed.data) return filed.error?.code;",
        "  const decided = await claimsControllerDecide({ path: { id: filed.data.id }, body: { decision: 'approve' } });",
        "  return decided.data?.status;",
        "}",
      ].join('\n'));
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom', 'dom.iterable'], skipLibCheck: false, types: [] },
        include: ['client/**/*.ts', 'use.ts'],
      }));
      const tsc = join(process.cwd(), 'node_modules/typescript/bin/tsc');
      const compiled = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]).then(() => '', (e: { stdout: string }) => e.stdout);
      expect(compiled).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
