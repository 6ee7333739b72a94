import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

describe('Serving the web app from the API port', () => {
  const dist = mkdtempSync(join(tmpdir(), 'kring-web-'));
  let t: TestApp;

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="nl"><title>Kring</title><kr-root></kr-root></html>');
    writeFileSync(join(dist, 'main-ABCDEFGH.js'), 'console.log(1)');
    t = await startTestApp({ KRING_WEB_DIST: dist });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('should serve the app at / and at client-side routes', async () => {
    for (const path of ['/', '/groepen/babybabbels']) {
      const res = await t.request(path, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<kr-root>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('should answer HEAD / like GET / (proxies and health checks use it)', async () => {
    const res = await t.request('/', { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
  });

  it('should let browsers keep hashed bundles', async () => {
    const res = await t.request('/main-ABCDEFGH.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('should keep unknown API routes a JSON 404, even for a browser', async () => {
    const res = await t.request('/api/v1/unknown', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    await expect(res.json()).resolves.toMatchObject({ code: 'route_not_found' });
  });
});
