import { describe, expect, it, vi } from 'vitest';
import { MAX_REFUSALS, ProxyLoginBroker, QUIET_MS, REFUSAL_WINDOW_MS, REUSE_WINDOW_MS, type ProxyCredentials } from '../../main/core/net/proxyLogin';

/** Who gets the proxy password, when the technician is asked, and how asking never loops. */
const proxy = { isProxy: true, host: 'proxy.shop.local', port: 3128, realm: 'Shop', scheme: 'basic' };
const dana: ProxyCredentials = { username: 'dana', password: 's3cret' };

function broker(answers: (ProxyCredentials | null)[] = []) {
  let clock = 1_000_000;
  const prompt = vi.fn(async () => (answers.length ? answers.shift()! : dana));
  const b = new ProxyLoginBroker(prompt, () => clock);
  return { b, prompt, advance: (ms: number) => (clock += ms) };
}

describe('proxy sign-in', () => {
  it('asks once and answers the proxy with what the technician typed', async () => {
    const { b, prompt } = broker();
    expect(await b.answer(proxy)).toEqual({ kind: 'use', credentials: dana });
    expect(prompt).toHaveBeenCalledWith({ proxy: 'proxy.shop.local:3128', realm: 'Shop', refused: false });
  });

  it('never gives the password to a web server that asks for one', async () => {
    const { b, prompt } = broker();
    expect(await b.answer({ ...proxy, isProxy: false })).toMatchObject({ kind: 'cancel' });
    expect(prompt).not.toHaveBeenCalled();
  });

  it('shows one dialog for requests challenged at the same time, and reuses the answer right after', async () => {
    const { b, prompt, advance } = broker();
    const [first, second] = await Promise.all([b.answer(proxy), b.answer(proxy)]);
    expect(first).toEqual(second);
    advance(REUSE_WINDOW_MS - 1);
    expect(await b.answer(proxy)).toEqual({ kind: 'use', credentials: dana });
    expect(prompt).toHaveBeenCalledTimes(1);
  });

  it('asks again, saying the proxy refused, and stops after the limit instead of looping', async () => {
    const { b, prompt, advance } = broker([dana, { username: 'dana', password: 'typo' }, dana, dana, dana]);
    await b.answer(proxy);
    for (let refusal = 1; refusal < MAX_REFUSALS; refusal++) {
      advance(REUSE_WINDOW_MS);
      expect(await b.answer(proxy)).toMatchObject({ kind: 'use' });
      expect(prompt).toHaveBeenLastCalledWith(expect.objectContaining({ refused: true }));
    }
    advance(REUSE_WINDOW_MS);
    expect(await b.answer(proxy)).toMatchObject({ kind: 'cancel', reason: expect.stringContaining(`${MAX_REFUSALS} times`) });
    expect(prompt).toHaveBeenCalledTimes(MAX_REFUSALS);
    // The sync worker keeps retrying: no dialog until the quiet time is over.
    for (let i = 0; i < 20; i++) {
      advance(10_000);
      expect(await b.answer(proxy)).toMatchObject({ kind: 'cancel' });
    }
    expect(prompt).toHaveBeenCalledTimes(MAX_REFUSALS);
    advance(QUIET_MS);
    expect(await b.answer(proxy)).toMatchObject({ kind: 'use' });
    expect(prompt).toHaveBeenLastCalledWith(expect.objectContaining({ refused: false }));
  });

  it('Cancel keeps the dialog away for a while', async () => {
    const { b, prompt, advance } = broker([null, dana]);
    expect(await b.answer(proxy)).toMatchObject({ kind: 'cancel', reason: 'The proxy sign-in was cancelled.' });
    advance(QUIET_MS - 1);
    expect(await b.answer(proxy)).toMatchObject({ kind: 'cancel' });
    expect(prompt).toHaveBeenCalledTimes(1);
    advance(1);
    expect(await b.answer(proxy)).toEqual({ kind: 'use', credentials: dana });
  });

  it('asks again without counting a refusal when the proxy session ended long after', async () => {
    const { b, prompt, advance } = broker();
    await b.answer(proxy);
    advance(REFUSAL_WINDOW_MS);
    expect(await b.answer(proxy)).toMatchObject({ kind: 'use' });
    expect(prompt).toHaveBeenLastCalledWith(expect.objectContaining({ refused: false }));
  });

  it('keeps each proxy apart, and forgets every password on request', async () => {
    const { b, prompt } = broker();
    await b.answer(proxy);
    await b.answer({ ...proxy, port: 8080 });
    expect(prompt).toHaveBeenCalledTimes(2);
    b.forgetAll();
    await b.answer(proxy);
    expect(prompt).toHaveBeenCalledTimes(3);
  });
});

describe("the shell's app 'login' handler", async () => {
  const { EventEmitter } = await import('node:events');
  const { registerProxyLogin } = await import('../../main/proxy/registerProxyLogin');
  const { memoryLogger } = await import('../helpers/memoryLogger');

  function login(app: InstanceType<typeof EventEmitter>, isProxy: boolean) {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    const answered = new Promise<void>((resolve) => callback.mockImplementation(() => resolve()));
    app.emit('login', event, null, { url: 'https://sync.shop.local/api/v1/health' }, { ...proxy, isProxy }, callback);
    return { event, callback, answered };
  }

  it('answers a proxy with the credentials, and when it gives up, cancels and logs why without the password', async () => {
    const app = new EventEmitter();
    const { b, advance } = broker([dana, null]);
    const logger = memoryLogger();
    registerProxyLogin(app as never, b, logger);
    const first = login(app, true);
    await first.answered;
    expect(first.event.preventDefault).toHaveBeenCalled();
    expect(first.callback).toHaveBeenCalledWith('dana', 's3cret');
    advance(REUSE_WINDOW_MS);
    const refused = login(app, true);
    await refused.answered;
    expect(refused.callback).toHaveBeenCalledWith();
    expect(JSON.stringify(logger.entries)).toContain('proxy.shop.local:3128');
    expect(JSON.stringify(logger.entries)).not.toContain('s3cret');
  });

  it("leaves a web server's password request to Electron's default (refused)", () => {
    const app = new EventEmitter();
    const { b, prompt } = broker();
    registerProxyLogin(app as never, b, memoryLogger());
    const server = login(app, false);
    expect(server.event.preventDefault).not.toHaveBeenCalled();
    expect(server.callback).not.toHaveBeenCalled();
    expect(prompt).not.toHaveBeenCalled();
  });
});
