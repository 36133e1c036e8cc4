import { APIRequestContext, expect, Page } from '@playwright/test';

/**
 * The people of examples/org.yaml: requester (ML engineer, owns taxi-fare) and approver (ML
 * platform) sign in through the local identity provider; guest through the guest provider.
 */
export type ExampleUser = 'guest' | 'requester' | 'approver';

/** The local accounts of packages/local-idp (local-only passwords, README "Sign-in"). */
const LOCAL_PASSWORDS: Record<Exclude<ExampleUser, 'guest'>, string> = {
  requester: 'requester-local-only',
  approver: 'approver-local-only',
};

/**
 * The header oauth2-proxy sets with the signed-in person's user name. e2e/app-config.e2e.yaml
 * configures the backend's oauth2Proxy provider for the tests' direct API calls only.
 */
const FORWARDED_USER = 'X-Forwarded-User';

async function expectSignedIn(page: Page) {
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible({
    timeout: 60_000,
  });
}

/**
 * Opens `path` and signs in as `user` through the portal's sign-in page, the way a person
 * does: requester and approver with "Local sign-in" (a popup with the local identity
 * provider's login form, filled in and sent), guest with "Enter" on the Guest card.
 */
export async function signInAs(
  page: Page,
  user: ExampleUser,
  path = '/catalog',
) {
  // A backend that has just started signs people in only once the catalog has read
  // examples/org.yaml: wait for that first.
  await backendToken(page.request, user);
  await page.goto(path);
  const signIn =
    user === 'guest'
      ? page.getByRole('button', { name: 'Enter' })
      : page.getByRole('button', { name: 'Sign In', exact: true });
  // A page of this browser context may have signed in already (the portal then signs in
  // again on its own with the same provider).
  const settings = page.getByRole('link', { name: 'Settings' });
  await expect(signIn.or(settings)).toBeVisible({ timeout: 60_000 });
  if (await settings.isVisible()) return;
  if (user === 'guest') {
    await signIn.click();
    await expectSignedIn(page);
    return;
  }
  const popupOpened = page.waitForEvent('popup');
  await signIn.click();
  const popup = await popupOpened;
  await fillLocalLogin(popup, user, LOCAL_PASSWORDS[user]);
  await popup.waitForEvent('close', { timeout: 30_000 });
  await expectSignedIn(page);
}

/** Fills in and sends the local identity provider's login form (in the sign-in popup). */
export async function fillLocalLogin(
  popup: Page,
  username: string,
  password: string,
) {
  await expect(
    popup.getByRole('heading', { name: 'Local sign-in' }),
  ).toBeVisible({ timeout: 30_000 });
  await popup.getByLabel('User name').fill(username);
  await popup.getByLabel('Password').fill(password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path` signed in as the guest user (browsing, creating projects, DNS validation). */
export function signInAsGuest(page: Page, path = '/catalog') {
  return signInAs(page, 'guest', path);
}

/**
 * A Backstage token of `user` for calling the backend's API directly, through the oauth2Proxy
 * provider of the e2e config. A backend that has just started signs people in only once the
 * catalog has read examples/org.yaml (the provider signs in catalog users): until then it is
 * asked again.
 */
export async function backendToken(
  request: APIRequestContext,
  user: ExampleUser,
): Promise<string> {
  let token = '';
  await expect(async () => {
    const res = await request.get(
      'http://localhost:7007/api/auth/oauth2Proxy/refresh',
      {
        headers: {
          'X-Requested-With': 'XMLHttpRequest',
          [FORWARDED_USER]: user,
        },
      },
    );
    expect(res.ok()).toBe(true);
    token = (await res.json()).backstageIdentity.token;
  }).toPass({ timeout: 120_000 });
  return token;
}

/**
 * The Backstage token of the person signed in on `page` through the local identity provider:
 * the portal's own session (the oidc provider's refresh cookie of the page's browser context).
 */
export async function sessionToken(page: Page): Promise<string> {
  const res = await page.request.get(
    'http://localhost:7007/api/auth/oidc/refresh?env=development',
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(res.ok()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}
