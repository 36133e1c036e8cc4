import { Entity } from '@backstage/catalog-model';
import {
  AnyApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { azureMlBackend, azureMlBaseUrl } from './__testUtils__/backend';
import { cardTitled, findCardTitled } from './__testUtils__/cards';
import {
  champion,
  devVersions,
  pipelineRun,
  platformResource,
  taxiFareEntity,
} from './__testUtils__/fixtures';
import {
  AzureMlApi,
  azureMlApiRef,
  azureMlPlugin,
  EntityAzureMlContent,
  EntityAzureMlModelsCard,
  EntityAzureMlResourceContent,
  EntityAzureMlRunsCard,
  isAzureMlAvailable,
  isAzureMlResource,
} from './index';

const server = setupServer();

/** The Azure ML API as the plugin itself creates it, over discovery and fetch. */
function pluginAzureMlApi(): AzureMlApi {
  const factory = Array.from(azureMlPlugin.getApis()).find(
    (f: AnyApiFactory) => f.api.id === azureMlApiRef.id,
  )!;
  return factory.factory({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  }) as AzureMlApi;
}

/** Renders `element` for `entity` with the plugin's own API, talking to the msw backend. */
function renderForEntity(
  element: ReactElement,
  entity: Entity = taxiFareEntity,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [azureMlApiRef, pluginAzureMlApi()],
        [permissionApiRef, mockApis.permission()],
        [catalogApiRef, catalogApiMock({ entities: [taxiFareEntity, entity] })],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}

/** The tab is routable: like in the entity page, it is mounted at a path. */
const tab = (
  <Routes>
    <Route path="/*" element={<EntityAzureMlContent />} />
  </Routes>
);

describe('azure-ml plugin', () => {
  registerMswTestHooks(server);

  beforeEach(() => {
    server.use(
      ...azureMlBackend({
        modelVersions: [...devVersions, champion],
        pipelineRuns: [pipelineRun({ id: 'run-1' })],
      }),
    );
  });

  it('is the azure-ml plugin, whose API depends on discovery and fetch', () => {
    expect(azureMlPlugin.getId()).toBe('azure-ml');
    const factory = Array.from(azureMlPlugin.getApis()).find(
      (f: AnyApiFactory) => f.api.id === azureMlApiRef.id,
    );
    expect(factory?.deps).toEqual({
      discoveryApi: discoveryApiRef,
      fetchApi: fetchApiRef,
    });
  });

  it('is available only for entities with ml.azure.com/models', () => {
    expect(isAzureMlAvailable(taxiFareEntity)).toBe(true);
    expect(
      isAzureMlAvailable({ ...taxiFareEntity, metadata: { name: 'plain' } }),
    ).toBe(false);
  });

  it('EntityAzureMlContent shows every card of the tab with data from the backend', async () => {
    await renderForEntity(tab);
    expect(
      await within(await findCardTitled('Environments', 20_000)).findByText(
        'mlw-prod',
      ),
    ).toBeInTheDocument();
    expect(
      await within(cardTitled('Model versions')).findByText(
        'taxi-fare-train-8',
      ),
    ).toBeInTheDocument();
    expect(
      await within(cardTitled('Metric trend')).findByText(
        'Champion: v2 (prod), rmse 3',
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(
      await within(cardTitled('Pipeline runs')).findByRole('link', {
        name: /^run-1/,
      }),
    ).toBeInTheDocument();
    expect(
      await within(cardTitled('Registries')).findByText('pe-mlr-prod: Pending'),
    ).toBeInTheDocument();
    // Five cards render in jsdom: slow on a loaded 2-core machine, so a generous ceiling.
  }, 30_000);

  it('EntityAzureMlContent names the missing annotation of a plain entity', async () => {
    await renderForEntity(tab, {
      ...taxiFareEntity,
      metadata: { name: 'plain', namespace: 'default' },
    });
    expect(
      await screen.findByText('ml.azure.com/models', { selector: 'code' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Environments')).toBeNull();
  });

  it('EntityAzureMlModelsCard lists model versions with the champion alias', async () => {
    await renderForEntity(<EntityAzureMlModelsCard />);
    const card = await findCardTitled('Azure ML model versions');
    const row9 = (await within(card).findByText('taxi-fare-train-9')).closest(
      'tr',
    )!;
    expect(within(row9).getByText('dev')).toBeInTheDocument();
    const championRow = within(card)
      .getByText('taxi-fare-train-2')
      .closest('tr')!;
    expect(within(championRow).getByText('champion')).toBeInTheDocument();
    expect(within(championRow).getByText('prod')).toBeInTheDocument();
  });

  it('EntityAzureMlRunsCard lists pipeline runs with status and steps', async () => {
    await renderForEntity(<EntityAzureMlRunsCard />);
    const card = await findCardTitled('Azure ML pipeline runs');
    const row = (
      await within(card).findByRole('link', { name: /^run-1/ })
    ).closest('tr')!;
    expect(within(row).getByText('Completed')).toBeInTheDocument();
    expect(within(row).getByText('score')).toBeInTheDocument();
  });

  it('EntityAzureMlRunsCard shows an empty state when the backend has no runs', async () => {
    server.use(
      http.get(
        `${azureMlBaseUrl}/entities/component/default/taxi-fare/runs`,
        () => HttpResponse.json({ items: [] }),
      ),
    );
    await renderForEntity(<EntityAzureMlRunsCard />);
    expect(await screen.findByText('No pipeline runs')).toBeInTheDocument();
  });

  it('EntityAzureMlModelsCard shows the error of a failed backend request', async () => {
    server.use(
      http.get(
        `${azureMlBaseUrl}/entities/component/default/taxi-fare/models`,
        () =>
          HttpResponse.json(
            {
              error: { name: 'Error', message: 'ARM throttled us' },
              request: { method: 'GET', url: '/models' },
              response: { statusCode: 503 },
            },
            { status: 503 },
          ),
      ),
    );
    await renderForEntity(<EntityAzureMlModelsCard />);
    const card = await findCardTitled('Azure ML model versions');
    expect(
      await within(card).findByText(/Request failed with 503/),
    ).toBeInTheDocument();
    expect(within(card).getByText('ARM throttled us')).toBeInTheDocument();
  });

  it("EntityAzureMlResourceContent shows a workspace's pipeline runs in its environment only", async () => {
    const workspace = platformResource(
      'aml-workspace-prod',
      'azure-ml-workspace',
      {},
      'prod',
    );
    expect(isAzureMlResource(workspace)).toBe(true);
    expect(isAzureMlResource(taxiFareEntity)).toBe(false);
    server.use(
      http.get(
        `${azureMlBaseUrl}/environments/:environment/runs`,
        ({ params }) =>
          HttpResponse.json({
            items: [
              pipelineRun({
                id: `run-in-${params.environment}`,
                environment: String(params.environment),
              }),
            ],
          }),
      ),
    );
    await renderForEntity(
      <Routes>
        <Route path="/*" element={<EntityAzureMlResourceContent />} />
      </Routes>,
      workspace,
    );
    // The workspace's own environment's runs, of every experiment (the workspace route).
    const card = await findCardTitled('Pipeline runs in mlw-prod', 20_000);
    expect(
      await within(card).findByRole('link', { name: /^run-in-prod/ }),
    ).toBeInTheDocument();
  }, 30_000);
});
