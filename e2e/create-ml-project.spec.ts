import { expect, test } from './fixtures';
import { signInAsGuest } from './helpers';

/**
 * The "Create new ML project" journey in local mode: the template publishes to a git
 * repository under data/local-repos (azure-ml:publish:local), registers it, and the output link
 * opens the new entity's Azure ML tab.
 */
test('creates an ML project from the Create page in local mode', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const name = `e2e-${Date.now().toString(36)}`;
  await signInAsGuest(page, '/create');
  await expect(page.getByText('Create new ML project').first()).toBeVisible();
  await page.goto('/create/templates/default/create-ml-project');

  // Project
  await page.getByRole('textbox', { name: /^Name/ }).fill(name);
  await page
    .getByRole('textbox', { name: /^Description/ })
    .fill(`End-to-end "${name}" project`);
  const owner = page.getByRole('textbox', { name: /^Owner/ });
  await owner.click();
  // The picker lists groups by their display name (examples/org.yaml).
  await owner.fill('ML Engineers');
  await page
    .getByRole('option', { name: /ML Engineers/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Azure ML (environments and compute keep their defaults)
  await page
    .getByRole('textbox', { name: /^Model name/ })
    .fill(`${name}-model`);
  await page
    .getByRole('textbox', { name: /^Experiment name/ })
    .fill(`${name}-train`);
  await page.getByRole('button', { name: 'Next' }).click();

  // Repository: local mode is the default
  await page
    .getByRole('textbox', { name: /^Local destination/ })
    .fill(`e2e/${name}`);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const tabLink = page.getByRole('link', { name: 'Azure ML tab' });
  await expect(tabLink).toBeVisible({ timeout: 180_000 });
  await tabLink.click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${name}/azure-ml`),
  );
  // The catalog processes the new location asynchronously; a "not found" entity page does
  // not refresh itself, so reload until the entity is there.
  const heading = page.getByRole('heading', { name });
  await expect(async () => {
    if (!(await heading.isVisible())) {
      await page.reload();
    }
    await expect(heading).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
});
