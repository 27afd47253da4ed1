import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventName, type InvokeMethod } from './channels';
import type { ShopfloorApi } from './contract';

/** The two things the bridge needs from its host: Electron's ipcRenderer, or a test harness. */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Subscribe to a channel; the listener gets the payload only. Returns an unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.shopfloor`: one function per contract channel and `on()`.
 * Nothing generic crosses: no `invoke(channel)`, no `send`, no event object.
 * Only the request argument is forwarded, so extra arguments never reach main.
 */
export function createShopfloorApi(transport: BridgeTransport): ShopfloorApi {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(INVOKE_CHANNELS) as InvokeMethod[]) {
    const channel = INVOKE_CHANNELS[method];
    api[method] = (request?: unknown) => transport.invoke(channel, request);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!Object.hasOwn(EVENT_CHANNELS, event)) throw new Error(`Unknown event "${String(event)}"`);
    return transport.subscribe(EVENT_CHANNELS[event], (payload) => listener(payload));
  };
  return Object.freeze(api) as ShopfloorApi;
}
