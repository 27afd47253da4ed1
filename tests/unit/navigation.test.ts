import { describe, expect, it } from 'vitest';
import { hardenWebContents } from '../../main/security/navigation';
import { memoryLogger } from '../helpers/memoryLogger';

type Listener = (event: { preventDefault(): void; url?: string }, url?: string) => void;

function fakeContents(currentUrl = 'app://bundle/index.html') {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    getURL: () => currentUrl,
  };
  const fire = (name: string, url: string) => {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => (prevented = true), url }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  it('blocks navigation, frame navigation and redirects away from the app', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents as never, memoryLogger());
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
  });

  it('lets the app reload itself', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents as never, memoryLogger());
    expect(fire('will-navigate', 'app://bundle/index.html')).toBe(false);
  });

  it('denies new windows and <webview> and logs them', () => {
    const { contents, fire, open } = fakeContents();
    const logger = memoryLogger();
    hardenWebContents(contents as never, logger);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview', 'about:blank')).toBe(true);
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
  });
});
