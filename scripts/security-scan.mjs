#!/usr/bin/env node
// npm run security:scan: Electronegativity over the app's code (main, preload,
// renderer and the built index.html with its CSP). Every finding must be
// reviewed in build/security-review.json, with a reason; anything else fails.
// The "available security fixes" check is left out: it downloads Electron's
// release list at run time, which this build machine cannot reach; the
// pinned Electron version is kept current by hand (package.json).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readElectronegativityFindings } from './lib/electronegativityFindings.mjs';

const root = path.resolve('.');
const stage = path.resolve('test-results', 'security-scan');
// SARIF, not CSV: see scripts/lib/electronegativityFindings.mjs for why.
const report = path.join(stage, 'electronegativity.sarif');
const builtHtml = path.resolve('out/renderer/index.html');
if (!existsSync(builtHtml)) {
  console.error('security scan: out/renderer/index.html is missing: run "npm run build" first (the CSP is written at build time).');
  process.exit(2);
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(path.join(stage, 'app', 'renderer'), { recursive: true });
cpSync(path.join(root, 'main'), path.join(stage, 'app', 'main'), { recursive: true });
cpSync(path.join(root, 'preload'), path.join(stage, 'app', 'preload'), { recursive: true });
cpSync(path.join(root, 'renderer', 'src'), path.join(stage, 'app', 'renderer', 'src'), { recursive: true });
cpSync(builtHtml, path.join(stage, 'app', 'renderer', 'index.html'));

const electron = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies.electron;
const run = spawnSync(
  path.resolve('node_modules', '.bin', 'electronegativity'),
  ['-i', path.join(stage, 'app'), '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electron, '-r', '-v', 'false', '-o', report],
  { encoding: 'utf8' },
);
if (run.status !== 0 || !existsSync(report)) {
  console.error(run.stdout, run.stderr);
  console.error('security scan: Electronegativity did not run');
  process.exit(2);
}

const findings = readElectronegativityFindings(readFileSync(report, 'utf8'));
const { reviewed } = JSON.parse(readFileSync('build/security-review.json', 'utf8'));
const reasonFor = (f) => reviewed.find((r) => r.check === f.check && r.file === f.file)?.reason;

console.log(`Electronegativity (every check but the release list) over main, preload and renderer: ${findings.length} finding(s)`);
let unexplained = 0;
for (const f of findings) {
  const reason = reasonFor(f);
  if (!reason) unexplained++;
  console.log(`  ${reason ? 'reviewed  ' : 'UNREVIEWED'} ${f.level.padEnd(7)} ${f.check} ${f.file}:${f.location}`);
}
const stale = reviewed.filter((r) => !findings.some((f) => f.check === r.check && f.file === r.file));
for (const r of stale) console.log(`  (no longer reported, can be removed from build/security-review.json: ${r.check} ${r.file})`);
if (unexplained) {
  console.error(`security scan: ${unexplained} finding(s) not reviewed in build/security-review.json`);
  process.exit(1);
}
console.log('security scan: every finding is reviewed');
