#!/usr/bin/env node
// `npm test`: every layer, in order, then one summary with the count of each
// layer and the reason for anything skipped. Exit code is non-zero if any test
// failed or a step could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const results = path.resolve('test-results');
mkdirSync(results, { recursive: true });
const vitestJson = path.join(results, 'vitest.json');
const playwrightJson = path.join(results, 'playwright.json');
const packagingJson = path.join(results, 'vitest-packaging.json');
rmSync(vitestJson, { force: true });
rmSync(packagingJson, { force: true });
rmSync(playwrightJson, { force: true });

const bin = (name) => path.resolve('node_modules', '.bin', name);
const failures = [];

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) failures.push(`${title} (exit ${run.status ?? run.signal})`);
  return run.status === 0;
}

step('unit, integration and lint tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);

if (step('build main, preload and renderer (electron-vite)', bin('electron-vite'), ['build'])) {
  step('security scan (Electronegativity; every finding reviewed in build/security-review.json)', process.execPath, ['scripts/security-scan.mjs']);
  step('packaged-build checks (electron-builder --dir against a stand-in Electron)', bin('vitest'), [
    'run',
    '--config',
    'tests/packaging/vitest.config.mts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${packagingJson}`,
  ]);
  // Electron needs a display; on a headless Linux box use Xvfb when it is installed.
  const headless = process.platform === 'linux' && !process.env.DISPLAY && hasCommand('xvfb-run');
  const playwright = [bin('playwright'), 'test', '--reporter=list,json'];
  step(
    'browser and Electron tests (playwright)',
    headless ? 'xvfb-run' : playwright[0],
    headless ? ['-a', ...playwright] : playwright.slice(1),
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  );
}

const layers = new Map();
const skipped = [];
const count = (layer, status) => {
  const row = layers.get(layer) ?? { passed: 0, failed: 0, skipped: 0 };
  row[status] += 1;
  layers.set(layer, row);
};

for (const json of [vitestJson, packagingJson].filter((file) => existsSync(file))) {
  for (const file of JSON.parse(readFileSync(json, 'utf8')).testResults) {
    const layer = path.relative('tests', file.name).split(path.sep)[0];
    for (const t of file.assertionResults) {
      count(layer, t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : 'skipped');
    }
  }
}
if (existsSync(playwrightJson)) {
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const layer = t.projectName === 'renderer' ? 'e2e (Chromium)' : t.projectName;
        if (t.status === 'skipped') {
          count(layer, 'skipped');
          const reason = t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
          skipped.push({ layer, reason });
        } else {
          // 'flaky' (passed only on a retry) counts as failed: a suite that is green only on a second try is not green.
          count(layer, t.status === 'expected' ? 'passed' : 'failed');
          if (t.status === 'flaky') failures.push(`flaky (passed only on a retry): ${spec.title}`);
        }
      }
    }
    (suite.suites ?? []).forEach(walk);
  };
  JSON.parse(readFileSync(playwrightJson, 'utf8')).suites.forEach(walk);
}

console.log('\n=== summary ===');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const [layer, row] of layers) {
  console.log(`${layer.padEnd(16)} ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
  for (const key of Object.keys(total)) total[key] += row[key];
}
const reasons = new Map(skipped.map(({ layer, reason }) => [`${layer}: ${reason}`, 0]));
for (const { layer, reason } of skipped) reasons.set(`${layer}: ${reason}`, reasons.get(`${layer}: ${reason}`) + 1);
for (const [reason, n] of reasons) console.log(`skipped ${n} in ${reason}`);
for (const failure of failures) console.log(`FAILED step: ${failure}`);
if (total.passed === 0) failures.push('no test ran');
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failures.length || total.failed ? 1 : 0);

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
