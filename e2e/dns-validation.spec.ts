import { expect, Page, test } from './fixtures';
import { signInAs } from './helpers';

/**
 * Private DNS validation against the real backend, the emulator's ARM and its DNS server
 * (app-config.yaml: resolvers 127.0.0.1:5354). The approver is in ml-platform, which
 * `azureMl.dns.validators` names, so "Validate now" is enabled for them; guest only reads.
 */
const card = (page: Page, environment: string) =>
  page.getByRole('region', {
    name: `DNS validation · ${environment}`,
    exact: true,
  });

test.beforeEach(async ({ request }) => {
  // The seed, without faults another spec may have left.
  await request.delete('http://localhost:7071/_emulator/faults');
});

test('the environment page shows the DNS validation card and "Validate now" passes', async ({
  page,
}) => {
  await signInAs(page, 'approver', '/catalog/default/resource/aml-env-dev');
  const tab = page.getByRole('tab', { name: 'DNS validation' });
  await expect(tab).toBeVisible();
  await tab.click();
  const dev = card(page, 'dev');
  await expect(dev).toBeVisible();
  const validate = dev.getByRole('button', { name: 'Validate now' });
  await expect(validate).toBeEnabled();
  await validate.click();
  await expect(dev.getByText('Passed', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    dev.getByText(/Every name is in its central zone/),
  ).toBeVisible();
  await expect(dev.getByRole('table', { name: 'DNS migration' })).toContainText(
    'COMPLETE',
  );
});

test('a DNS fault shows its finding and remediation on the Azure ML tab', async ({
  page,
  request,
}) => {
  await request.post('http://localhost:7071/_emulator/faults', {
    data: {
      dns: {
        missingZoneLink: [
          {
            zone: 'privatelink.notebooks.azure.net',
            virtualNetwork: 'vnet-aml-prod',
          },
        ],
      },
    },
  });
  try {
    await signInAs(
      page,
      'approver',
      '/catalog/default/component/taxi-fare/azure-ml',
    );
    const prod = card(page, 'prod');
    await expect(prod).toBeVisible({ timeout: 60_000 });
    await prod.getByRole('button', { name: 'Validate now' }).click();
    await expect(prod.getByText('Failed', { exact: true })).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      prod.getByText(
        'Link zone privatelink.notebooks.azure.net (rg-aml-dns) to vnet-aml-prod.',
      ),
    ).toBeVisible();
  } finally {
    await request.delete('http://localhost:7071/_emulator/faults');
  }
});
