import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createShopfloorApi } from '../shared/ipc/bridge';

/**
 * The whole preload: `window.shopfloor`, built from the contract's channel
 * list. The listener receives the payload only, never the IpcRendererEvent
 * (it would hand the page `sender`, i.e. ipcRenderer itself).
 */
contextBridge.exposeInMainWorld(
  'shopfloor',
  createShopfloorApi({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
