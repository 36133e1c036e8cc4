import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  DnsValidation,
  DnsValidations,
} from '@internal/plugin-azure-ml-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { AzureMlApi, azureMlApiRef } from '../../api';
import { mockAzureMlApi, taxiFareEntity } from '../../__testUtils__/fixtures';
import { DnsValidationCard, EntityDnsValidationCard } from '.';

jest.setTimeout(30_000);

const failing: DnsValidation = {
  id: 'run-2',
  environment: 'dev',
  status: 'failed',
  trigger: 'scheduled',
  startedAt: '2026-12-02T05:00:00Z',
  finishedAt: '2026-12-02T05:00:01Z',
  durationMs: 412,
  armReads: 17,
  slowestLookupMs: 300,
  resolveMs: 302,
  resolvers: ['10.0.0.4'],
  names: [
    {
      fqdn: 'ml-mlw-dev-westeurope-abc.westeurope.notebooks.azure.net',
      expectedIp: '10.10.2.6',
      zone: 'privatelink.notebooks.azure.net',
      source: 'workspace',
      resolvedIps: ['20.50.2.10'],
      lookupMs: 3,
    },
  ],
  findings: [
    {
      check: 'zone.not-linked',
      severity: 'error',
      fqdn: 'privatelink.notebooks.azure.net',
      zone: 'privatelink.notebooks.azure.net',
      expected: 'virtual network link to vnet-aml-dev (Completed)',
      actual: 'no link',
      remediation:
        'Link zone privatelink.notebooks.azure.net (rg-aml-dns) to vnet-aml-dev.',
    },
  ],
  migration: [
    {
      step: 1,
      description: 'Shared zones created & spoke linked',
      state: 'FAILED',
      evidence: 'zone.not-linked privatelink.notebooks.azure.net',
    },
    {
      step: 4,
      description: 'Remove prevent_destroy',
      state: 'PENDING',
      evidence: "operator's decision",
    },
  ],
};

const passing: DnsValidation = {
  ...failing,
  id: 'run-3',
  status: 'passed',
  trigger: 'manual',
  triggeredBy: 'user:default/vera',
  findings: [],
};

const history = (...runs: DnsValidation[]): DnsValidations => ({
  latest: runs[0],
  history: runs.map(r => ({
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    startedAt: r.startedAt,
    findingCount: r.findings.length,
  })),
});

function render(element: ReactElement, api: AzureMlApi, allowed: boolean) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [azureMlApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: () =>
              allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <SWRConfig value={{ provider: () => new Map() }}>{element}</SWRConfig>
    </TestApiProvider>,
  );
}

describe('DnsValidationCard', () => {
  it('shows the failing run: status, findings with remediation, migration and history; no button without permission', async () => {
    const api = mockAzureMlApi();
    api.getDnsValidations.mockResolvedValue(
      history(failing, { ...passing, id: 'run-1' }),
    );
    await render(<DnsValidationCard environment="dev" />, api, false);
    const card = await screen.findByRole('region', {
      name: 'DNS validation · dev',
    });
    expect(await within(card).findByText('Failed')).toBeInTheDocument();
    expect(
      within(card).getByText(
        'Link zone privatelink.notebooks.azure.net (rg-aml-dns) to vnet-aml-dev.',
      ),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('table', { name: 'DNS migration' }),
    ).toHaveTextContent('FAILED');
    expect(
      within(card).getByRole('table', { name: 'DNS names' }),
    ).toHaveTextContent('20.50.2.10');
    expect(within(card).getByText(/via 10\.0\.0\.4/)).toBeInTheDocument();
    expect(
      within(card).getByRole('img', { name: 'History: 1 of 2 runs passed' }),
    ).toBeInTheDocument();
    expect(
      within(card)
        .getAllByTestId('dns-history-bar')
        .map(b => b.getAttribute('data-status')),
    ).toEqual(['passed', 'failed']);
    await waitFor(() =>
      expect(
        within(card).getByRole('button', { name: 'Validate now' }),
      ).toBeDisabled(),
    );
    expect(api.getDnsValidations).toHaveBeenCalledWith('dev', { limit: 30 });
  });

  it('"Validate now" runs a validation and shows the new result', async () => {
    const api = mockAzureMlApi();
    api.getDnsValidations
      .mockResolvedValueOnce(history(failing))
      .mockResolvedValue(history(passing, failing));
    api.runDnsValidation.mockResolvedValue(passing);
    await render(<DnsValidationCard environment="dev" />, api, true);
    const button = await screen.findByRole('button', { name: 'Validate now' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(await screen.findByText('Passed')).toBeInTheDocument();
    expect(api.runDnsValidation).toHaveBeenCalledWith('dev');
    expect(
      screen.getByText(/Every name is in its central zone/),
    ).toBeInTheDocument();
  });

  it('says when no validation ran yet', async () => {
    const api = mockAzureMlApi();
    await render(<DnsValidationCard environment="prod" />, api, true);
    expect(await screen.findByText('Not validated yet')).toBeInTheDocument();
  });
});

describe('EntityDnsValidationCard', () => {
  const resource: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'aml-env-dev',
      annotations: { 'ml.azure.com/workspace': 'mlw-dev' },
    },
    spec: { type: 'azure-ml-environment', owner: 'group:default/ml-platform' },
  };

  it("finds the configured environment by the entity's workspace", async () => {
    const api = mockAzureMlApi();
    api.getDnsValidations.mockResolvedValue(history(passing));
    await render(
      <EntityProvider entity={resource}>
        <EntityDnsValidationCard />
      </EntityProvider>,
      api,
      true,
    );
    expect(
      await screen.findByRole('region', { name: 'DNS validation · dev' }),
    ).toBeInTheDocument();
    expect(api.getDnsValidations).toHaveBeenCalledWith('dev', { limit: 30 });
  });

  it('says so when no environment has the workspace', async () => {
    await render(
      <EntityProvider entity={taxiFareEntity}>
        <EntityDnsValidationCard />
      </EntityProvider>,
      mockAzureMlApi(),
      true,
    );
    expect(
      await screen.findByText('No configured environment'),
    ).toBeInTheDocument();
  });
});
