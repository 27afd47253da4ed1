import type { ShopfloorApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Built by the preload from the IPC contract (or by the browser test harness). */
    readonly shopfloor?: ShopfloorApi;
  }
}

export {};
