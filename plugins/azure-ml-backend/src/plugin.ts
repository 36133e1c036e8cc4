import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { azureMlPermissions } from '@internal/plugin-azure-ml-common';
import { ResponseCache } from './lib/ResponseCache';
import { createRouter } from './router';
import { EntityIndex } from './services/EntityIndex/EntityIndex';
import { EntityReader } from './services/EntityReader/EntityReader';
import { PlatformAccess } from './services/EntityAccess/PlatformAccess';
import {
  catalogEntityNames,
  PromotionNotifier,
} from './services/Promotion/PromotionNotifier';
import { PromotionService } from './services/Promotion/PromotionService';
import { PromotionStore } from './services/Promotion/PromotionStore';
import { DnsValidationService } from './services/DnsValidation/DnsValidationService';
import { DnsValidationStore } from './services/DnsValidation/DnsValidationStore';
import {
  azureMlArmClientServiceRef,
  azureMlCacheServiceRef,
  azureMlConfigServiceRef,
  azureMlEntityAccessServiceRef,
  azureMlReadServiceRef,
} from './services/refs';

/**
 * The azure-ml backend plugin: read API for environments, registries, model versions and
 * pipeline runs of catalog entities. Its services (ARM client, read service, entity access,
 * read-through cache) are service refs with default factories (`services/refs.ts`); this file
 * only wires them.
 *
 * @public
 */
export const azureMlPlugin = createBackendPlugin({
  pluginId: 'azure-ml',
  register(env) {
    env.registerInit({
      deps: {
        config: azureMlConfigServiceRef,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        database: coreServices.database,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        readService: azureMlReadServiceRef,
        entityAccess: azureMlEntityAccessServiceRef,
        client: azureMlArmClientServiceRef,
        readCache: azureMlCacheServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config } = deps;
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
        const promotions = config.promotion
          ? new PromotionService({
              config,
              promotion: config.promotion,
              client: deps.client,
              store: await PromotionStore.create(deps.database),
              entityAccess: deps.entityAccess,
              auth: deps.auth,
              permissions: deps.permissions,
              auditor: deps.auditor,
              logger: deps.logger,
              readCache: deps.readCache,
              readService: deps.readService,
              responses,
              notifier: new PromotionNotifier({
                notifications: deps.notifications,
                logger: deps.logger,
                approvers: config.promotion.approvers,
                names: catalogEntityNames({
                  catalog: deps.catalog,
                  auth: deps.auth,
                }),
              }),
            })
          : undefined;
        if (promotions && config.promotion) {
          // Global: one replica at a time runs it (the scheduler locks through the database);
          // each request is also claimed with a conditional update, so a request is carried out
          // by one replica even if two ran the task.
          await deps.scheduler.scheduleTask({
            id: 'azure-ml-promotions',
            scope: 'global',
            frequency: { milliseconds: config.promotion.pollIntervalMs },
            timeout: { minutes: 10 },
            fn: () => promotions.runDue(),
          });
        }

        const dnsValidations = new DnsValidationService({
          config,
          client: deps.client,
          store: await DnsValidationStore.create(deps.database),
          auth: deps.auth,
          permissions: deps.permissions,
          auditor: deps.auditor,
          logger: deps.logger,
          notifications: deps.notifications,
        });
        if (config.dns.schedule.enabled) {
          // One task per environment, global: one replica runs each, so each period stores
          // one run per environment, and a slow environment does not hold up the others.
          for (const environment of config.environments) {
            await deps.scheduler.scheduleTask({
              id: `azure-ml-dns-validation-${environment.name}`,
              scope: 'global',
              frequency: { milliseconds: config.dns.schedule.frequencyMs },
              timeout: { minutes: 10 },
              initialDelay: { seconds: 30 },
              fn: () => dnsValidations.runScheduled(environment.name),
            });
          }
        }

        deps.permissionsRegistry.addPermissions(azureMlPermissions);
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            entityReader: new EntityReader({
              entityAccess: deps.entityAccess,
              entityIndex,
              responses,
            }),
            readService: deps.readService,
            platformAccess: new PlatformAccess({
              auth: deps.auth,
              catalog: deps.catalog,
              permissions: deps.permissions,
              cache: deps.readCache,
              ttlMs: config.cache.ttl.access,
            }),
            championTag: config.promotion?.aliasTag ?? 'champion',
            responses,
            promotions,
            dnsValidations,
          }),
        );
        deps.logger.info('Azure ML read API ready', {
          environments: config.environments.map(e => e.name).join(','),
          armEndpoint: config.arm.endpoint,
          cache: config.cache.enabled ? 'enabled' : 'disabled',
          singleFlight: config.cache.singleFlight ? 'enabled' : 'disabled',
          promotion: config.promotion
            ? `${config.promotion.from} -> ${config.promotion.to}`
            : 'not configured',
        });
      },
    });
  },
});
