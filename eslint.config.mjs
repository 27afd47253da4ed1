// @ts-check
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules of DESIGN.md, enforced. tests/lint/layers.test.ts lints a
 * fixture that breaks each one, so a rule cannot silently stop working.
 */

const NODE_BUILTIN =
  '^(node:.*|fs|path|os|child_process|crypto|http|https|net|tls|dns|url|util|stream|events|worker_threads|zlib|buffer|process|module|vm)(/.*)?$';
const ELECTRON = '^electron(/.*)?$|^electron-log/main$|^electron-updater(/.*)?$';

/** `no-restricted-imports` groups by regex, each with the sentence the developer reads. */
const ban = (regex, message) => ({ regex, message });
const BAN_ELECTRON_IN_CORE = ban(
  ELECTRON,
  'main/core and server run under plain Node and never import Electron: put Electron calls in the main/ shell and pass them in.',
);
const BAN_NODE_IN_RENDERER = ban(
  `${NODE_BUILTIN}|^better-sqlite3$|^electron-log(/.*)?$|^${ELECTRON}`,
  'The renderer never imports Node, Electron or main-process code: it talks only through window.shopfloor.',
);
const BAN_RAW_IPC = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in main/ipc/register.ts and preload/: add a channel to shared/ipc/contract.ts instead.',
};

/** Which top-level folder may import which (paths resolved, so `../../x` cannot sneak past). */
const LAYER_ZONES = [
  {
    target: './shared',
    from: ['./main', './server', './renderer', './preload', './tests'],
    message: 'shared/ imports nothing of ours: it is pure TypeScript used by every layer.',
  },
  {
    target: './main/core',
    from: './main',
    except: ['./core'],
    message: 'main/core is Electron-free and never imports the shell around it.',
  },
  {
    target: './main/core',
    from: ['./renderer', './preload', './server'],
    message: 'main/core imports only shared/ and its own files.',
  },
  {
    target: './server',
    from: ['./main', './renderer', './preload'],
    message: 'server/ imports only shared/ and its own files.',
  },
  {
    target: './renderer',
    from: ['./main', './server', './preload'],
    message: 'The renderer imports shared/ only; everything else comes through window.shopfloor.',
  },
  {
    target: './preload',
    from: ['./main', './server', './renderer'],
    message: 'The preload imports the contract from shared/ and Electron’s bridge only.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [BAN_RAW_IPC] }],
      // Checklist #1 of STYLE.md: windows only from the factories in main/windows/.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name=/^(BrowserWindow|WebContentsView|BrowserView)$/]",
          message: 'Only main/windows/ creates windows (its factories own the secure webPreferences).',
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ban('^(?!zod$)[^./]', 'shared/ is pure TypeScript: it may import zod and its own files, nothing else.'),
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/**', 'server/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [BAN_RAW_IPC], patterns: [BAN_ELECTRON_IN_CORE] }] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [BAN_NODE_IN_RENDERER] }] },
  },
  {
    files: ['main/ipc/register.ts', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/windows/*.ts', 'tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
