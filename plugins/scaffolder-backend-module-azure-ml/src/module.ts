import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

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
      },
      async init({ scaffolder }) {
        // Each action lives in its own file under ./actions and is added here.
        scaffolder.addActions();
      },
    });
  },
});
