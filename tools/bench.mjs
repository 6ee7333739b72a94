#!/usr/bin/env node
// `npm run bench`: builds the API, then runs every tests/bench/*.bench.mjs in turn. Ratios against a
// baseline measured in the same run; they do not pass or fail anything.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'node_modules/.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NX_DAEMON: 'false' };
const only = process.argv[2];
const build = spawnSync(join(bin, 'nx'), ['build', 'api', '--output-style=static'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
for (const file of readdirSync(join(root, 'tests/bench')).filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))) {
  const run = spawnSync(join(bin, 'node'), [join('tests/bench', file)], { cwd: root, env, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
