import { contextBridge, ipcRenderer } from 'electron';
import { PROXY_SIGN_IN_CHANNEL, type ProxySignInApi } from '../shared/ipc/proxySignIn';

/**
 * The proxy sign-in window's whole preload: `window.proxySignIn` with submit and cancel, nothing
 * else (no invoke, no listener, not the app's contract). Main takes one answer from this window
 * only, checks it with zod and closes the window (main/ipc/proxySignInAnswer.ts).
 */
const api: ProxySignInApi = {
  submit: (username, password) => ipcRenderer.send(PROXY_SIGN_IN_CHANNEL, { username: String(username), password: String(password) }),
  cancel: () => ipcRenderer.send(PROXY_SIGN_IN_CHANNEL, null),
};
contextBridge.exposeInMainWorld('proxySignIn', Object.freeze(api));
