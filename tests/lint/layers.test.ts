import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Each case is a small fixture that breaks one layer rule of DESIGN.md,
 * linted as if it lived at `file`. If a rule stops firing (a renamed folder,
 * a config typo), this test fails instead of the layers quietly eroding.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const BROKEN: { name: string; file: string; code: string; rule: string; says: RegExp }[] = [
  {
    name: 'main/core imports electron',
    file: 'main/core/fixture.ts',
    code: "import { app } from 'electron';\nexport const x = app;\n",
    rule: 'no-restricted-imports',
    says: /never import Electron/,
  },
  {
    name: 'main/core imports electron-log/main',
    file: 'main/core/db/fixture.ts',
    code: "import log from 'electron-log/main';\nexport const x = log;\n",
    rule: 'no-restricted-imports',
    says: /never import Electron/,
  },
  {
    name: 'main/core imports electron-updater',
    file: 'main/core/updates/fixture.ts',
    code: "import { autoUpdater } from 'electron-updater';\nexport const x = autoUpdater;\n",
    rule: 'no-restricted-imports',
    says: /never import Electron/,
  },
  {
    name: 'main/core imports the shell',
    file: 'main/core/db/fixture.ts',
    code: "import { registerIpc } from '../../ipc/register';\nexport const x = registerIpc;\n",
    rule: 'import-x/no-restricted-paths',
    says: /never imports the shell/,
  },
  {
    name: 'server imports electron',
    file: 'server/fixture.ts',
    code: "import { net } from 'electron';\nexport const x = net;\n",
    rule: 'no-restricted-imports',
    says: /never import Electron/,
  },
  {
    name: 'server imports the client core',
    file: 'server/fixture.ts',
    code: "import { createCore } from '../main/core';\nexport const x = createCore;\n",
    rule: 'import-x/no-restricted-paths',
    says: /server\/ imports only shared/,
  },
  {
    name: 'shared imports main',
    file: 'shared/ipc/fixture.ts',
    code: "import { createCore } from '../../main/core';\nexport const x = createCore;\n",
    rule: 'import-x/no-restricted-paths',
    says: /shared\/ imports nothing of ours/,
  },
  {
    name: 'shared imports a Node module',
    file: 'shared/domain/fixture.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    rule: 'no-restricted-imports',
    says: /pure TypeScript/,
  },
  {
    name: 'the renderer imports Node',
    file: 'renderer/src/fixture.ts',
    code: "import fs from 'node:fs';\nexport const x = fs;\n",
    rule: 'no-restricted-imports',
    says: /talks only through window\.shopfloor/,
  },
  {
    name: 'the renderer imports better-sqlite3',
    file: 'renderer/src/fixture.ts',
    code: "import Database from 'better-sqlite3';\nexport const x = Database;\n",
    rule: 'no-restricted-imports',
    says: /talks only through window\.shopfloor/,
  },
  {
    name: 'the renderer imports main-process code',
    file: 'renderer/src/features/fixture.ts',
    code: "import { createCore } from '../../../main/core';\nexport const x = createCore;\n",
    rule: 'import-x/no-restricted-paths',
    says: /imports shared\/ only/,
  },
  {
    name: 'raw ipcMain outside the register module',
    file: 'main/tray/fixture.ts',
    code: "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
    rule: 'no-restricted-imports',
    says: /Raw IPC lives only in main\/ipc\/register\.ts/,
  },
  {
    name: 'raw ipcRenderer outside the preload',
    file: 'main/windows/fixture.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    rule: 'no-restricted-imports',
    says: /Raw IPC/,
  },
  {
    name: 'a BrowserWindow built outside the window factory',
    file: 'main/tray/fixture.ts',
    code: "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({});\n",
    rule: 'no-restricted-syntax',
    says: /Only main\/windows\/ creates windows/,
  },
];

describe('layer rules (npm run lint)', () => {
  it.each(BROKEN)('fails when $name', async ({ file, code, rule, says }) => {
    const messages = await lint(file, code);
    expect(messages).toContainEqual({ rule, message: expect.stringMatching(says) });
  });

  it.each([
    ['main/core imports shared', 'main/core/fixture.ts', "import { contract } from '../../shared/ipc/contract';\nexport const x = contract;\n"],
    ['the shell imports the core', 'main/fixture.ts', "import { createCore } from './core';\nexport const x = createCore;\n"],
    ['the register module uses ipcMain', 'main/ipc/register.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['the preload uses ipcRenderer', 'preload/index.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['the renderer imports shared labels', 'renderer/src/fixture.ts', "import { STATUS_LABELS } from '../../shared/domain/labels';\nexport const x = STATUS_LABELS;\n"],
  ])('allows it when %s', async (_name, file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
