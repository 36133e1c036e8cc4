import { expect, Page } from '@playwright/test';

/** Opens `path` and signs in with the guest provider (the embedded default) if asked to. */
export async function signInAsGuest(page: Page, path = '/catalog') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  const settings = page.getByRole('link', { name: 'Settings' });
  await expect(enter.or(settings).first()).toBeVisible({ timeout: 60_000 });
  if (await enter.isVisible()) {
    await enter.click();
    await expect(enter).toBeHidden();
  }
  await expect(settings).toBeVisible();
}
