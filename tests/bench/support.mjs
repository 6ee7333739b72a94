// Shared by the benchmarks: a throw-away database, the built API as a child process, a load loop.
import { spawn } from 'node:child_process';
import { argon2Sync, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const root = resolve(import.meta.dirname, '../..');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the PostgreSQL server (benchmarks need a real server: the baseline connects too). */
export async function freshDatabase(label) {
  const name = `kring_bench_${label}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** The built API (dist/apps/api/main.js) on `databaseUrl`; resolves once /api/health answers. */
export async function startApi(databaseUrl) {
  const port = await freePort();
  const child = spawn(
    join(root, 'node_modules/.bin/node'),
    [...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []), process.env.BENCH_API_MAIN ?? 'dist/apps/api/main.js'],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        KRING_DEMO_DATA: 'false',
        KRING_WEB_DIST: '',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('the API stopped during start-up');
    try {
      if ((await fetch(`${base}/api/health`)).ok)
        return {
          base,
          stop: () =>
            new Promise((r) => {
              child.once('exit', r);
              child.kill('SIGTERM');
            }),
        };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not become healthy');
}

/** argon2id in the API's own PHC format, so the bench can sign a seeded person in. */
export function phc(password) {
  const nonce = randomBytes(16);
  const tag = argon2Sync('argon2id', { message: password, nonce, memory: 19456, passes: 2, parallelism: 1, tagLength: 32 });
  const b64 = (b) => b.toString('base64').replace(/=+$/, '');
  return `$argon2id$v=19$m=19456,t=2,p=1$${b64(nonce)}$${b64(tag)}`;
}

/** Signs in through the API like a browser: returns the cookie header to send. */
export async function signIn(base, email, password) {
  const first = await fetch(`${base}/api/v1/auth/session`);
  const xsrf = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('XSRF-TOKEN='));
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: xsrf, 'x-xsrf-token': xsrf.split('=')[1] },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Requests per second: `concurrency` loops hammer `url` for `seconds`, after a warm-up.
 * Every answer must be 200 and pass `check` (so a fast error never counts as speed).
 */
export async function throughput(url, { headers = {}, seconds = 5, concurrency = 8, check = () => true } = {}) {
  const once = async () => {
    const res = await fetch(url, { headers });
    const body = await res.json();
    if (res.status !== 200 || !check(body)) throw new Error(`bad answer from ${url}: ${res.status}`);
  };
  for (let i = 0; i < 20; i++) await once();
  let count = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await once();
        count += 1;
      }
    }),
  );
  return count / seconds;
}
