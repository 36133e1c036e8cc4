import { expect, Locator, Page, test } from './fixtures';
import path from 'node:path';
import { signInAsGuest } from './helpers';

/**
 * The ML platform as the catalog discovers it (plugins/catalog-backend-module-azure-ml, read
 * from the emulator's seed): the taxi-fare Component's relations reach its `ai-model` Resource
 * and the registries that hold it; the model's page has the Azure ML tab with its versions and
 * the prod champion; registry, workspace and environment pages have an Azure ML tab of their
 * own. Screenshots go to the plugin's docs, which the README shows.
 */
const docs = path.join(__dirname, '..', 'plugins/azure-ml/docs');

function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/**
 * Opens an entity page once the catalog has it: the provider's first refresh and the
 * catalog's stitching may still be running right after the backend started.
 */
async function openEntity(page: Page, url: string, title: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: title })).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 120_000 });
}

test.beforeEach(async ({ page, request }) => {
  // The seed, without faults another spec may have left.
  await request.delete('http://localhost:7071/_emulator/faults');
  await signInAsGuest(page);
});

test.describe('relations', () => {
  // Twice the pixels: the graph's labels stay legible in the README.
  test.use({ deviceScaleFactor: 2 });

  test("the taxi-fare Component's relations show its model and the model's registries", async ({
    page,
  }) => {
    await openEntity(
      page,
      '/catalog/default/component/taxi-fare',
      'Taxi fare model',
    );
    const graph = page
      .locator('.bui-Card')
      .filter({ has: page.getByRole('heading', { name: 'Relations' }) });
    await expect(graph.getByText('Model taxi-fare-model')).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      graph.getByText('Azure ML registry mlr-dev (dev)'),
    ).toBeVisible();
    await expect(
      graph.getByText('Azure ML registry mlr-prod (prod)'),
    ).toBeVisible();
    await graph.screenshot({ path: path.join(docs, 'catalog-relations.png') });
  });
});

test("the ai-model page has the model's Azure ML tab: versions and the prod champion", async ({
  page,
}) => {
  await openEntity(
    page,
    '/catalog/default/resource/taxi-fare-model',
    'Model taxi-fare-model',
  );
  await page.getByRole('tab', { name: 'Azure ML' }).click();
  await expect(page).toHaveURL(/\/resource\/taxi-fare-model\/azure-ml/);
  const versions = card(page, 'Model versions');
  await expect(versions.locator('tbody tr').first()).toBeVisible({
    timeout: 60_000,
  });
  const championRow = versions
    .locator('tbody tr')
    .filter({ has: page.getByText('champion', { exact: true }) })
    .filter({ has: page.getByTestId('environment-prod') });
  await expect(championRow).toHaveCount(1);
  await expect(championRow.getByText('8', { exact: true })).toBeVisible();
});

test("a registry's page lists its models, the champion and the model's versions", async ({
  page,
}) => {
  await openEntity(
    page,
    '/catalog/default/resource/aml-registry-prod/azure-ml',
    'Azure ML registry mlr-prod (prod)',
  );
  await expect(
    card(page, 'Registries').getByRole('link', { name: /mlr-prod/ }),
  ).toBeVisible({ timeout: 60_000 });
  const models = card(page, 'Models in mlr-prod');
  const row = models
    .locator('tbody tr')
    .filter({ has: page.getByRole('link', { name: 'taxi-fare-model' }) });
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row.getByText('v8', { exact: true })).toBeVisible();
  // Its owner: the ai-model Resource's, from the model's owner tag.
  await expect(row.getByRole('link', { name: 'ML Engineers' })).toHaveAttribute(
    'href',
    '/catalog/default/group/ml-engineers',
  );
  const versions = card(page, 'Versions of taxi-fare-model');
  await expect(versions.locator('tbody tr').first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(versions.getByText('champion', { exact: true })).toBeVisible();
  // The registry's own versions only: none of dev's.
  await expect(versions.getByTestId('environment-prod').first()).toBeVisible();
  await expect(versions.getByTestId('environment-dev')).toHaveCount(0);
  await page.screenshot({
    path: path.join(docs, 'catalog-registry.png'),
    fullPage: true,
  });
});

test("a workspace's page shows the pipeline runs in it, of every experiment", async ({
  page,
}) => {
  await openEntity(
    page,
    '/catalog/default/resource/aml-workspace-dev/azure-ml',
    'Azure ML workspace mlw-dev (dev)',
  );
  await expect(card(page, 'Environments').getByText('mlw-dev')).toBeVisible({
    timeout: 60_000,
  });
  // One card over the workspace's runs (GET /environments/dev/runs), not one per experiment.
  const runs = card(page, 'Pipeline runs in mlw-dev');
  await expect(runs.locator('tbody tr').first()).toBeVisible({
    timeout: 60_000,
  });
  const first = runs
    .locator('tbody tr')
    .filter({ has: page.getByRole('link', { name: /^taxi-fare-train #/ }) })
    .first();
  await expect(first).toBeVisible();
  // The experiment column names each run's experiment.
  await expect(
    first.getByRole('cell', { name: 'taxi-fare-train', exact: true }),
  ).toBeVisible();
});

test("an environment's page shows its workspace, registry and DNS validation", async ({
  page,
}) => {
  await openEntity(
    page,
    '/catalog/default/resource/aml-env-dev/azure-ml',
    'Azure ML environment dev',
  );
  await expect(card(page, 'Environments').getByText('mlw-dev')).toBeVisible({
    timeout: 60_000,
  });
  await expect(card(page, 'Environments').getByText('mlw-prod')).toHaveCount(0);
  await expect(
    card(page, 'Registries').getByRole('link', { name: /mlr-dev/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'DNS validation · dev', exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: path.join(docs, 'catalog-environment.png'),
    fullPage: true,
  });
});
