import { expect, test, type Page } from '@playwright/test';
import { ProxySignInAnswerSchema } from '../../main/ipc/proxySignInAnswer';
import { META_CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import { PROXY_SIGN_IN_CHANNEL, PROXY_SIGN_IN_PAGE, proxySignInQuery, type ProxySignInContext } from '../../shared/ipc/proxySignIn';
import { expectAccessible } from './harness/accessibility';
import { PROXY_SIGN_IN_PRELOAD_BUNDLE, preloadInitScript, SEND_BINDING } from './harness/preloadInPage';

/**
 * The proxy sign-in window's page, built (second entry of the renderer), in real Chromium, with
 * its real preload bundle: what reaches "main" is what ipcRenderer.send would carry, recorded here.
 * main/ipc/proxySignInAnswer.ts takes exactly one such message; these tests check each would pass
 * its schema.
 */
const shopProxy: ProxySignInContext = { proxy: 'proxy.shop.local:3128', realm: 'Plant 2 web access', refused: false };

async function openPrompt(page: Page, context: ProxySignInContext = shopProxy) {
  const sent: { channel: string; payload: unknown }[] = [];
  await page.exposeBinding(SEND_BINDING, (_source, channel: string, payload: unknown) => void sent.push({ channel, payload }));
  await page.addInitScript({ content: preloadInitScript(PROXY_SIGN_IN_PRELOAD_BUNDLE) });
  await page.goto(`/${PROXY_SIGN_IN_PAGE}${proxySignInQuery(context)}`);
  await expect(page.getByRole('heading', { name: 'Proxy sign-in' })).toBeVisible();
  return sent;
}

test.describe('the proxy sign-in window', () => {
  test('says which proxy asks, and OK sends what was typed, once', async ({ page }) => {
    const sent = await openPrompt(page);
    await expect(page.getByText('The proxy proxy.shop.local:3128 asks for a user name and password')).toBeVisible();
    await expect(page.getByText('“Plant 2 web access”')).toBeVisible();
    await expect(page.getByLabel('User name')).toBeFocused();
    await page.getByLabel('User name').fill('dana');
    await page.getByLabel('Password').fill('s3cret ü');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => sent).toEqual([{ channel: PROXY_SIGN_IN_CHANNEL, payload: { username: 'dana', password: 's3cret ü' } }]);
    expect(ProxySignInAnswerSchema.safeParse(sent[0]!.payload).success).toBe(true);
    await expect(page.getByRole('button', { name: 'OK' })).toBeDisabled();
    await page.getByRole('button', { name: 'Cancel' }).click({ force: true });
    expect(sent).toHaveLength(1);
  });

  test('Enter in the password field signs in', async ({ page }) => {
    const sent = await openPrompt(page);
    await page.getByLabel('User name').fill('dana');
    await page.getByLabel('Password').fill('s3cret');
    await page.getByLabel('Password').press('Enter');
    await expect.poll(() => sent.map((s) => s.payload)).toEqual([{ username: 'dana', password: 's3cret' }]);
  });

  test('Cancel sends one cancel, and nothing typed', async ({ page }) => {
    const sent = await openPrompt(page);
    await page.getByLabel('User name').fill('dana');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => sent).toEqual([{ channel: PROXY_SIGN_IN_CHANNEL, payload: null }]);
    expect(ProxySignInAnswerSchema.safeParse(null).success).toBe(true);
  });

  test('Escape cancels', async ({ page }) => {
    const sent = await openPrompt(page);
    await page.getByLabel('Password').press('Escape');
    await expect.poll(() => sent.map((s) => s.payload)).toEqual([null]);
  });

  test('without a user name, says what is missing and sends nothing', async ({ page }) => {
    const sent = await openPrompt(page);
    await page.getByLabel('Password').fill('s3cret');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('alert')).toHaveText('Type the user name the proxy expects (often your Windows user name).');
    await expect(page.getByLabel('User name')).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);
  });

  test('after a refusal, says the proxy did not accept the last answer', async ({ page }) => {
    await openPrompt(page, { ...shopProxy, refused: true });
    await expect(page.getByRole('alert')).toHaveText('The proxy did not accept the last user name and password. Check them and try again.');
  });

  test('offers only submit and cancel (not the app’s contract), under the app’s CSP, and passes axe', async ({ page }) => {
    await openPrompt(page);
    expect(await page.evaluate(() => [Object.keys(window.proxySignIn ?? {}).sort(), typeof window.shopfloor, Object.isFrozen(window.proxySignIn)])).toEqual([
      ['cancel', 'submit'],
      'undefined',
      true,
    ]);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(META_CONTENT_SECURITY_POLICY);
    await expectAccessible(page, 'proxy sign-in');
    await page.setViewportSize({ width: 460, height: 450 });
    await page.screenshot({ path: 'test-results/screenshots/proxy-sign-in.png' });
  });
});
