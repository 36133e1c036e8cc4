import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  azureMlArmClientServiceRef,
  azureMlConfigServiceRef,
} from '@internal/plugin-azure-ml-node';
import { CursorSigner } from '../lib/CursorSigner';
import { ReadThroughCache } from '../lib/ReadThroughCache';
import { AzureMlReadService } from './AzureMlReadService/AzureMlReadService';
import { EntityAccess } from './EntityAccess/EntityAccess';

/*
 * The plugin's services, each with a default factory built from core services and
 * `azureMl.*` config. `plugin.ts` only wires them; a test or an adopter swaps one with
 * `createServiceFactory({ service: <ref>, ... })` in `startTestBackend({ features })` or the
 * backend's feature list. The config and the ARM client are root-scoped refs of
 * @internal/plugin-azure-ml-node (one client and read budget shared with the catalog module);
 * they are re-exported here so that the plugin's wiring names every service from one place.
 */

export { azureMlArmClientServiceRef, azureMlConfigServiceRef };

/** The public surface of a class: what other services may call. */
type PublicOf<T> = Pick<T, keyof T>;

/** The read side: environments, registries, an entity's model versions and runs. */
export type AzureMlReadApi = PublicOf<AzureMlReadService>;

/** "This entity, for this caller" → its Azure ML annotations, or a 404/403/400 error. */
export type AzureMlEntityAccess = PublicOf<EntityAccess>;

/** Read-through cache over `coreServices.cache` with single-flight (`azureMl.cache`). */
export const azureMlCacheServiceRef = createServiceRef<ReadThroughCache>({
  id: 'azure-ml.read-through-cache',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: azureMlConfigServiceRef, cache: coreServices.cache },
      factory: ({ config, cache }) =>
        new ReadThroughCache(cache, {
          enabled: config.cache.enabled,
          singleFlight: config.cache.singleFlight,
        }),
    }),
});

/** The read service over the ARM client and the read-through cache. */
export const azureMlReadServiceRef = createServiceRef<AzureMlReadApi>({
  id: 'azure-ml.read',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: azureMlConfigServiceRef,
        logger: coreServices.logger,
        client: azureMlArmClientServiceRef,
        cache: azureMlCacheServiceRef,
        database: coreServices.database,
      },
      factory: async ({ config, logger, client, cache, database }) =>
        new AzureMlReadService({
          config,
          client,
          cache,
          logger,
          cursorSigner: await CursorSigner.fromDatabase(database),
        }),
    }),
});

/** The entity access check (catalog read with the caller's credentials + permission). */
export const azureMlEntityAccessServiceRef =
  createServiceRef<AzureMlEntityAccess>({
    id: 'azure-ml.entity-access',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: azureMlConfigServiceRef,
          auth: coreServices.auth,
          permissions: coreServices.permissions,
          catalog: catalogServiceRef,
          cache: azureMlCacheServiceRef,
        },
        factory: ({ config, auth, permissions, catalog, cache }) =>
          new EntityAccess({
            auth,
            catalog,
            permissions,
            cache,
            ttlMs: config.cache.ttl.access,
          }),
      }),
  });
