import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { azureMlApiRef, AzureMlClient } from './api';
import { approvalsRouteRef, resourceRouteRef, rootRouteRef } from './routes';

/** The Azure ML frontend plugin (legacy frontend system). @public */
export const azureMlPlugin = createPlugin({
  id: 'azure-ml',
  apis: [
    createApiFactory({
      api: azureMlApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AzureMlClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: rootRouteRef,
    resourceContent: resourceRouteRef,
    approvals: approvalsRouteRef,
  },
});

/**
 * The "Azure ML" entity tab: environments, model versions with metrics, metric trend,
 * pipeline runs and registries. Gate it with `isAzureMlAvailable`.
 * @public
 */
export const EntityAzureMlContent = azureMlPlugin.provide(
  createRoutableExtension({
    name: 'EntityAzureMlContent',
    component: () =>
      import('./components/AzureMlContent').then(m => m.AzureMlContent),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Azure ML" tab of the platform Resources the catalog module discovers, with what fits
 * each: an environment's workspace, registry and DNS validation; a workspace's pipeline runs;
 * a registry's models and their versions. Gate it with `isAzureMlResource`.
 * @public
 */
export const EntityAzureMlResourceContent = azureMlPlugin.provide(
  createRoutableExtension({
    name: 'EntityAzureMlResourceContent',
    component: () =>
      import('./components/ResourceContent').then(
        m => m.AzureMlResourceContent,
      ),
    mountPoint: resourceRouteRef,
  }),
);

/**
 * Overview card with the newest model versions of the entity, compared with the champion.
 * @public
 */
export const EntityAzureMlModelsCard = azureMlPlugin.provide(
  createComponentExtension({
    name: 'EntityAzureMlModelsCard',
    component: {
      lazy: () =>
        import('./components/EntityCards').then(m => m.EntityModelsCard),
    },
  }),
);

/** Overview card with the newest pipeline runs of the entity's experiment. @public */
export const EntityAzureMlRunsCard = azureMlPlugin.provide(
  createComponentExtension({
    name: 'EntityAzureMlRunsCard',
    component: {
      lazy: () =>
        import('./components/EntityCards').then(m => m.EntityRunsCard),
    },
  }),
);

/**
 * Private DNS validation of the environment an `azure-ml-environment` Resource describes
 * (status, findings with remediation, migration table, history, "Validate now").
 * @public
 */
export const EntityAzureMlDnsValidationCard = azureMlPlugin.provide(
  createComponentExtension({
    name: 'EntityAzureMlDnsValidationCard',
    component: {
      lazy: () =>
        import('./components/DnsValidation').then(
          m => m.EntityDnsValidationCard,
        ),
    },
  }),
);

/**
 * The "Model approvals" page: promotion requests waiting for approval across the entities
 * the signed-in user may read, with Approve / Reject. Mount it at `/azure-ml/approvals`
 * (the path the promotion notifications link to).
 * @public
 */
export const AzureMlApprovalsPage = azureMlPlugin.provide(
  createRoutableExtension({
    name: 'AzureMlApprovalsPage',
    component: () =>
      import('./components/ApprovalsPage').then(m => m.ApprovalsPage),
    mountPoint: approvalsRouteRef,
  }),
);
