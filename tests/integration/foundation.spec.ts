import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, PublicGroupList } from '@kring/domain';
import { MIGRATIONS } from '@kring/migrations';
import { DemoDataService } from '../../apps/api/src/demo/demo-data.service';
import { startTestApp, type TestApp } from './support/test-app';

describe('Foundation (API on a real database)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoDataService).seedIfEmpty();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('health', () => {
    it('should report the database up when it answers', async () => {
      const res = await t.request('/api/health');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.status).toBe('ok');
      expect(body.details.database.status).toBe('up');
    });

    it('should answer liveness without the version prefix', async () => {
      const res = await t.request('/api/health/live');
      expect(res.status).toBe(200);
      await expect(res.json()).resolves.toMatchObject({ status: 'ok' });
    });
  });

  describe('migrations', () => {
    it('should have applied every migration and built the schema from them', async () => {
      const applied = await t.db.query('SELECT name FROM migration ORDER BY id');
      expect(applied.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      await expect(t.db.showMigrations()).resolves.toBe(false);
      expect(t.db.options.synchronize).toBe(false);
    });

    it('should refuse a group without a Dutch title in the database itself', async () => {
      const [location] = await t.db.query(`SELECT id FROM location LIMIT 1`);
      await expect(
        t.db.query(
          `INSERT INTO parent_group (title, description, kind, audience, default_location_id, registration_mode)
           VALUES ('{"en":"x"}', '{"nl":""}', 'series', 'all', $1, 'open')`,
          [location.id],
        ),
      ).rejects.toThrow(/ck_parent_group_title_nl/);
    });
  });

  describe('errors', () => {
    it('should answer an unknown query field with a 400 that names it', async () => {
      const res = await t.request('/api/v1/public/groups?colour=blue');
      expect(res.status).toBe(400);
      const body = (await res.json()) as ApiErrorBody;
      expect(body.code).toBe('validation_failed');
      expect(body.fields).toEqual([{ field: 'colour', code: 'unknown_field', message: expect.stringContaining("'colour'") }]);
    });

    it('should name every bad field at once', async () => {
      const res = await t.request('/api/v1/public/groups?locale=de&audience=teens');
      const body = (await res.json()) as ApiErrorBody;
      expect(res.status).toBe(400);
      expect(body.fields?.map((f) => [f.field, f.code]).sort()).toEqual([
        ['audience', 'not_one_of'],
        ['locale', 'not_one_of'],
      ]);
    });

    it('should answer an unknown API route with a JSON 404', async () => {
      const res = await t.request('/api/v1/no-such-thing?x=1');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as ApiErrorBody;
      expect(body).toMatchObject({ code: 'route_not_found', message: 'There is no GET /api/v1/no-such-thing in the Kring API.' });
    });

    it('should answer a body that is not JSON with a 400 and no stack trace', async () => {
      const res = await t.request('/api/v1/public/groups', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": ',
      });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ code: 'validation_failed', message: 'The request body is not valid JSON.' });
      expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
    });

    it('should give every answer a request id, and keep the caller’s when it looks like one', async () => {
      const res = await t.request('/api/v1/nope', { headers: { 'x-request-id': 'abc12345-trace' } });
      expect(res.headers.get('x-request-id')).toBe('abc12345-trace');
      await expect(res.json()).resolves.toMatchObject({ requestId: 'abc12345-trace' });
      const other = await t.request('/api/v1/nope', { headers: { 'x-request-id': 'bad id with spaces' } });
      expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('public groups', () => {
    it('should list the demo groups in Dutch by default', async () => {
      const res = await t.request('/api/v1/public/groups');
      expect(res.status).toBe(200);
      const body = (await res.json()) as PublicGroupList;
      expect(body.items.map((g) => [g.title, g.kind, g.audience, g.location.city])).toEqual([
        ['Babybabbels', 'series', '0-1', 'Sint-Niklaas'],
        ['Inloopmoment', 'drop_in', 'all', 'Sint-Niklaas'],
      ]);
    });

    it('should translate where a translation exists and fall back to Dutch where not', async () => {
      const en = (await (await t.request('/api/v1/public/groups?locale=en')).json()) as PublicGroupList;
      expect(en.items[0]).toMatchObject({ title: 'Baby chats', locale: 'en' });
      const ar = (await (await t.request('/api/v1/public/groups?locale=ar')).json()) as PublicGroupList;
      expect(ar.items[0]).toMatchObject({ title: 'دردشة حول الرضّع', locale: 'ar' });
      // A group without an Arabic text (the demo data has one): Dutch, said to be Dutch.
      await t.db.query(
        `UPDATE parent_group SET title = title - 'ar', description = description - 'ar' WHERE title ->> 'nl' = 'Babybabbels'`,
      );
      const fallback = (await (await t.request('/api/v1/public/groups?locale=ar')).json()) as PublicGroupList;
      expect(fallback.items[0]).toMatchObject({ title: 'Babybabbels', locale: 'nl' });
      expect(fallback.items[0].description).toMatch(/^Elke week/);
    });

    it('should filter by audience and keep groups for all ages', async () => {
      const body = (await (await t.request('/api/v1/public/groups?audience=3-6')).json()) as PublicGroupList;
      expect(body.items.map((g) => g.title)).toEqual(['Inloopmoment']);
    });

    it('should leave out groups that are no longer active', async () => {
      await t.db.query(`UPDATE parent_group SET active = false WHERE title ->> 'nl' = 'Inloopmoment'`);
      try {
        const body = (await (await t.request('/api/v1/public/groups')).json()) as PublicGroupList;
        expect(body.items.map((g) => g.title)).toEqual(['Babybabbels']);
      } finally {
        await t.db.query(`UPDATE parent_group SET active = true WHERE title ->> 'nl' = 'Inloopmoment'`);
      }
    });
  });

  describe('demo data', () => {
    it('should load only into an empty database, once, even when asked twice at once', async () => {
      const service = t.app.get(DemoDataService);
      const again = await Promise.all([service.seedIfEmpty(), service.seedIfEmpty()]);
      expect(again).toEqual([[], []]);
      const [counts] = await t.db.query(
        `SELECT (SELECT count(*) FROM staff_user)::int AS staff, (SELECT count(*) FROM location)::int AS places,
                (SELECT count(*) FROM parent_group)::int AS groups`,
      );
      expect(counts).toEqual({ staff: 3, places: 1, groups: 2 });
    });

    it('should plan the demo series for the coming weeks, facilitated by the demo group worker', async () => {
      const rows = await t.db.query(
        `SELECT g.title ->> 'nl' AS title, count(s.id)::int AS sessions,
                bool_and(EXISTS (SELECT 1 FROM session_facilitator f JOIN staff_user u ON u.id = f.staff_user_id
                                  WHERE f.session_id = s.id AND u.email = 'groepswerker@demo.kring.be')) AS facilitated
           FROM parent_group g JOIN group_session s ON s.group_id = g.id GROUP BY g.title ->> 'nl' ORDER BY 1`,
      );
      expect(rows.map((r: { title: string }) => r.title)).toEqual(['Babybabbels', 'Inloopmoment']);
      for (const row of rows) {
        expect(row.sessions).toBeGreaterThanOrEqual(11);
        expect(row.facilitated).toBe(true);
      }
    });

    it('should give each role a demo account whose password is stored only as an argon2id hash', async () => {
      const rows = await t.db.query(`SELECT roles, password_hash FROM staff_user ORDER BY email`);
      expect(rows.flatMap((r: { roles: string[] }) => r.roles).sort()).toEqual(['admin', 'coordinator', 'group_worker']);
      for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });
  });

  describe('documentation and headers', () => {
    it('should publish the OpenAPI document with the public routes', async () => {
      const res = await t.request('/api/docs-json');
      expect(res.status).toBe(200);
      const doc = await res.json();
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/public/groups', '/api/health', '/api/health/live']));
    });

    it('should send security headers and no framework banner', async () => {
      const res = await t.request('/api/health');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
});
