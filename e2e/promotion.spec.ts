import { Browser, expect, Locator, Page, test } from '@playwright/test';
import path from 'node:path';
import { ExampleUser, signInAs } from './helpers';

/**
 * The four-eyes journey with two real sign-ins, each in its own browser context: guest (an
 * owner of taxi-fare, through ml-engineers) requests the promotion of dev v10 to prod;
 * approver (ml-platform) approves it on the Model approvals page; guest sees it succeed, the
 * prod version with its lineage, and rolls the champion back. Both are told through
 * Backstage notifications.
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
  const requester = await person(browser, 'guest', TAB);

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

  // The requester may not approve their own request.
  const history = card(requester, 'Promotions');
  const ownApprove = history.getByRole('button', {
    name: 'Approve the promotion of taxi-fare-model v10 to prod',
  });
  await expect(ownApprove).toBeDisabled();

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

  // The requester was told of the approval and of the result.
  await requester.goto('/notifications');
  await expect(requester.getByText(/approved/i).first()).toBeVisible({
    timeout: 60_000,
  });

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
