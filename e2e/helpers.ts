import { APIRequestContext, expect, Page } from '@playwright/test';

/**
 * The header oauth2-proxy sets with the signed-in person's user name. The e2e config
 * (app-config.e2e.yaml) signs in through the backend's oauth2Proxy provider, which trusts it;
 * with no proxy in front, each browser context sends it itself.
 */
const FORWARDED_USER = 'X-Forwarded-User';

/** The people of examples/org.yaml: guest (ML engineer) and approver (ML platform). */
export type ExampleUser = 'guest' | 'approver';

/**
 * Opens `path` signed in as `user`: every request of the page's browser context carries the
 * proxy's header, and the portal's sign-in page signs in with it on its own.
 */
export async function signInAs(
  page: Page,
  user: ExampleUser,
  path = '/catalog',
) {
  await page.context().setExtraHTTPHeaders({ [FORWARDED_USER]: user });
  await backendToken(page.request, user);
  await page.goto(path);
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible({
    timeout: 60_000,
  });
}

/** Opens `path` signed in as the guest user (the requester of the four-eyes journey). */
export function signInAsGuest(page: Page, path = '/catalog') {
  return signInAs(page, 'guest', path);
}

/**
 * A Backstage token of `user` for calling the backend's API directly. A backend that has just
 * started signs people in only once the catalog has read examples/org.yaml (the provider
 * signs in catalog users): until then it is asked again.
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
