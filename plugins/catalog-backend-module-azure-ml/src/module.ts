import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  azureMlArmClientServiceRef,
  azureMlConfigServiceRef,
} from '@internal/plugin-azure-ml-node';
import {
  AzureMlEntityProvider,
  AzureMlEntityProviderOptions,
} from './provider/AzureMlEntityProvider';
import { AzureMlRelationsProcessor } from './provider/AzureMlRelationsProcessor';

/** `catalog.providers.azureMl` (config.d.ts), with its defaults. */
export function readProviderOptions(
  config: Config,
): AzureMlEntityProviderOptions {
  const provider = config.getOptionalConfig('catalog.providers.azureMl');
  const environments = provider?.getOptionalConfig('environments');
  return {
    owner: provider?.getOptionalString('owner') ?? 'unknown',
    ownerTag: provider?.getOptionalString('ownerTag') ?? 'owner',
    environmentOwners: Object.fromEntries(
      (environments?.keys() ?? []).flatMap(name => {
        const owner = environments!.getOptionalString(`${name}.owner`);
        return owner ? [[name, owner]] : [];
      }),
    ),
    networkResourceGroups: Object.fromEntries(
      (environments?.keys() ?? []).flatMap(name => {
        const groups = environments!.getOptionalStringArray(
          `${name}.networkResourceGroups`,
        );
        return groups ? [[name, groups]] : [];
      }),
    ),
    schedule: provider?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          provider.getConfig('schedule'),
        )
      : {
          frequency: { minutes: 30 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 5 },
        },
  };
}

/**
 * Catalog module: the Azure ML platform (environments, workspaces, registries, central DNS,
 * models) as entities, read through the ARM client and `azureMl` config that
 * @internal/plugin-azure-ml-node shares with the azure-ml backend plugin (one read budget).
 */
export const catalogModuleAzureMl = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'azure-ml',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        rootConfig: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        config: azureMlConfigServiceRef,
        client: azureMlArmClientServiceRef,
      },
      async init({ catalog, rootConfig, logger, scheduler, config, client }) {
        catalog.addEntityProvider(
          new AzureMlEntityProvider({
            client,
            config,
            logger,
            scheduler,
            options: readProviderOptions(rootConfig),
          }),
        );
        catalog.addProcessor(new AzureMlRelationsProcessor());
      },
    });
  },
});
