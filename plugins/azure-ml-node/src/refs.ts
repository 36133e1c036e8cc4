import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { AzureMlArmClient, AzureMlClient } from './client/AzureMlClient';
import { AzureMlConfig, readAzureMlConfig } from './config';

/*
 * Root-scoped: one validated config and one ARM client per backend, shared by every plugin
 * that reads Azure ML (the azure-ml backend plugin, the catalog module). ARM counts reads per
 * subscription and principal, so one client means one read budget for the one principal.
 * Swap either with `createServiceFactory({ service: <ref>, ... })` (root deps only) in
 * `startTestBackend({ features })` or the backend's feature list.
 */

/** The validated `azureMl` config (the backend fails to start on a bad key). */
export const azureMlConfigServiceRef = createServiceRef<AzureMlConfig>({
  id: 'azure-ml.config',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { rootConfig: coreServices.rootConfig },
      factory: ({ rootConfig }) => readAzureMlConfig(rootConfig),
    }),
});

/** The Azure Resource Manager client (`azureMl.arm`, `azureMl.environments`). */
export const azureMlArmClientServiceRef = createServiceRef<AzureMlArmClient>({
  id: 'azure-ml.arm-client',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: azureMlConfigServiceRef,
        rootLogger: coreServices.rootLogger,
      },
      factory: ({ config, rootLogger }) =>
        AzureMlClient.fromConfig(config, {
          logger: rootLogger.child({ service: 'azure-ml-arm' }),
        }),
    }),
});
