import { expect, Locator, Page, test } from './fixtures';
import path from 'node:path';
import { backendToken, signInAsGuest } from './helpers';

/**
 * The "Azure ML" tab of the taxi-fare example against the real backend and the emulator's
 * seed: ≥ 8 dev versions, the prod champion, paging, pipeline runs, and a screenshot that
 * the plugin README shows. It also prints how long the first page of model versions takes to
 * render (run with EMULATOR_LARGE_REGISTRY=10000 for the 10,000-version registry).
 */
const screenshotPath = path.join(
  __dirname,
  '..',
  'plugins/azure-ml/docs/azure-ml-tab.png',
);

/** A card of the tab: each is a region named by its title. */
function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

async function openAzureMlTab(page: Page): Promise<number> {
  await signInAsGuest(page, '/catalog/default/component/taxi-fare');
  await expect(
    page.getByRole('heading', { name: 'Taxi fare model' }),
  ).toBeVisible();
  const tab = page.getByRole('tab', { name: 'Azure ML' });
  await expect(tab).toBeVisible();
  const started = Date.now();
  await tab.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/taxi-fare\/azure-ml/,
  );
  await expect(
    card(page, 'Model versions').locator('tbody tr').first(),
  ).toBeVisible({ timeout: 60_000 });
  return Date.now() - started;
}

test('the Azure ML tab shows model versions, the prod champion, paging and pipeline runs', async ({
  page,
}) => {
  const renderMs = await openAzureMlTab(page);
  const registry = process.env.EMULATOR_LARGE_REGISTRY
    ? `${process.env.EMULATOR_LARGE_REGISTRY}-version dev registry`
    : 'seed registry';
  // Measurements to read, not assertions: CI machines vary too much for a timed test.
  // Cold = first visit (plugin chunk from the dev server, empty backend cache); warm = the
  // tab opened again; API = the backend's answer for the first page (resource timing).
  const firstPageApiMs = await page.evaluate(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter(e => /\/models\?limit=\d+$/.test(e.name))
        .map(e => Math.round(e.duration))[0],
  );
  await page.getByRole('tab', { name: 'Overview' }).click();
  const warmStarted = Date.now();
  await page.getByRole('tab', { name: 'Azure ML' }).click();
  await expect(
    card(page, 'Model versions').locator('tbody tr').first(),
  ).toBeVisible();
  const warmMs = Date.now() - warmStarted;
  console.log(
    `[azure-ml-tab] first page of model versions (${registry}): cold ${renderMs} ms, warm ${warmMs} ms after the tab click; first-page API ${firstPageApiMs} ms`,
  );

  // Environments header: one row per environment.
  const environments = card(page, 'Environments');
  await expect(environments.getByText('mlw-dev')).toBeVisible();
  await expect(environments.getByText('mlw-prod')).toBeVisible();

  // Model versions: page 1 and page 2 together hold at least 8 dev versions.
  const versions = card(page, 'Model versions');
  const devOnPage1 = await versions.getByTestId('environment-dev').count();
  await expect(versions.getByText('Page 1')).toBeVisible();
  await versions.getByRole('button', { name: 'Next page' }).click();
  await expect(versions.getByText('Page 2')).toBeVisible();
  await expect(versions.locator('tbody tr').first()).toBeVisible();
  const devOnPage2 = await versions.getByTestId('environment-dev').count();
  expect(devOnPage1 + devOnPage2).toBeGreaterThanOrEqual(8);
  await versions.getByRole('button', { name: 'Previous page' }).click();
  await expect(versions.getByText('Page 1')).toBeVisible();

  // The prod champion, found with the environment filter.
  await versions.getByRole('button', { name: /All environments/ }).click();
  await page.getByRole('option', { name: 'prod' }).click();
  const championRow = versions
    .locator('tbody tr')
    .filter({ has: page.getByText('champion', { exact: true }) });
  await expect(championRow).toHaveCount(1);
  await expect(championRow.getByTestId('environment-prod')).toBeVisible();
  await versions.getByRole('button', { name: /prod/ }).click();
  await page.getByRole('option', { name: 'All environments' }).click();
  await expect(versions.getByTestId('environment-dev').first()).toBeVisible();

  // Pipeline runs with their steps.
  const runs = card(page, 'Pipeline runs');
  await expect(runs.locator('tbody tr').first()).toBeVisible();
  expect(await runs.locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(runs.getByText('taxi-fare-train').first()).toBeVisible();
  await expect(runs.getByText('train', { exact: true }).first()).toBeVisible();
  // The steps the pipeline defines (all five), without per-step status or duration: ARM's
  // pipeline job has neither, and the column shows the job's submission time.
  await expect(runs.getByText('score', { exact: true }).first()).toBeVisible();
  await expect(
    runs.getByRole('columnheader', { name: 'Submitted' }),
  ).toBeVisible();

  // Registries.
  await expect(
    card(page, 'Registries').getByRole('link', { name: /^mlr-prod/ }),
  ).toBeVisible();

  // The README screenshot: the whole tab, freshly loaded, in a viewport tall enough for it.
  await page.setViewportSize({ width: 1440, height: 2900 });
  await page.goto('/catalog/default/component/taxi-fare/azure-ml');
  await expect(
    card(page, 'Metric trend').locator('.recharts-line').first(),
  ).toBeVisible();
  await expect(
    card(page, 'Pipeline runs').locator('tbody tr').first(),
  ).toBeVisible();
  // The README shows the seed data; the large-registry run only measures.
  if (!process.env.EMULATOR_LARGE_REGISTRY) {
    await page.screenshot({ path: screenshotPath });
  }
});

test('guest browses the tab but may not promote, roll back or validate DNS: the buttons say why and the API refuses', async ({
  page,
  request,
}) => {
  await openAzureMlTab(page);
  const versions = card(page, 'Model versions');
  const promote = versions
    .getByRole('button', { name: /^Promote taxi-fare-model v\d+ to prod$/ })
    .first();
  await expect(promote).toBeDisabled();
  // A disabled button fires no events: its wrapper carries the tooltip.
  await promote.locator('xpath=..').hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'You may not promote the models of component:default/taxi-fare: ask its owners or the platform team (permission azure-ml.model.promote).',
  );
  await expect(
    card(page, 'Promotions').getByRole('button', {
      name: 'Roll back the prod champion of taxi-fare-model',
    }),
  ).toBeDisabled();
  await expect(
    card(page, 'DNS validation · prod').getByRole('button', {
      name: 'Validate now',
    }),
  ).toBeDisabled();

  // The backend refuses the same for guest's own token, before any policy check or ARM call.
  const token = await backendToken(request, 'guest');
  const headers = { Authorization: `Bearer ${token}` };
  const promotion = await request.post(
    'http://localhost:7007/api/azure-ml/promotions',
    {
      headers,
      data: {
        entityRef: 'component:default/taxi-fare',
        model: 'taxi-fare-model',
        version: '1',
      },
    },
  );
  expect(promotion.status()).toBe(403);
  const validation = await request.post(
    'http://localhost:7007/api/azure-ml/environments/prod/dns-validations',
    { headers },
  );
  expect(validation.status()).toBe(403);
});
