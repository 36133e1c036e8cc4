import { expect, test } from './fixtures';
import { backendToken, signInAsGuest } from './helpers';

/**
 * "Create Azure ML environment" in local mode: fill in the template in the portal, let the
 * custom actions validate against the seed's dev/prod environments, render and validate the
 * Terraform, publish to a local git repository, and open the registered environment entity.
 */
test('creates an Azure ML environment in local mode and shows its entity', async ({
  page,
  request,
}) => {
  // A fresh name and address space per run: local repositories and entities persist.
  const run = Date.now();
  const name = `e2e${run % 100000}`;
  const octet = 100 + (run % 150);
  const cidr = (third: number, prefix: number) =>
    `10.${octet}.${third}.0/${prefix}`;

  const token = await backendToken(request, 'guest');
  const actions = await (
    await request.get('http://localhost:7007/api/scaffolder/v2/actions', {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json();
  // The backend must have the azure-ml scaffolder module installed.
  expect(actions.map((a: { id: string }) => a.id)).toContain(
    'azure-ml:environment:validate',
  );

  await signInAsGuest(page, '/create/templates/default/create-ml-environment');

  // Environment
  await page.getByRole('textbox', { name: /Name \(purpose\)/ }).fill(name);
  await page.getByRole('button', { name: 'Next' }).click();

  // Network
  await page
    .getByRole('textbox', { name: /VNet address space/ })
    .fill(cidr(0, 16));
  await page
    .getByRole('textbox', { name: /Private endpoint subnet/ })
    .fill(cidr(1, 24));
  await page.getByRole('textbox', { name: /Bastion subnet/ }).fill(cidr(2, 26));
  await page.getByRole('textbox', { name: /Jumpbox subnet/ }).fill(cidr(3, 24));
  await page.getByRole('button', { name: 'Next' }).click();

  // Tags, then Repository (local mode is the default)
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const entityLink = page.getByRole('link', {
    name: 'Environment in the catalog',
  });
  await expect(entityLink).toBeVisible({ timeout: 90_000 });
  await entityLink.click();

  // The catalog processes a newly registered location asynchronously, and an entity page
  // that answered "not found" does not refresh itself: reload until the entity is there.
  const heading = page.getByRole('heading', {
    name: `Azure ML environment ${name}`,
  });
  await expect(async () => {
    if (!(await heading.isVisible())) {
      await page.reload();
    }
    await expect(heading).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(page.getByText('azure-ml-environment').first()).toBeVisible();
});
