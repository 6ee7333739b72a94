import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../apps/api/src/common/clock';
import { makeSession } from './support/planning-factory';
import { makeGroup } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 3_600_000;
const webDist = resolve(__dirname, '../../tools/web-dist.mjs');

/** A bundle as Angular writes it: text that repeats, so it compresses well. */
const bundle = Array.from({ length: 400 }, (_, i) => `export const value${i} = "kring ${i}";`).join('\n');

describe('Compression: pre-compressed web files and JSON over 1 kB', () => {
  const out = mkdtempSync(join(tmpdir(), 'kring-web-'));
  const browser = join(out, 'browser');
  const now = new Date('2026-03-02T09:00:00Z');
  let t: TestApp;

  beforeAll(async () => {
    mkdirSync(browser);
    writeFileSync(
      join(browser, 'index.html'),
      '<!doctype html><html lang="nl"><title>Kring</title><kr-root></kr-root>' +
        '<link rel="modulepreload" href="chunk-Ab_cd-EF.js"><script src="main-ABCDEFGH.js" type="module"></script></html>',
    );
    writeFileSync(join(browser, 'main-ABCDEFGH.js'), bundle);
    writeFileSync(join(browser, 'chunk-Ab_cd-EF.js'), bundle.split('value').join('chunk'));
    writeFileSync(join(browser, 'chunk-Tiny0000.js'), 'export {};');
    // The build's last step: the first-load check, then a .br and a .gz beside each text file.
    execFileSync(process.execPath, [webDist, out, '--limit-kb=150'], { stdio: 'pipe' });
    t = await startTestApp({ KRING_WEB_DIST: browser });
    t.app.get(Clock).now = () => now;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('should write a .br and a .gz beside each bundle of 1 kB or more, and none beside a tiny one', () => {
    for (const file of ['main-ABCDEFGH.js', 'chunk-Ab_cd-EF.js']) {
      const br = readFileSync(join(browser, `${file}.br`));
      expect(brotliDecompressSync(br).toString()).toBe(readFileSync(join(browser, file), 'utf8'));
      expect(statSync(join(browser, `${file}.gz`)).size).toBeLessThan(bundle.length / 2);
    }
    expect(() => statSync(join(browser, 'chunk-Tiny0000.js.br'))).toThrow();
  });

  it('should fail the build, naming the size, when the first load passes the limit', () => {
    const run = spawnSync(process.execPath, [webDist, out, '--limit-kb=1'], { encoding: 'utf8' });

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/first load is \d+\.\d kB gzipped, above the 1 kB/);
  });

  it('should send the brotli copy of a bundle to a browser that takes brotli, with Vary and the long cache kept', async () => {
    const res = await t.request('/main-ABCDEFGH.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers.get('content-length'))).toBe(statSync(join(browser, 'main-ABCDEFGH.js.br')).size);
    expect(await res.text()).toBe(bundle); // fetch decodes it again
  });

  it('should send the gzip copy when the browser takes only gzip, and the file itself when it takes neither', async () => {
    const gz = await t.request('/chunk-Ab_cd-EF.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toContain('immutable');

    const plain = await t.request('/chunk-Ab_cd-EF.js', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(await plain.text()).toBe(bundle.split('value').join('chunk'));
  });

  it('should still ask again for index.html (no long cache) at every client-side route', async () => {
    const res = await t.request('/groepen', { headers: { accept: 'text/html', 'accept-encoding': 'br' } });

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<kr-root>');
  });

  it('should compress the public sessions list when it is large, with brotli first', async () => {
    const groupId = await makeGroup(t, { title: 'Babybabbels' });
    for (let week = 0; week < 8; week++) {
      await makeSession(t, { groupId, capacity: 10, startsAt: new Date(now.getTime() + (week * 7 + 1) * DAY) });
    }

    const res = await t.request('/api/v1/public/sessions', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const body = await res.text();

    expect(res.status).toBe(200);
    expect(body.length).toBeGreaterThan(1024);
    expect(JSON.parse(body)).toHaveLength(8);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);

    const gzip = await t.request('/api/v1/public/sessions', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
  });

  it('should send a small JSON answer as it is', async () => {
    const res = await t.request('/api/v1/public/centre', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const body = await res.text();

    expect(res.status).toBe(200);
    expect(body.length).toBeLessThan(1024);
    expect(res.headers.get('content-encoding')).toBeNull();
  });
});
