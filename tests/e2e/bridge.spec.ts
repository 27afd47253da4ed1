import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import { expect, test } from './harness/fixtures';

/** What the page can reach through the bridge, checked from inside the page. */
test.describe('window.shopfloor in the page', () => {
  test('offers exactly the contract: one function per channel and on()', async ({ page }) => {
    await page.goto('/');
    const shape = await page.evaluate(() => {
      const api = window.shopfloor as unknown as Record<string, unknown>;
      return Object.keys(api)
        .sort()
        .map((key) => [key, typeof api[key]]);
    });
    expect(shape).toEqual([...Object.keys(INVOKE_CHANNELS), 'on'].sort().map((key) => [key, 'function']));
  });

  test('a malformed request from the page is refused with a code and a sentence', async ({ page }) => {
    await page.goto('/');
    const result = await page.evaluate(() =>
      (window.shopfloor as unknown as { listWorkOrders(q: unknown): Promise<unknown> }).listWorkOrders({
        limit: 1e9,
        status: 'exploded',
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^The request was not valid: /) },
    });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
  });

  test('event listeners get the payload only', async ({ page, emit }) => {
    await page.goto('/');
    await page.evaluate(() => {
      const w = window as unknown as { received: unknown[][] };
      w.received = [];
      window.shopfloor!.on('workOrdersChanged', (...args: unknown[]) => w.received.push(args));
    });
    await emit('workOrdersChanged', { ids: ['wo-1'] });
    expect(await page.evaluate(() => (window as unknown as { received: unknown[][] }).received)).toEqual([
      [{ ids: ['wo-1'] }],
    ]);
  });

  test('the content security policy blocks injected scripts and matches the shell’s header', async ({ page }) => {
    await page.goto('/');
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      return {
        directive: await violation,
        inlineRan: (window as unknown as { inlineRan?: boolean }).inlineRan ?? false,
        meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      };
    });
    expect(outcome).toMatchObject({ directive: 'script-src-elem', inlineRan: false });
    // The <meta> policy is the app:// header's, less frame-ancestors (which a <meta> cannot carry).
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(outcome.meta!.split('; ').sort()).toEqual(header.sort());
  });
});
