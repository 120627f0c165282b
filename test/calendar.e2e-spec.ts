import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API, createTestApp, type TestApp } from './support/test-app.js';

describe('working-day calendar', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('serves the seeded State Council calendar to every signed-in user', async () => {
    const res = await t.http().get(`${API}/calendar/2026`).set('Authorization', await t.login('hc.cadre1')).expect(200);
    expect(res.body.year).toBe(2026);
    expect(res.body.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-17', '2026-10-01', '2026-10-07']));
    expect(res.body.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    const unknown = await t.http().get(`${API}/calendar/2030`).set('Authorization', await t.login('hc.cadre1')).expect(200);
    expect(unknown.body).toEqual({ year: 2030, holidays: [], workdays: [] });
  });

  it('needs a token; only an admin replaces a year', async () => {
    await t.http().get(`${API}/calendar/2026`).expect(401);
    const res = await t.http().put(`${API}/calendar/2030`).set('Authorization', await t.login('hc.officer'))
      .send({ holidays: [], workdays: [] }).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('an admin replaces a year; the change is audited', async () => {
    const admin = await t.login('admin');
    const body = { holidays: ['2030-10-03', '2030-10-01', '2030-10-02'], workdays: ['2030-09-29'] };
    const res = await t.http().put(`${API}/calendar/2030`).set('Authorization', admin).send(body).expect(200);
    expect(res.body).toEqual({ year: 2030, holidays: ['2030-10-01', '2030-10-02', '2030-10-03'], workdays: ['2030-09-29'] });
    await t.http().put(`${API}/calendar/2030`).set('Authorization', admin).send({ holidays: ['2030-10-01'], workdays: [] }).expect(200);
    const after = await t.http().get(`${API}/calendar/2030`).set('Authorization', admin).expect(200);
    expect(after.body).toEqual({ year: 2030, holidays: ['2030-10-01'], workdays: [] });
    const audit = await t.http().get(`${API}/audit?entity=calendar&entityId=2030`).set('Authorization', admin).expect(200);
    expect(audit.body.items).toHaveLength(2);
  });

  it.each([
    ['a date of another year', { holidays: ['2027-01-01'], workdays: [] }, 'holidays'],
    ['a weekday as make-up working day', { holidays: [], workdays: ['2026-10-08'] }, 'workdays'],
    ['one day in both lists', { holidays: ['2026-10-10'], workdays: ['2026-10-10'] }, 'workdays'],
    ['an impossible date', { holidays: ['2026-02-30'], workdays: [] }, 'holidays'],
    ['a missing list', { holidays: [] }, 'workdays'],
  ])('refuses %s with 400 and leaves the year as it was', async (_, body, field) => {
    const admin = await t.login('admin');
    const before = await t.http().get(`${API}/calendar/2026`).set('Authorization', admin).expect(200);
    const res = await t.http().put(`${API}/calendar/2026`).set('Authorization', admin).send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details[0].field).toBe(field);
    const after = await t.http().get(`${API}/calendar/2026`).set('Authorization', admin).expect(200);
    expect(after.body).toEqual(before.body);
  });

  it.each(['1999', '20x6', '2101'])('refuses the year %s with 400', async (year) => {
    const res = await t.http().get(`${API}/calendar/${year}`).set('Authorization', await t.login('admin')).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
