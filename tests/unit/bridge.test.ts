import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { createShopfloorApi, type BridgeTransport } from '../../shared/ipc/bridge';

function recordingTransport() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: BridgeTransport = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    subscribe: (channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  };
  return { transport, invoked, listeners };
}

describe('window.shopfloor (built by the preload)', () => {
  it('exposes one function per contract channel and on(), nothing generic', () => {
    const api = createShopfloorApi(recordingTransport().transport);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(INVOKE_CHANNELS), 'on'].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends the request to its own channel and drops any extra arguments', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createShopfloorApi(transport) as unknown as Record<string, (...args: unknown[]) => unknown>;
    await api.listWorkOrders!({ search: 'pump' }, 'extra', { sneaky: true });
    expect(invoked).toEqual([[INVOKE_CHANNELS.listWorkOrders, { search: 'pump' }]]);
  });

  it('hands event listeners the payload only, and unsubscribes', () => {
    const { transport, listeners } = recordingTransport();
    const api = createShopfloorApi(transport);
    const received: unknown[][] = [];
    const off = api.on('workOrdersChanged', (...args: unknown[]) => received.push(args));
    listeners.get(EVENT_CHANNELS.workOrdersChanged)!({ ids: ['a'] });
    expect(received).toEqual([[{ ids: ['a'] }]]);
    off();
    expect(listeners.has(EVENT_CHANNELS.workOrdersChanged)).toBe(false);
  });

  it('refuses events outside the contract, including inherited names', () => {
    const api = createShopfloorApi(recordingTransport().transport);
    for (const name of ['nope', 'toString', '__proto__']) {
      expect(() => api.on(name as 'workOrdersChanged', () => {})).toThrow(/Unknown event/);
    }
  });
});
