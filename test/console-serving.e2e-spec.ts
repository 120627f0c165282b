import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from '@hey-api/openapi-ts';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import generatorConfig from '../web/openapi-ts.config.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [relative(dir, f), await readFile(f, 'utf8')] as const)));
}

/** The console served by the app at / (built by npm run build into dist/web), and its generated client kept in step with the API. */
describe('the web console', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('is served at / as HTML in Chinese', async () => {
    const res = await t.http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toContain('综治保险理赔');
  });

  it('answers the console\'s own paths with index.html, so a reload of /claims/… opens the console', async () => {
    const res = await t.http().get('/claims/0b8a6f0e-4c55-4a8e-9d43-3b2f1c1d2e3f').expect(200);
    expect(res.text).toContain('<div id="root"></div>');
  });

  it('serves the built assets and the Chinese web font', async () => {
    const index = (await t.http().get('/').expect(200)).text;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const js = await t.http().get(script!).expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const fonts = (await readdir('dist/web/assets')).filter((f) => f.startsWith('noto-sans-sc-chinese-simplified-400') && f.endsWith('.woff2'));
    expect(fonts).toHaveLength(1);
    await t.http().get(`/assets/${fonts[0]}`).expect(200).expect('content-type', /font\/woff2/);
  });

  it('leaves API 404s as JSON error bodies, and /docs and /health to Nest', async () => {
    const res = await t.http().get(`${API}/no-such-route`).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await t.http().get('/docs-json').expect(200).expect('content-type', /json/);
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('allows previews of downloaded documents (blob: images and frames) in its content security policy', async () => {
    const csp = (await t.http().get('/').expect(200)).headers['content-security-policy'];
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).toMatch(/frame-src 'self' blob:/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
  });

  it('has a committed OpenAPI document and generated client that match the served document (else run npm run openapi)', async () => {
    const served = JSON.parse((await t.http().get('/docs-json').expect(200)).text);
    const committed = JSON.parse(await readFile('web/openapi.json', 'utf8'));
    expect(committed).toEqual(served);

    const dir = await mkdtemp(join(tmpdir(), 'zz-console-client-'));
    try {
      await writeFile(join(dir, 'openapi.json'), JSON.stringify(served));
      const config = await generatorConfig; // defineConfig returns a promise of the configuration
      await createClient({ ...config, input: join(dir, 'openapi.json'), output: { ...config.output as object, path: join(dir, 'api') } });
      const fresh = await filesUnder(join(dir, 'api'));
      const current = await filesUnder('web/src/api');
      expect([...current.keys()].sort()).toEqual([...fresh.keys()].sort());
      const stale = [...fresh].filter(([file, text]) => current.get(file) !== text).map(([file]) => file);
      expect(stale).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
