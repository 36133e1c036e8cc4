import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { azureMlBackend } from '../__testUtils__/backend';
import { cardTitled, findCardTitled } from '../__testUtils__/cards';
import {
  champion,
  devVersions,
  pipelineRun,
  platformResource,
  taxiFareEntity,
} from '../__testUtils__/fixtures';
import azureMlPlugin from './plugin';

const server = setupServer();

/**
 * The test app shows an extension once its lazily loaded component has rendered as a whole,
 * which takes seconds in jsdom for the full tab (MUI tables, charts): a ceiling for the first
 * query, not an assertion on how long it takes.
 */
const FIRST_RENDER_TIMEOUT = 15_000;
const TEST_TIMEOUT = 30_000;

const plainEntity: Entity = {
  ...taxiFareEntity,
  metadata: { name: 'plain', namespace: 'default' },
};

const tabExtension = azureMlPlugin.getExtension('entity-content:azure-ml');
const resourceTabExtension = azureMlPlugin.getExtension(
  'entity-content:azure-ml/resource',
);
const modelsCardExtension = azureMlPlugin.getExtension(
  'entity-card:azure-ml/models',
);
const runsCardExtension = azureMlPlugin.getExtension(
  'entity-card:azure-ml/runs',
);

/** Renders an extension's element for `entity` in a test app that has the plugin (and its API). */
function renderForEntity(
  extension: Parameters<typeof createExtensionTester>[0],
  entity: Entity = taxiFareEntity,
) {
  const element = createExtensionTester(extension).reactElement();
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    { features: [azureMlPlugin] },
  );
}

describe('azure-ml plugin for the new frontend system', () => {
  registerMswTestHooks(server);

  beforeEach(() => {
    server.use(
      ...azureMlBackend({
        modelVersions: [...devVersions, champion],
        pipelineRuns: [pipelineRun({ id: 'run-1' })],
      }),
    );
  });

  describe('the entity tab', () => {
    it('is the "Azure ML" tab at /azure-ml, only for entities with ml.azure.com/models', () => {
      const tester = createExtensionTester(tabExtension);
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
        'Azure ML',
      );
      expect(tester.get(coreExtensionData.routePath)).toBe('/azure-ml');
      const filter = tester.get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!;
      expect(filter(taxiFareEntity)).toBe(true);
      expect(filter(plainEntity)).toBe(false);
    });

    it(
      'shows the cards of the tab with data from the backend',
      async () => {
        renderForEntity(tabExtension);
        await findCardTitled('Environments', FIRST_RENDER_TIMEOUT);
        expect(
          await within(cardTitled('Environments')).findByText('mlw-dev'),
        ).toBeInTheDocument();
        expect(
          await within(cardTitled('Model versions')).findByText(
            'taxi-fare-train-9',
          ),
        ).toBeInTheDocument();
        expect(
          await within(cardTitled('Metric trend')).findByText(
            'taxi-fare-model: rmse (lower is better)',
          ),
        ).toBeInTheDocument();
        expect(
          await within(cardTitled('Pipeline runs')).findByRole('link', {
            name: /^run-1/,
          }),
        ).toBeInTheDocument();
        expect(
          await within(cardTitled('Registries')).findByText(
            'pe-mlr-dev: Approved',
          ),
        ).toBeInTheDocument();
      },
      TEST_TIMEOUT,
    );
  });

  describe('the overview cards', () => {
    it('are shown only for entities with ml.azure.com/models', () => {
      for (const filter of [
        createExtensionTester(modelsCardExtension).get(
          EntityCardBlueprint.dataRefs.filterFunction,
        )!,
        createExtensionTester(runsCardExtension).get(
          EntityCardBlueprint.dataRefs.filterFunction,
        )!,
      ]) {
        expect(filter(taxiFareEntity)).toBe(true);
        expect(filter(plainEntity)).toBe(false);
      }
    });

    it('the models card lists the newest model versions', async () => {
      renderForEntity(modelsCardExtension);
      const card = await findCardTitled(
        'Azure ML model versions',
        FIRST_RENDER_TIMEOUT,
      );
      expect(
        await within(card).findByText('taxi-fare-train-9'),
      ).toBeInTheDocument();
      const championRow = within(card)
        .getByText('taxi-fare-train-2')
        .closest('tr')!;
      expect(within(championRow).getByText('champion')).toBeInTheDocument();
    });

    it('the runs card lists the newest pipeline runs', async () => {
      renderForEntity(runsCardExtension);
      const card = await findCardTitled(
        'Azure ML pipeline runs',
        FIRST_RENDER_TIMEOUT,
      );
      const row = (
        await within(card).findByRole('link', { name: /^run-1/ })
      ).closest('tr')!;
      expect(within(row).getByText('Completed')).toBeInTheDocument();
      expect(within(row).getByText('score')).toBeInTheDocument();
    });

    it('the models card names the missing annotation of a plain entity', async () => {
      renderForEntity(modelsCardExtension, plainEntity);
      expect(
        await screen.findByText(
          'ml.azure.com/models',
          { selector: 'code' },
          { timeout: FIRST_RENDER_TIMEOUT },
        ),
      ).toBeInTheDocument();
    });
  });

  describe('the tab of discovered platform Resources', () => {
    it('is the "Azure ML" tab at /azure-ml of environment, workspace and registry Resources only', () => {
      const tester = createExtensionTester(resourceTabExtension);
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
        'Azure ML',
      );
      expect(tester.get(coreExtensionData.routePath)).toBe('/azure-ml');
      const filter = tester.get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!;
      for (const type of [
        'azure-ml-environment',
        'azure-ml-workspace',
        'azure-ml-registry',
      ]) {
        expect(filter(platformResource('r', type))).toBe(true);
      }
      expect(filter(platformResource('taxi-fare-model', 'ai-model'))).toBe(
        false,
      );
      expect(filter(taxiFareEntity)).toBe(false);
    });

    it(
      "shows an environment's workspace, registry and DNS validation",
      async () => {
        renderForEntity(
          resourceTabExtension,
          platformResource('aml-env-dev', 'azure-ml-environment'),
        );
        const environmentsCard = await findCardTitled(
          'Environments',
          FIRST_RENDER_TIMEOUT,
        );
        expect(
          await within(environmentsCard).findByText('mlw-dev'),
        ).toBeInTheDocument();
        expect(within(environmentsCard).queryByText('mlw-prod')).toBeNull();
        expect(
          await within(cardTitled('Registries')).findByText(
            'pe-mlr-dev: Approved',
          ),
        ).toBeInTheDocument();
        expect(
          await screen.findByRole('region', { name: 'DNS validation · dev' }),
        ).toBeInTheDocument();
      },
      TEST_TIMEOUT,
    );
  });
});
