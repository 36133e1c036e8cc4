import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { azureMlPermissions } from '@internal/plugin-azure-ml-common';
import { readAzureMlConfig } from './config';
import { createRouter } from './router';
import { AzureMlClient } from './services/AzureMlClient/AzureMlClient';
import { AzureMlReadService } from './services/AzureMlReadService/AzureMlReadService';
import { EntityAccess } from './services/EntityAccess/EntityAccess';
import { EntityIndex } from './services/EntityIndex/EntityIndex';
import { ResponseCache } from './services/ResponseCache/ResponseCache';
import { ReadThroughCache } from './services/ReadThroughCache/ReadThroughCache';

/**
 * The azure-ml backend plugin: read API for environments, registries, model versions and
 * pipeline runs of catalog entities.
 *
 * @public
 */
export const azureMlPlugin = createBackendPlugin({
  pluginId: 'azure-ml',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const config = readAzureMlConfig(deps.config);
        const cache = new ReadThroughCache(deps.cache, {
          enabled: config.cache.enabled,
          singleFlight: config.cache.singleFlight,
        });
        const client = AzureMlClient.fromConfig(config, {
          logger: deps.logger,
        });
        const readService = new AzureMlReadService({
          config,
          client,
          cache,
          logger: deps.logger,
        });
        const entityAccess = new EntityAccess({
          auth: deps.auth,
          catalog: deps.catalog,
          permissions: deps.permissions,
          cache,
          ttlMs: config.cache.ttl.access,
        });
        const entityIndex = new EntityIndex({
          auth: deps.auth,
          catalog: deps.catalog,
          logger: deps.logger,
        });
        await deps.scheduler.scheduleTask({
          id: 'azure-ml-entity-index',
          scope: 'local',
          frequency: { seconds: 30 },
          timeout: { seconds: 60 },
          fn: () => entityIndex.refresh(),
        });
        const responses = new ResponseCache({ enabled: config.cache.enabled });

        deps.permissionsRegistry.addPermissions(azureMlPermissions);
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            entityAccess,
            entityIndex,
            readService,
            responses,
          }),
        );
        deps.logger.info('Azure ML read API ready', {
          environments: config.environments.map(e => e.name).join(','),
          armEndpoint: config.arm.endpoint,
          cache: config.cache.enabled ? 'enabled' : 'disabled',
          singleFlight: config.cache.singleFlight ? 'enabled' : 'disabled',
        });
      },
    });
  },
});
