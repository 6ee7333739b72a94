#!/usr/bin/env node
// The last step of the production web build (`nx build web` runs it after the Angular builder):
//  1. The first load: the JavaScript that index.html loads before anything shows (its module script and
//     modulepreloads), gzipped, may be at most 150 kB (issue 20: a cheap phone on a weak connection).
//     Above that the build fails and names the largest packages in those files. Angular's own budgets
//     measure raw bytes, so this measures what actually travels.
//  2. Writes `<file>.br` and `<file>.gz` beside every text file (js, css, html, svg, json, txt, webmanifest)
//     of 1 kB or more, for the API to send as they are (apps/api/src/common/web-serving.ts).
// Usage: node tools/web-dist.mjs [dist/apps/web] [--limit-kb=150]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const out = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'dist/apps/web');
const limitKb = Number(args.find((a) => a.startsWith('--limit-kb='))?.slice(11) ?? 150);
const browser = join(out, 'browser');
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
const MIN_BYTES = 1024;

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const gzip = (data) => gzipSync(data, { level: 9 });
const brotli = (data) =>
  brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });

if (!existsSync(join(browser, 'index.html'))) {
  process.stderr.write(`web-dist: no ${relative(root, join(browser, 'index.html'))}; build the web app first.\n`);
  process.exit(1);
}

/** The scripts index.html starts with: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
function initialScripts(html) {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set([...scripts, ...preloads])];
}

const html = readFileSync(join(browser, 'index.html'), 'utf8');
const initial = initialScripts(html).map((file) => {
  const data = readFileSync(join(browser, file));
  return { file, raw: data.length, gzip: gzip(data).length };
});
const total = initial.reduce((sum, f) => sum + f.gzip, 0);
const raw = initial.reduce((sum, f) => sum + f.raw, 0);
process.stdout.write(
  `web-dist: first-load JavaScript ${kb(total)} gzipped (${kb(raw)} raw, ${initial.length} files; limit ${limitKb} kB)\n` +
    initial
      .sort((a, b) => b.gzip - a.gzip)
      .map((f) => `  ${f.file.padEnd(24)} ${kb(f.gzip).padStart(9)} gzipped ${kb(f.raw).padStart(10)} raw\n`)
      .join(''),
);

if (total > limitKb * 1000) {
  process.stderr.write(
    `\nweb-dist: the first load is ${kb(total)} gzipped, above the ${limitKb} kB that the parent pages may take.\n` +
      'Move what only some pages need behind a lazy route or a @defer block.\n' +
      largestParts(initial.map((f) => f.file)),
  );
  process.exit(1);
}

/** From the build's stats (statsJson), the packages and folders that weigh most in the given files. */
function largestParts(files) {
  const stats = join(out, 'browser-stats.json');
  if (!existsSync(stats)) return '';
  const { outputs } = JSON.parse(readFileSync(stats, 'utf8'));
  const parts = new Map();
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]?.inputs ?? {})) {
      const part = input.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 5).join('/');
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
  }
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return `Largest parts (raw bytes in the first-load files):\n${top.map(([part, bytes]) => `  ${part.padEnd(48)} ${kb(bytes)}\n`).join('')}`;
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
let before = 0;
let afterBr = 0;
for (const path of files(browser)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const data = readFileSync(path);
  if (data.length < MIN_BYTES) continue;
  const br = brotli(data);
  const gz = gzip(data);
  // A copy that saves nothing is left out: the file itself is sent then.
  if (br.length < data.length) writeFileSync(`${path}.br`, br);
  if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
  count++;
  before += data.length;
  afterBr += Math.min(br.length, data.length);
}
process.stdout.write(`web-dist: wrote .br and .gz beside ${count} files (${kb(before)} → ${kb(afterBr)} with brotli)\n`);
