import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readElectronegativityFindings } from '../../scripts/lib/electronegativityFindings.mjs';
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
      const report = path.join(temp.dir, 'report.sarif');
      const run = spawnSync(
        path.resolve('node_modules/.bin/electronegativity'),
        ['-i', path.join(temp.dir, 'app'), '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-r', '-v', 'false', '-o', report],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const checks = readElectronegativityFindings(readFileSync(report, 'utf8')).map((finding) => finding.check);
      expect(checks).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
      );
    } finally {
      temp.remove();
    }
  }, 60_000);
});

/** A SARIF report as Electronegativity writes it, one result per finding. */
function sarifWith(results: { ruleId: string; level: string; text: string; uri: string; line: number; column: number }[]): string {
  return JSON.stringify({
    $schema: 'http://json.schemastore.org/sarif-2.1.0',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', rules: [] } },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          level: r.level,
          message: { text: r.text },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line, startColumn: r.column, charLength: 10 } } }],
        })),
      },
    ],
  });
}

describe("the security scan's reader of Electronegativity's report", () => {
  it('keeps every finding apart, even when their texts hold commas, quotes and line breaks', () => {
    const findings = readElectronegativityFindings(
      sarifWith([
        { ruleId: 'CSP_GLOBAL_CHECK', level: 'note', text: 'One or more CSP directives, "script-src" among them,\nneed review.', uri: 'renderer/index.html', line: 4, column: 1 },
        { ruleId: 'PRELOAD_JS_CHECK', level: 'note', text: 'A preload "script",\r\nreview it, please.', uri: 'main/windows/createMainWindow.ts', line: 25, column: 7 },
        { ruleId: 'SANDBOX_JS_CHECK', level: 'warning', text: 'sandbox: false, "nodeIntegration"', uri: 'main\\windows\\other.ts', line: 3, column: 2 },
      ]),
    );
    expect(findings).toEqual([
      { check: 'CSP_GLOBAL_CHECK', level: 'note', file: 'renderer/index.html', location: '4:1', description: 'One or more CSP directives, "script-src" among them,\nneed review.' },
      { check: 'PRELOAD_JS_CHECK', level: 'note', file: 'main/windows/createMainWindow.ts', location: '25:7', description: 'A preload "script",\r\nreview it, please.' },
      { check: 'SANDBOX_JS_CHECK', level: 'warning', file: 'main/windows/other.ts', location: '3:2', description: 'sandbox: false, "nodeIntegration"' },
    ]);
  });

  it('reads a report with no findings as an empty list', () => {
    expect(readElectronegativityFindings(sarifWith([]))).toEqual([]);
  });

  it('refuses a cut-off or reshaped report with a sentence instead of reading it as fewer findings', () => {
    const whole = sarifWith([{ ruleId: 'CSP_GLOBAL_CHECK', level: 'note', text: 'x', uri: 'renderer/index.html', line: 1, column: 1 }]);
    expect(() => readElectronegativityFindings(whole.slice(0, whole.length / 2))).toThrow(/is not valid JSON/);
    expect(() => readElectronegativityFindings(JSON.stringify({ runs: [{ results: [{ level: 'note' }] }] }))).toThrow(/does not have the expected shape/);
  });
});
