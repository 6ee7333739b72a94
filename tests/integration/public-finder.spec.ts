import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicGroupPage, RegisterResponse } from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { PRIVACY_NOTICE_VERSION } from '../../apps/api/src/registration/registration.settings';
import { makeSession } from './support/planning-factory';
import { makeGroup } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 3_600_000;

describe('What parents find: one horizon for a group page and its registration', () => {
  let t: TestApp;
  const now = new Date('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test' });
    t.app.get(Clock).now = () => now;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should list on a series page every date that registering takes, also past the finder’s eight weeks', async () => {
    const groupId = await makeGroup(t, { title: 'Babybabbels' });
    await t.db.query(`UPDATE parent_group SET kind = 'series' WHERE id = $1`, [groupId]);
    // Weekly for twelve weeks, the planning horizon: four of them beyond the finder's eight weeks.
    const sessions: string[] = [];
    for (let week = 0; week < 12; week++) {
      const startsAt = new Date(now.getTime() + (week * 7 + 1) * DAY);
      sessions.push((await makeSession(t, { groupId, capacity: 10, startsAt, seriesDate: startsAt.toISOString().slice(0, 10) })).sessionId);
    }

    const page = (await (await t.request(`/api/v1/public/groups/${groupId}`)).json()) as PublicGroupPage;
    expect(page.sessions.map((s) => s.id)).toEqual(sessions);

    const xsrf = randomBytes(32).toString('base64url');
    const res = await t.request('/api/v1/public/registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': xsrf },
      body: JSON.stringify({
        groupId,
        displayName: 'Sara',
        phone: '0470123456',
        children: [],
        needs: [],
        locale: 'nl',
        consentNoticeVersion: PRIVACY_NOTICE_VERSION,
        consentGiven: true,
      }),
    });
    expect(res.status).toBe(201);
    const registered = (await res.json()) as RegisterResponse;
    expect(registered.registrations.map((r) => r.sessionId)).toEqual(page.sessions.map((s) => s.id));

    // The finder itself still looks eight weeks ahead.
    const found = (await (await t.request('/api/v1/public/sessions')).json()) as Array<{ id: string }>;
    expect(found.filter((s) => sessions.includes(s.id))).toHaveLength(8);
  });
});
