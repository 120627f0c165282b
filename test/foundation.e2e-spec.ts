import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API, createTestApp, type TestApp } from './support/test-app.js';

describe('foundation smoke', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('answers /health', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('lists event types for a logged-in user', async () => {
    const res = await t.http().get(`${API}/event-types`).set('Authorization', await t.login('hc.cadre1'));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(21);
  });
});
