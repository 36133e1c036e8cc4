import { Browser, expect, test } from '@playwright/test';
import { backendToken, ExampleUser, signInAs } from './helpers';

/**
 * Two people at once, the way the four-eyes journey needs them: each browser context signs in
 * through the oauth2Proxy provider as a different user of examples/org.yaml and sees itself.
 */
async function signedIn(browser: Browser, user: ExampleUser) {
  const context = await browser.newContext({
    baseURL: 'http://localhost:3000',
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  await signInAs(page, user, '/settings');
  return { context, page };
}

test('guest and approver sign in side by side, each as themselves', async ({
  browser,
}) => {
  const guest = await signedIn(browser, 'guest');
  const approver = await signedIn(browser, 'approver');

  // The identity card links the signed-in user entity, named by its catalog display name.
  const identity = (page: typeof guest.page, user: ExampleUser) =>
    page.locator(`a[href="/catalog/default/user/${user}"]`).first();
  await expect(identity(approver.page, 'approver')).toHaveText(
    'Avery Approver',
  );
  await expect(identity(guest.page, 'guest')).toHaveText('Guest');
  // The first context is still the guest after the second signed in.
  await guest.page.reload();
  await expect(identity(guest.page, 'guest')).toHaveText('Guest');
  await expect(
    guest.page.locator('a[href="/catalog/default/user/approver"]'),
  ).toHaveCount(0);

  await Promise.all([guest.context.close(), approver.context.close()]);
});

test('the sidebar bell opens the notifications of the signed-in person', async ({
  page,
}) => {
  await signInAs(page, 'approver', '/catalog');
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(
    page.getByRole('heading', { name: 'Notifications', level: 1 }),
  ).toBeVisible();
});

test('the backend knows each by their catalog user and groups', async ({
  request,
}) => {
  for (const [user, groups] of [
    ['guest', ['group:default/ml-engineers', 'group:default/ml-platform']],
    ['approver', ['group:default/ml-platform']],
  ] as const) {
    const token = await backendToken(request, user);
    const res = await request.get(
      'http://localhost:7007/api/auth/v1/userinfo',
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(res.ok()).toBe(true);
    const claims = (await res.json()).claims;
    expect(claims.sub).toBe(`user:default/${user}`);
    expect([...claims.ent].sort()).toEqual([...groups, `user:default/${user}`]);
  }
});

test('a request without the proxy header is not signed in', async ({
  request,
}) => {
  const res = await request.get(
    'http://localhost:7007/api/auth/oauth2Proxy/refresh',
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(res.ok()).toBe(false);
});
