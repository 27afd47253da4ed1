import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { registerIpc } from '../../main/ipc/register';
import { isTrustedSender } from '../../main/ipc/trustedSender';
import { memoryLogger } from '../helpers/memoryLogger';

type Handler = (event: unknown, payload: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('registerIpc', () => {
  it('registers every contract channel, and removes them all again', () => {
    const ipcMain = fakeIpcMain();
    const unregister = registerIpc({ ipcMain: ipcMain as never, dispatch: vi.fn(), logger: memoryLogger() });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('refuses a sender from another origin before the dispatcher sees it, and logs a warning', async () => {
    const ipcMain = fakeIpcMain();
    const dispatch = vi.fn();
    const logger = memoryLogger();
    registerIpc({ ipcMain: ipcMain as never, dispatch, logger });
    const handler = ipcMain.handlers.get(INVOKE_CHANNELS.listWorkOrders)!;
    const result = await handler(topFrame('https://evil.example/'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn' }));
  });

  it('passes our own page through to the dispatcher', async () => {
    const ipcMain = fakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    registerIpc({ ipcMain: ipcMain as never, dispatch, logger: memoryLogger() });
    await ipcMain.handlers.get(INVOKE_CHANNELS.getSyncStatus)!(topFrame('app://bundle/index.html'), undefined);
    expect(dispatch).toHaveBeenCalledWith(INVOKE_CHANNELS.getSyncStatus, undefined);
  });
});

describe('isTrustedSender', () => {
  it.each([
    ['a destroyed frame', null, undefined],
    ['a sub-frame of our page', { url: 'app://bundle/index.html', parent: {} }, undefined],
    ['another origin', { url: 'https://evil.example/', parent: null }, undefined],
    ['a look-alike host', { url: 'app://bundle.evil/index.html', parent: null }, undefined],
    ['file://', { url: 'file:///etc/passwd', parent: null }, undefined],
    ['the dev server in a packaged build', { url: 'http://localhost:5173/', parent: null }, undefined],
    ['another port than the dev server', { url: 'http://localhost:5174/', parent: null }, 'http://localhost:5173'],
    ['a URL that does not parse', { url: 'not a url', parent: null }, undefined],
  ])('refuses %s', (_name, frame, devServerUrl) => {
    expect(isTrustedSender(frame, devServerUrl)).toBe(false);
  });

  it('accepts the app origin, and the dev server only when one is configured', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/#x', parent: null }, 'http://localhost:5173')).toBe(true);
  });
});
