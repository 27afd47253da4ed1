import { provisionLocalAccount } from '../../main/core/auth/session';
import { openDatabase } from '../../main/core/db/connection';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';

/**
 * A kiosk PC (IT's `kiosk: true`): the sign-in screen, the lock screen of a shared PC, is the only
 * place with a way out, and only an administrator's password opens it. The window itself (full
 * screen, no menu, no close) is the shell's: tests/unit/shell.test.ts and tests/electron/kiosk.spec.ts.
 */
test.use({ signedInAs: null });

test('the sign-in screen offers "Exit kiosk (IT)" only on a kiosk, and it takes only an administrator', async ({ page, core, kiosk }) => {
  const db = openDatabase(core.journalPath);
  provisionLocalAccount(db, { username: 'ida', role: 'admin' }, 'it-department', new Date().toISOString());
  db.close();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Shopfloor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exit kiosk (IT)' })).toHaveCount(0);

  kiosk.active = true;
  await page.reload();
  await page.getByRole('button', { name: 'Exit kiosk (IT)' }).click();
  const form = page.getByRole('form', { name: 'Exit kiosk (IT)' });
  await form.getByLabel('Administrator user name').fill('alice');
  await form.getByLabel('Administrator password').fill('shopfloor-demo');
  await form.getByRole('button', { name: 'Exit kiosk' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Only an administrator who has signed in on this computer before can exit the kiosk. Check the user name and password.',
  );
  await expect(form.getByLabel('Administrator password')).toHaveValue('');
  await expectAccessible(page, 'kiosk-exit');
  await saveScreenshot(page, 'kiosk-exit');
  expect(kiosk.exits).toBe(0);

  await form.getByLabel('Administrator user name').fill('ida');
  await form.getByLabel('Administrator password').fill('it-department');
  await form.getByRole('button', { name: 'Exit kiosk' }).click();
  await expect(form.getByRole('status')).toHaveText('Closing Shopfloor…');
  await expect.poll(() => kiosk.exits).toBe(1);
});
