#!/usr/bin/env node
// `npm run test:long`: the long proofs (1,000 kills, 25 convergence scripts per
// database, 10,000 fuzz cases), ending with a verdict per test, on SQLite and
// on PostgreSQL. PostgreSQL is not optional here: the README promises it, so a
// run without it fails with a sentence instead of silently skipping it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const env = {
  ...process.env,
  CRASH_KILLS: process.env.CRASH_KILLS ?? '1000',
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000',
  CONVERGENCE_RUNS: process.env.CONVERGENCE_RUNS ?? '25',
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || DEFAULT_URL,
};
const files = [
  'tests/integration/crashLoop.test.ts',
  'tests/integration/convergence.test.ts',
  'tests/integration/server-fuzz.test.ts',
  'tests/integration/ipc-fuzz.test.ts',
];

await ensurePostgres(env.TEST_DATABASE_URL);

const results = path.resolve('test-results');
mkdirSync(results, { recursive: true });
const json = path.join(results, 'test-long.json');
rmSync(json, { force: true });
console.log(`long proofs: ${env.CRASH_KILLS} kills, ${env.CONVERGENCE_RUNS} convergence scripts per database, ${env.FUZZ_RUNS} fuzz cases; PostgreSQL at ${redact(env.TEST_DATABASE_URL)}`);
const started = Date.now();
const run = spawnSync(
  path.resolve('node_modules', '.bin', 'vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...files],
  { stdio: 'inherit', env },
);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

console.log(`\n=== verdict (${minutes} min) ===`);
if (!existsSync(json)) {
  console.log(`vitest wrote no results (exit ${run.status ?? run.signal}).`);
  process.exit(1);
}
let failed = 0;
let passed = 0;
for (const file of JSON.parse(readFileSync(json, 'utf8')).testResults) {
  for (const t of file.assertionResults) {
    if (t.status === 'passed') passed++;
    else failed++;
    const seconds = t.duration === undefined ? '' : ` (${Math.round(t.duration / 1000)} s)`;
    console.log(`${t.status.padEnd(7)} ${path.relative('tests', file.name)}: ${t.fullName}${seconds}`);
  }
}
console.log(`${passed} passed, ${failed} failed or not run`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);

/** Starts the local cluster if it is down (as .ci/run does), then checks that the URL answers. */
async function ensurePostgres(url) {
  if (!(await reachable(url)) && hasCommand('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql')[0];
    console.log(`PostgreSQL does not answer at ${redact(url)}: starting cluster ${version}/main.`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    // pg_isready waits (up to 60 s) until the server accepts connections.
    spawnSync('pg_isready', ['-d', url, '-t', '60'], { stdio: 'inherit' });
  }
  const error = await reachable(url, true);
  if (error !== true) {
    console.error(
      `The long proofs need PostgreSQL, and ${redact(url)} cannot be reached (${error}). ` +
        'Start PostgreSQL or set TEST_DATABASE_URL to a database the tests may create schemas in.',
    );
    process.exit(2);
  }
}

async function reachable(url, explain = false) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return explain ? error.message || String(error) : false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
