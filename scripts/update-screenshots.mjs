#!/usr/bin/env node
// Copies the README's screenshots from the last browser-test run into docs/screenshots/.
// Run the renderer tests first (`npm run test:e2e`), then `node scripts/update-screenshots.mjs`.
// It copies nothing unless every picture is there, and says which test run is missing.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// docs/screenshots/<file> ← test-results/screenshots/<test's name>.png; tests/unit/docs.test.ts checks the README shows each.
const README_SCREENSHOTS = JSON.parse(readFileSync(new URL('./readme-screenshots.json', import.meta.url), 'utf8'));

const from = path.resolve('test-results', 'screenshots');
const to = path.resolve('docs', 'screenshots');
const missing = Object.values(README_SCREENSHOTS).filter((name) => !existsSync(path.join(from, `${name}.png`)));
if (missing.length > 0) {
  console.error(`Not in ${from} (run the renderer tests that take them first):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
for (const [target, name] of Object.entries(README_SCREENSHOTS)) {
  copyFileSync(path.join(from, `${name}.png`), path.join(to, target));
}
// A picture no longer chosen is removed, so docs/screenshots/ shows only the screens as they are.
for (const file of readdirSync(to)) {
  if (!(file in README_SCREENSHOTS)) rmSync(path.join(to, file));
}
console.log(`${Object.keys(README_SCREENSHOTS).length} screenshots copied to ${to}`);
