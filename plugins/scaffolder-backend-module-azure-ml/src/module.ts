import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createEnvironmentRenderAction } from './actions/environment/render';
import { createEnvironmentValidateAction } from './actions/environment/validate';
import { createFetchPipelinesAction } from './actions/pipelines/fetch';
import { createProjectValidateAction } from './actions/project/validate';
import { createPublishLocalAction } from './actions/publish/local';
import { createTerraformValidateAction } from './actions/terraform/validate';
import {
  resolveTerraformEnvironmentRoot,
  resolveTerraformModulesDir,
} from './terraform/modulesDir';

/**
 * Registers the Azure ML scaffolder actions (`azure-ml:<noun>:<verb>`).
 * @public
 */
export const scaffolderModuleAzureMl = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'azure-ml',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        reader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, reader, catalog }) {
        // Each action lives in its own file under ./actions and is added here.
        scaffolder.addActions(
          createProjectValidateAction({ config }),
          createFetchPipelinesAction({
            config,
            reader,
            integrations: ScmIntegrations.fromConfig(config),
          }),
          createPublishLocalAction({ config }),
          createEnvironmentValidateAction({ catalog }),
          createEnvironmentRenderAction(),
          createTerraformValidateAction({
            modulesDir: resolveTerraformModulesDir(config),
            environmentRoot: resolveTerraformEnvironmentRoot(config),
          }),
        );
      },
    });
  },
});
