import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PRELOAD_BUNDLE = path.resolve('out/preload/index.js');
/** The proxy sign-in window's preload (submit/cancel over ipcRenderer.send). */
export const PROXY_SIGN_IN_PRELOAD_BUNDLE = path.resolve('out/preload/proxySignIn.js');

/** The binding names the page uses to reach the test process (Playwright's exposeBinding). */
export const INVOKE_BINDING = '__shopfloorTestInvoke';
export const EMIT_FUNCTION = '__shopfloorTestEmit';
export const SEND_BINDING = '__shopfloorTestSend';

/**
 * An init script that runs the *built preload bundle* in the page, with the
 * one thing a browser lacks, Electron's `contextBridge` and `ipcRenderer`,
 * played by a few lines that forward to Playwright bindings. So the page gets
 * exactly the `window.shopfloor` the app ships, built by the same code.
 * Sandboxed preloads may only require('electron'): anything else throws here too.
 */
export function preloadInitScript(bundlePath = PRELOAD_BUNDLE): string {
  if (!existsSync(bundlePath)) {
    throw new Error(`${bundlePath} is missing: run "npm run build" before the browser tests.`);
  }
  const bundle = readFileSync(bundlePath, 'utf8');
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, payload) => window[${JSON.stringify(INVOKE_BINDING)}](channel, payload),
    send: (channel, payload) => void window[${JSON.stringify(SEND_BINDING)}](channel, payload),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: api, enumerable: true, configurable: false, writable: false });
    },
  };
  Object.defineProperty(window, ${JSON.stringify(EMIT_FUNCTION)}, {
    value: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-renderer-event' }, payload);
    },
  });
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('A sandboxed preload cannot require "' + name + '"');
  };
  (function (require, module, exports) {
${bundle}
  })(require, { exports: {} }, {});
})();`;
}
