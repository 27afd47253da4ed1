import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/tempDir';

/**
 * The security scan (npm run security:scan, run by npm test after the build)
 * is only worth something if Electronegativity really works here, offline:
 * run on a window that breaks the checklist, it must say so.
 */
const electronVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!;

describe('Electronegativity, as the security scan runs it', () => {
  it('reports a window with no isolation, no sandbox, web security off, plain http and no navigation limits', () => {
    const temp = makeTempDir('shopfloor-scan-');
    try {
      mkdirSync(path.join(temp.dir, 'app'));
      copyFileSync(path.resolve('tests/lint/fixtures/insecureWindow.ts.txt'), path.join(temp.dir, 'app', 'window.ts'));
      const report = path.join(temp.dir, 'report.csv');
      const run = spawnSync(
        path.resolve('node_modules/.bin/electronegativity'),
        ['-i', path.join(temp.dir, 'app'), '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-r', '-v', 'false', '-o', report],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const checks = readFileSync(report, 'utf8').split('\n').map((line) => line.split(',')[0]);
      expect(checks).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
      );
    } finally {
      temp.remove();
    }
  }, 60_000);
});
