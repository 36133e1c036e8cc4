import { expect, test } from './fixtures';
import { signInAsGuest } from './helpers';

test('the catalog lists the taxi-fare example and opens its entity page', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog');
  await expect(
    page.getByRole('heading', { name: /Azure ML Platform Catalog/ }),
  ).toBeVisible();
  const link = page.getByRole('link', { name: 'Taxi fare model' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/taxi-fare/);
  await expect(
    page.getByRole('heading', { name: 'Taxi fare model' }),
  ).toBeVisible();
  await expect(page.getByText('ml-model').first()).toBeVisible();
});
