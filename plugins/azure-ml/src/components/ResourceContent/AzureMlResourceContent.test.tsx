import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RegistryModel } from '@internal/plugin-azure-ml-common';
import { azureMlApiRef } from '../../api';
import { findCardTitled } from '../../__testUtils__/cards';
import {
  champion,
  mockAzureMlApi,
  modelVersion,
  pipelineRun,
  platformResource,
  taxiFareEntity,
} from '../../__testUtils__/fixtures';
import { AzureMlResourceContent } from './AzureMlResourceContent';

jest.setTimeout(30_000);

const environmentEntity = platformResource(
  'aml-env-dev',
  'azure-ml-environment',
);
const workspaceEntity = platformResource(
  'aml-workspace-dev',
  'azure-ml-workspace',
);
const registryEntity = platformResource(
  'aml-registry-dev',
  'azure-ml-registry',
);

function modelEntity(
  model: string,
  registries: string[],
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: model,
      namespace: 'default',
      title: `Model ${model}`,
      annotations: { 'ml.azure.com/models': model, ...annotations },
    },
    spec: { type: 'ai-model', owner: 'group:default/ml-engineers' },
    relations: registries.map(registry => ({
      type: 'dependsOn',
      targetRef: `resource:default/${registry}`,
    })),
  };
}

const taxiFareModel = modelEntity(
  'taxi-fare-model',
  ['aml-registry-dev', 'aml-registry-prod'],
  {
    'ml.azure.com/environments': 'dev,prod',
    'ml.azure.com/latest-version-dev': '10',
    'ml.azure.com/champion-dev': '9',
    'ml.azure.com/champion-prod': '2',
  },
);
// Owned by a group named in short form, as the owner tag of a model container may name it.
const churnModel: Entity = {
  ...modelEntity('churn-model', ['aml-registry-dev'], {
    'ml.azure.com/latest-version-dev': '3',
  }),
  spec: { type: 'ai-model', owner: 'team-churn' },
};
const prodOnlyModel = modelEntity('fraud-model', ['aml-registry-prod']);

/** A project whose experiment runs only in prod: not a run of the dev workspace. */
const prodOnlyProject: Entity = {
  ...taxiFareEntity,
  metadata: {
    name: 'fraud',
    namespace: 'default',
    annotations: {
      'ml.azure.com/models': 'fraud-model',
      'ml.azure.com/experiment': 'fraud-train',
      'ml.azure.com/environments': 'prod',
    },
  },
};

const catalogEntities = [
  taxiFareEntity,
  prodOnlyProject,
  environmentEntity,
  workspaceEntity,
  registryEntity,
  taxiFareModel,
  churnModel,
  prodOnlyModel,
];

function renderContent(
  entity: Entity,
  options: {
    api?: ReturnType<typeof mockAzureMlApi>;
    catalogApi?: ReturnType<typeof catalogApiMock>;
  } = {},
) {
  const api = options.api ?? mockAzureMlApi();
  const catalogApi =
    options.catalogApi ?? catalogApiMock({ entities: catalogEntities });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [azureMlApiRef, api],
        [catalogApiRef, catalogApi],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>
        <AzureMlResourceContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('AzureMlResourceContent', () => {
  it('shows progress while the configured environments load', async () => {
    const api = mockAzureMlApi();
    api.getEnvironments.mockReturnValue(new Promise(() => {}));
    await renderContent(environmentEntity, { api });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error of the environments request', async () => {
    const api = mockAzureMlApi();
    api.getEnvironments.mockRejectedValue(new Error('backend down'));
    await renderContent(workspaceEntity, { api });
    expect(
      await screen.findByText('Error: backend down', { selector: 'h6' }),
    ).toBeInTheDocument();
  });

  it('says so when no configured environment has the workspace', async () => {
    await renderContent(
      platformResource('aml-env-test', 'azure-ml-environment', {
        'ml.azure.com/workspace': 'mlw-test',
        'ml.azure.com/resource-group': 'rg-aml-test',
      }),
    );
    expect(
      await screen.findByText('No configured environment'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /No entry of azureMl.environments has the workspace 'mlw-test'/,
      ),
    ).toBeInTheDocument();
  });

  describe('an environment', () => {
    it('shows its workspace, its registry and its DNS validation', async () => {
      const api = mockAzureMlApi();
      await renderContent(environmentEntity, { api });
      const environments = await findCardTitled('Environments');
      expect(await within(environments).findByText('mlw-dev')).toBeVisible();
      expect(within(environments).queryByText('mlw-prod')).toBeNull();
      const registries = await findCardTitled('Registries');
      expect(
        await within(registries).findByRole('link', { name: /mlr-dev/ }),
      ).toBeInTheDocument();
      expect(within(registries).queryByText('mlr-prod')).toBeNull();
      expect(
        await screen.findByRole('region', { name: 'DNS validation · dev' }),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(api.getDnsValidations).toHaveBeenCalledWith('dev', {
          limit: expect.any(Number),
        }),
      );
    });
  });

  describe('a workspace', () => {
    it('shows the runs in it of every experiment, from the workspace route', async () => {
      const api = mockAzureMlApi();
      api.getEnvironmentRuns.mockResolvedValue({
        items: [
          pipelineRun({ id: 'churn-3', experiment: 'churn-train' }),
          pipelineRun({ id: 'run-7', status: 'Failed' }),
        ],
        nextCursor: 'next-runs',
      });
      await renderContent(workspaceEntity, { api });
      const runs = await findCardTitled('Pipeline runs in mlw-dev');
      const row = (
        await within(runs).findByRole('link', { name: /^run-7/ })
      ).closest('tr')!;
      expect(within(row).getByText('Failed')).toBeInTheDocument();
      expect(within(row).getByText('taxi-fare-train')).toBeInTheDocument();
      const churn = within(runs)
        .getByRole('link', { name: /^churn-3/ })
        .closest('tr')!;
      expect(within(churn).getByText('churn-train')).toBeInTheDocument();
      expect(api.getEnvironmentRuns).toHaveBeenCalledWith('dev', {
        experiment: undefined,
        status: undefined,
        cursor: undefined,
        limit: 10,
      });
      // Not per catalog-declared experiment any more.
      expect(api.getPipelineRuns).not.toHaveBeenCalled();

      // The next page asks with the cursor of this one.
      fireEvent.click(within(runs).getByRole('button', { name: /next/i }));
      await waitFor(() =>
        expect(api.getEnvironmentRuns).toHaveBeenLastCalledWith(
          'dev',
          expect.objectContaining({ cursor: 'next-runs' }),
        ),
      );
    });

    it('narrows to one of the experiments seen', async () => {
      const api = mockAzureMlApi();
      api.getEnvironmentRuns.mockResolvedValue({
        items: [
          pipelineRun({ id: 'churn-3', experiment: 'churn-train' }),
          pipelineRun({ id: 'run-7' }),
        ],
      });
      await renderContent(workspaceEntity, { api });
      const runs = await findCardTitled('Pipeline runs in mlw-dev');
      await within(runs).findByRole('link', { name: /^run-7/ });
      fireEvent.mouseDown(
        within(runs).getByRole('button', { name: /All experiments/ }),
      );
      fireEvent.click(
        await screen.findByRole('option', { name: 'churn-train' }),
      );
      await waitFor(() =>
        expect(api.getEnvironmentRuns).toHaveBeenLastCalledWith(
          'dev',
          expect.objectContaining({ experiment: 'churn-train' }),
        ),
      );
    });

    it('says so when the workspace has no pipeline runs', async () => {
      await renderContent(workspaceEntity);
      const runs = await findCardTitled('Pipeline runs in mlw-dev');
      expect(
        await within(runs).findByText('No pipeline runs'),
      ).toBeInTheDocument();
    });

    it('shows the error of the runs request', async () => {
      const api = mockAzureMlApi();
      api.getEnvironmentRuns.mockRejectedValue(new Error('workspace down'));
      await renderContent(workspaceEntity, { api });
      expect(
        await screen.findByText('Error: workspace down', { selector: 'h6' }),
      ).toBeInTheDocument();
    });
  });

  describe('a registry', () => {
    const registryModel = (
      name: string,
      more: Partial<RegistryModel> = {},
    ): RegistryModel => ({
      name,
      environment: 'dev',
      registry: 'mlr-dev',
      tags: {},
      entityRef: `resource:default/${name}`,
      studioUrl: `https://ml.azure.com/registries/mlr-dev/models/${name}`,
      ...more,
    });

    it("lists its models from the registry route with latest version and champion, and the chosen model's versions", async () => {
      const api = mockAzureMlApi();
      api.getEnvironmentModels.mockResolvedValue({
        items: [
          registryModel('churn-model', { latestVersion: '3' }),
          registryModel('taxi-fare-model', {
            latestVersion: '10',
            champion: '9',
          }),
          // Registered since the catalog's last refresh: no ai-model Resource yet.
          registryModel('new-model', { latestVersion: '1' }),
        ],
      });
      api.getModelVersions.mockResolvedValue({
        items: [
          modelVersion({ version: '10' }),
          modelVersion({ version: '9', aliases: ['champion'] }),
          champion,
        ],
      });
      await renderContent(registryEntity, { api });
      const registries = await findCardTitled('Registries');
      expect(
        await within(registries).findByRole('link', { name: /mlr-dev/ }),
      ).toBeInTheDocument();

      const models = await findCardTitled('Models in mlr-dev');
      const taxiLink = await within(models).findByRole('link', {
        name: 'taxi-fare-model',
      });
      // Each model links to its ai-model Resource.
      expect(taxiLink).toHaveAttribute(
        'href',
        '/catalog/default/resource/taxi-fare-model',
      );
      const taxiRow = taxiLink.closest('tr')!;
      expect(within(taxiRow).getByText('10')).toBeInTheDocument();
      expect(within(taxiRow).getByText('v9')).toBeInTheDocument();
      const churnRow = within(models)
        .getByRole('link', { name: 'churn-model' })
        .closest('tr')!;
      expect(within(churnRow).getByText('3')).toBeInTheDocument();
      // The owner of each model's ai-model Resource (a short-form owner is a group); none for a
      // model the catalog does not hold yet.
      expect(
        await within(taxiRow).findByRole('link', { name: 'ml-engineers' }),
      ).toHaveAttribute('href', '/catalog/default/group/ml-engineers');
      expect(
        within(churnRow).getByRole('link', { name: 'team-churn' }),
      ).toHaveAttribute('href', '/catalog/default/group/team-churn');
      const newRow = within(models).getByText('new-model').closest('tr')!;
      expect(within(newRow).getAllByText('–').length).toBeGreaterThan(0);
      expect(
        within(newRow).queryByRole('link', { name: /ml-engineers/ }),
      ).toBeNull();
      expect(api.getEnvironmentModels).toHaveBeenCalledWith('dev', {
        cursor: undefined,
        limit: 10,
      });

      // The first model's versions, from the backend, with the champion alias.
      const versions = await findCardTitled('Versions of churn-model');
      expect(api.getModelVersions).toHaveBeenLastCalledWith(
        { kind: 'resource', namespace: 'default', name: 'churn-model' },
        expect.objectContaining({ environment: 'dev' }),
      );
      expect(
        await within(versions).findByText('taxi-fare-train-10'),
      ).toBeVisible();

      fireEvent.click(
        within(models).getByRole('button', {
          name: 'Show versions of taxi-fare-model',
        }),
      );
      const taxiVersions = await findCardTitled('Versions of taxi-fare-model');
      await waitFor(() =>
        expect(api.getModelVersions).toHaveBeenLastCalledWith(
          { kind: 'resource', namespace: 'default', name: 'taxi-fare-model' },
          expect.anything(),
        ),
      );
      const championRow = (
        await within(taxiVersions).findByText('taxi-fare-train-9')
      ).closest('tr')!;
      expect(within(championRow).getByText('champion')).toBeInTheDocument();

      // A model the catalog does not hold yet: its versions route would answer 404, so the card
      // says why and when they will show, and links the model in Azure ML studio instead.
      const calls = api.getModelVersions.mock.calls.length;
      const studioLinks = () =>
        screen.getAllByRole('link', {
          name: /Open model new-model in Azure ML studio/,
        }).length;
      expect(studioLinks()).toBe(1); // the row's
      fireEvent.click(
        within(models).getByRole('button', {
          name: 'Show versions of new-model',
        }),
      );
      expect(
        await screen.findByText(
          /new-model is in mlr-dev but not in the catalog yet\. .* once it holds resource:default\/new-model\./,
        ),
      ).toBeInTheDocument();
      expect(studioLinks()).toBe(2); // the row's and the card's
      expect(api.getModelVersions.mock.calls.length).toBe(calls);
    });

    it('says so when the registry has no model', async () => {
      await renderContent(registryEntity);
      const models = await findCardTitled('Models in mlr-dev');
      expect(
        await within(models).findByText('No models in this registry'),
      ).toBeInTheDocument();
    });

    it('shows the error of the models request', async () => {
      const api = mockAzureMlApi();
      api.getEnvironmentModels.mockRejectedValue(new Error('registry down'));
      await renderContent(registryEntity, { api });
      expect(
        await screen.findByText('Error: registry down', { selector: 'h6' }),
      ).toBeInTheDocument();
    });
  });
});
