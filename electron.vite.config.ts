import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './main/security/csp';

/** Writes the one CSP (main/security/csp.ts) into the built index.html. */
const cspMetaTag = (): Plugin => ({
  name: 'shopfloor-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

/**
 * Builds our top-level main/, preload/ and renderer/ folders (electron-vite's
 * defaults expect src/): output goes to out/{main,preload,renderer}.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The pull writer runs on a worker thread: its own entry, next to index.js. The core is
      // its own entry too (index.js requires ./core.js), so the packaged-build check can load
      // the very core the app runs under plain Node, without the shell that needs Electron.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          core: resolve(__dirname, 'main/core/index.ts'),
          pullWriterWorker: resolve(__dirname, 'main/core/sync/pullWriterWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only `require('electron')`: bundle everything else into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        // The proxy sign-in window has its own preload: submit/cancel only, not the app's contract.
        input: { index: resolve(__dirname, 'preload/index.ts'), proxySignIn: resolve(__dirname, 'preload/proxySignIn.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // Two pages: the app, and the proxy sign-in window's page (same CSP, same styles).
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html'), proxySignIn: resolve(__dirname, 'renderer/proxy-sign-in.html') },
      },
    },
  },
});
