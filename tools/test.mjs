#!/usr/bin/env node
// `npm test`: every check Kring has, in order, with one summary at the end.
//   lint (module boundaries included) → type-check → unit (domain, api, web) → build →
//   integration (PostgreSQL from DATABASE_URL, else embedded PGlite) → browser (Playwright + Chromium).
// Without Chromium the browser tests are skipped with a plain message, unless
// KRING_REQUIRE_BROWSER=1 (CI), which turns that into a failure.
// Options: --only=lint,types,unit,build,integration,e2e to run a subset.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const env = {
  ...process.env,
  PATH: `${bin}:${process.env.PATH}`,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wants = (step) => !only || only.includes(step);

/** name, passed, failed, skipped, note */
const tally = [];
const record = (name, passed, failed, skipped = 0, note = '') => tally.push({ name, passed, failed, skipped, note });

function run(cmd, args, opts = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, env: opts.env ?? env, stdio: 'inherit' });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', () => done(127));
  });
}

function heading(text) {
  process.stdout.write(`\n\x1b[1m━━ ${text}\x1b[0m\n`);
}

/** A check with no test count of its own (lint, a type-check, a build) counts as one. */
async function check(name, cmd, args) {
  const code = await run(cmd, args);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
}

/** Reads a Vitest/Jest-style JSON report; a missing report after a failure counts as one failure. */
function vitestCounts(name, file, code) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const failedSuites = (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
    const failed = r.numFailedTests + failedSuites + (code !== 0 && r.numFailedTests + failedSuites === 0 ? 1 : 0);
    record(name, r.numPassedTests, failed, r.numPendingTests + r.numTodoTests);
  } catch {
    record(name, 0, 1, 0, 'no report');
  }
}

async function vitest(name, projects, runEnv = env) {
  const file = join(results, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(file, { force: true });
  const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
  const code = await run(join(bin, 'vitest'), args, { env: runEnv });
  vitestCounts(name, file, code);
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p));
}

async function waitForHealth(url, child, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** Starts the built app on its own database, runs Playwright against it, stops it again. */
async function e2e() {
  const chromium = findChromium();
  if (!chromium) {
    const message =
      'No Chromium found, so the browser tests cannot run. Install it with `sudo apt-get install chromium` ' +
      '(or set CHROMIUM_PATH to a Chromium or Chrome binary), then run `npm test` again.';
    if (process.env.KRING_REQUIRE_BROWSER === '1') {
      process.stdout.write(`\x1b[31m${message}\x1b[0m\n`);
      record('browser (Playwright)', 0, 1, 0, 'no Chromium');
    } else {
      process.stdout.write(`\x1b[33m${message}\x1b[0m\n`);
      record('browser (Playwright)', 0, 0, 0, 'skipped: no Chromium');
    }
    return;
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const appEnv = {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KRING_DEMO_DATA: 'true',
    NODE_ENV: 'test',
    KRING_PUBLIC_URL: baseUrl,
  };
  let cleanup = async () => undefined;
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const name = `kring_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    appEnv.DATABASE_URL = url.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    delete appEnv.DATABASE_URL;
    const dir = mkdtempSync(join(tmpdir(), 'kring-e2e-'));
    appEnv.KRING_DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // Started as `npm start` starts it: a small young generation keeps the idle process under 150 MB (issue 20).
  const app = spawn(join(bin, 'node'), ['--max-semi-space-size=4', 'dist/apps/api/main.js'], {
    cwd: root,
    env: appEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    if (!(await waitForHealth(baseUrl, app, 120_000))) {
      process.stdout.write('The app did not become healthy for the browser tests.\n');
      record('browser (Playwright)', 0, 1, 0, 'app did not start');
      return;
    }
    const file = join(results, 'e2e-results.json');
    rmSync(file, { force: true });
    const code = await run(join(bin, 'playwright'), ['test'], {
      // The app's own database, for the few specs that read what no page shows (a link sent by SMS only).
      env: {
        ...env,
        KRING_BASE_URL: baseUrl,
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
        KRING_E2E_DATABASE_URL: appEnv.DATABASE_URL ?? '',
      },
    });
    try {
      const { stats } = JSON.parse(readFileSync(file, 'utf8'));
      const failed = stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
      record('browser (Playwright)', stats.expected + stats.flaky, failed, stats.skipped);
    } catch {
      record('browser (Playwright)', 0, 1, 0, 'no report');
    }
  } finally {
    app.kill('SIGTERM');
    await new Promise((r) => (app.exitCode !== null ? r() : app.once('exit', r)));
    await cleanup();
  }
}

const TYPECHECK = [
  'libs/domain/tsconfig.lib.json',
  'libs/domain/tsconfig.spec.json',
  'apps/api/tsconfig.app.json',
  'apps/api/tsconfig.spec.json',
  'apps/web/tsconfig.app.json',
  'apps/web/tsconfig.spec.json',
  'migrations/tsconfig.json',
  'tests/integration/tsconfig.json',
  'tests/e2e/tsconfig.json',
  'tests/bench/tsconfig.json',
];

const started = Date.now();
if (wants('lint')) {
  heading('Lint (with module boundaries)');
  await check('lint: projects', join(bin, 'nx'), ['run-many', '-t', 'lint', '--output-style=static']);
  await check('lint: tests and tools', join(bin, 'eslint'), ['tests', 'tools', 'playwright.config.ts']);
  await check('format (Prettier; `npx prettier --write .` fixes it)', join(bin, 'prettier'), ['--check', '--log-level=warn', '.']);
}
if (wants('types')) {
  heading('Type-check');
  for (const project of TYPECHECK.filter((p) => existsSync(join(root, p)))) {
    await check(`types: ${project}`, join(bin, 'tsc'), ['--noEmit', '-p', project]);
  }
}
if (wants('unit')) {
  heading('Unit tests: domain and api');
  await vitest('unit (domain, api)', ['domain', 'api']);
  heading('Unit tests: web');
  const file = join(results, 'web-unit.json');
  rmSync(file, { force: true });
  const code = await run(join(bin, 'nx'), [
    'test',
    'web',
    '--output-style=static',
    '--skip-nx-cache',
    '--reporters=default',
    '--reporters=json',
    `--outputFile=${file}`,
  ]);
  vitestCounts('unit (web)', file, code);
  // The same tests a year ahead (tools/shifted-clock.ts): a test bound to today's date fails here, today.
  heading('Unit tests: domain, api and web, with the clock a year ahead');
  const ahead = { ...env, KRING_CLOCK_SHIFT_DAYS: '365' };
  await vitest('unit a year ahead (domain, api)', ['domain', 'api'], ahead);
  const aheadFile = join(results, 'web-unit-ahead.json');
  rmSync(aheadFile, { force: true });
  const aheadCode = await run(
    join(bin, 'nx'),
    ['test', 'web', '--output-style=static', '--skip-nx-cache', '--reporters=default', '--reporters=json', `--outputFile=${aheadFile}`],
    { env: ahead },
  );
  vitestCounts('unit a year ahead (web)', aheadFile, aheadCode);
}
let built = true;
if (wants('build') || wants('e2e')) {
  heading('Build (api and web, production)');
  built = await check('build', join(bin, 'nx'), ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);
}
if (wants('integration')) {
  heading(`Integration tests (${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : 'embedded PGlite'})`);
  await vitest('integration', ['integration']);
}
if (wants('e2e')) {
  heading('Browser tests (Playwright, Chromium)');
  if (built) await e2e();
  else record('browser (Playwright)', 0, 1, 0, 'build failed');
}

const sum = (k) => tally.reduce((n, t) => n + t[k], 0);
const passed = sum('passed');
const failed = sum('failed');
const skipped = sum('skipped');
heading(`Summary (${Math.round((Date.now() - started) / 1000)} s)`);
for (const t of tally) {
  const mark = t.failed > 0 ? '\x1b[31m✗\x1b[0m' : '\x1b[32m✓\x1b[0m';
  process.stdout.write(
    `  ${mark} ${t.name.padEnd(42)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed${t.skipped ? ` ${t.skipped} skipped` : ''}${t.note ? `  (${t.note})` : ''}\n`,
  );
}
writeFileSync(join(results, 'summary.json'), JSON.stringify({ passed, failed, skipped, steps: tally }, null, 2));
// Under .ci/run, which adds its own checks and prints the one closing line, say it otherwise.
if (process.env.KRING_CI_SUMMARY === '1') process.stdout.write(`npm test totals: ${passed} ok / ${failed} not ok\n`);
else process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
