import { Browser, expect, Locator, Page, test } from './fixtures';
import path from 'node:path';
import { ExampleUser, sessionToken, signInAs } from './helpers';

/**
 * The four-eyes journey with two real sign-ins through the local identity provider (sign-in
 * page → popup → its login form → back signed in), each in its own browser context:
 * requester (an owner of taxi-fare, through ml-engineers) requests the promotion of dev v10
 * to prod and can neither see Approve nor approve through the API; approver (ml-platform)
 * approves it on the Model approvals page; both see prod v10 as the champion with its
 * lineage; requester rolls the champion back. Both are told through Backstage notifications.
 */
const docs = path.join(__dirname, '..', 'plugins/azure-ml/docs');
const TAB = '/catalog/default/component/taxi-fare/azure-ml';

async function person(browser: Browser, user: ExampleUser, at: string) {
  // A context of one's own (contexts made here do not take the config's `use` options).
  const context = await browser.newContext({
    baseURL: 'http://localhost:3000',
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  await signInAs(page, user, at);
  return page;
}

function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

test('one person requests a promotion, another approves it, both are told, and the champion can be rolled back', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const requester = await person(browser, 'requester', TAB);

  // The requester promotes dev v10: metrics side by side, each rule passed.
  const promote = requester.getByRole('button', {
    name: 'Promote taxi-fare-model v10 to prod',
  });
  await expect(promote).toBeEnabled({ timeout: 60_000 });
  await promote.click();
  const dialog = requester.getByRole('dialog');
  await expect(
    dialog.getByRole('heading', {
      name: 'Promote taxi-fare-model v10 from dev to prod',
    }),
  ).toBeVisible();
  await expect(
    dialog.getByRole('table', { name: 'Promotion policy' }),
  ).toBeVisible();
  await expect(dialog.getByTestId('policy-rule-failed')).toHaveCount(0);
  await dialog
    .getByLabel('Comment for the approver (optional)')
    .fill('v10 beats the champion on rmse');
  await dialog.screenshot({ path: path.join(docs, 'promote-dialog.png') });
  await dialog.getByRole('button', { name: 'Request promotion' }).click();
  await expect(
    dialog.getByTestId('promotion-state-pending_approval'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The requester may not approve their own request: no Approve or Reject, and the API
  // refuses it with the requester's own session.
  const history = card(requester, 'Promotions');
  await expect(
    history.getByText('Waiting for another approver — you requested this'),
  ).toBeVisible();
  await expect(
    history.getByRole('button', {
      name: 'Approve the promotion of taxi-fare-model v10 to prod',
    }),
  ).toHaveCount(0);
  const token = await sessionToken(requester);
  const pending = await requester.request.get(
    'http://localhost:7007/api/azure-ml/promotions?state=pending_approval',
    { headers: { Authorization: `Bearer ${token}` } },
  );
  expect(pending.ok()).toBe(true);
  const request = (await pending.json()).items.find(
    (p: { model: string; sourceVersion: string }) =>
      p.model === 'taxi-fare-model' && String(p.sourceVersion) === '10',
  );
  expect(request).toBeDefined();
  const ownApproval = await requester.request.post(
    `http://localhost:7007/api/azure-ml/promotions/${request.id}/approve`,
    { headers: { Authorization: `Bearer ${token}` }, data: {} },
  );
  expect(ownApproval.status()).toBe(403);

  // The approver, signed in separately, is told and approves from the approvals page.
  const approver = await person(browser, 'approver', '/notifications');
  await expect(
    approver
      .getByText('Approve promotion of taxi-fare-model version 10 to prod')
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  await approver.goto('/azure-ml/approvals');
  const approve = approver.getByRole('button', {
    name: 'Approve the promotion of taxi-fare-model v10 to prod',
  });
  await expect(approve).toBeEnabled({ timeout: 60_000 });
  await approver.screenshot({ path: path.join(docs, 'approvals-page.png') });
  await approve.click();
  const decision = approver.getByRole('dialog');
  await expect(
    decision.getByText(/v10 beats the champion on rmse/),
  ).toBeVisible();
  await decision
    .getByLabel('Comment for the requester (optional)')
    .fill('Checked the run, go');
  await decision.getByRole('button', { name: 'Approve' }).click();
  await expect(decision).toBeHidden();
  await expect(approver.getByText('Nothing to approve')).toBeVisible({
    timeout: 30_000,
  });

  // The requester's history moves to Succeeded by itself; prod v10 is the champion with its lineage.
  await expect(history.getByTestId('promotion-state-succeeded')).toBeVisible({
    timeout: 60_000,
  });
  await requester.reload();
  const versions = card(requester, 'Model versions');
  const prod10 = versions
    .locator('tbody tr')
    .filter({ hasText: 'from dev v10' });
  await expect(prod10).toBeVisible({ timeout: 60_000 });
  await expect(prod10.getByText('champion')).toBeVisible();
  await card(requester, 'Promotions').screenshot({
    path: path.join(docs, 'promotion-history.png'),
  });

  // Side by side: dev v10 with its prod copy, the champion, beside it.
  await versions.getByRole('button', { name: /One list/ }).click();
  await requester.getByRole('option', { name: 'dev beside prod' }).click();
  await expect(
    versions.getByRole('columnheader', { name: 'In prod' }),
  ).toBeVisible();
  const dev10 = versions.locator('tbody tr').filter({
    has: requester.getByText('v10', { exact: true }),
  });
  await expect(dev10).toHaveCount(1, { timeout: 30_000 });
  await expect(dev10.getByText('champion')).toBeVisible();
  await expect(dev10.getByText(/^copied /)).toBeVisible();
  await expect(
    versions.getByText('not promoted', { exact: true }).first(),
  ).toBeVisible();
  await versions.screenshot({
    path: path.join(docs, 'versions-side-by-side.png'),
  });

  // The approver sees the new champion on the tab too.
  await approver.goto(TAB);
  const approverProd10 = card(approver, 'Model versions')
    .locator('tbody tr')
    .filter({ hasText: 'from dev v10' });
  await expect(approverProd10.getByText('champion')).toBeVisible({
    timeout: 60_000,
  });

  // The requester was told of the approval and of the result.
  // One notification per request shows its latest news: the new champion, approved by whom
  // (the description is cut short in the list until "Show more").
  await requester.goto('/notifications');
  const told = requester.getByRole('row').filter({
    hasText: 'taxi-fare-model version 10 is the prod champion',
  });
  await expect(told).toBeVisible({ timeout: 60_000 });
  const more = told.getByRole('button', { name: 'Show more' });
  if (await more.count()) await more.click();
  await expect(told.getByText(/approved by Avery Approver/)).toBeVisible();

  // Roll back: the champion returns to the one before (v8), after a confirmation.
  await requester.goto(TAB);
  const rollback = card(requester, 'Promotions').getByRole('button', {
    name: 'Roll back the prod champion of taxi-fare-model',
  });
  await expect(rollback).toBeEnabled({ timeout: 60_000 });
  await rollback.click();
  const confirm = requester.getByRole('dialog');
  await confirm.getByRole('button', { name: 'Roll back' }).click();
  await expect(confirm.getByTestId('promotion-state-succeeded')).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    confirm.getByText('The champion is taxi-fare-model v8 in prod again.'),
  ).toBeVisible();
});
