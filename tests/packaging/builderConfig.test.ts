import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBuilderConfig } from './builderConfig';
import { RELEASE_FUSES } from './releaseFuses';

/**
 * electron-builder.yml against what IT was promised: a per-machine NSIS installer and an MSI
 * for Group Policy on Windows, deb and AppImage on Linux, and the release fuses. These only
 * read the config; packagedApp.test.ts checks what electron-builder makes of it.
 */
const config = readBuilderConfig();
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('electron-builder.yml', () => {
  it('builds a per-machine NSIS installer that IT can also run silently', () => {
    expect(config.win.target).toContain('nsis');
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
  });

  it('builds a per-machine MSI for Group Policy that starts nothing when installed unattended', () => {
    expect(config.win.target).toContain('msi');
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
  });

  it('keeps one MSI upgrade code, so each new MSI replaces the installed one instead of installing beside it', () => {
    expect(config.msi?.upgradeCode).toBe('94EE1FDF-BEE0-5C45-AD2B-33ACB3B539B7');
  });

  it('writes the generic update feed files, with a placeholder the app replaces by <sync server>/updates/', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: 'https://shopfloor-server.invalid/updates/', useMultipleRangeRequest: false });
    // .invalid can never resolve: a PC that somehow used the placeholder would fail to check, never reach a stranger.
    expect(new URL(config.publish!.url).hostname.endsWith('.invalid')).toBe(true);
  });

  it('builds a deb and an AppImage for Linux', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['deb', 'AppImage']));
  });

  it('sets every release fuse, each to its release value', () => {
    expect(config.electronFuses).toEqual(RELEASE_FUSES);
  });

  it("gives Playwright's build flavour the one fuse it needs and no other", () => {
    const overrides = scripts['dist:e2e']!.match(/-c\.electronFuses\.\S+/g);
    expect(overrides).toEqual(['-c.electronFuses.enableNodeCliInspectArguments=true']);
  });

  it('rebuilds better-sqlite3 for Electron in a real build (only the offline layout check turns that off)', () => {
    expect(config.npmRebuild ?? true).toBe(true);
  });
});
