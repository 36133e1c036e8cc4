import { ArmRoute } from '../arm/router';
import { resourceNotFound } from '../arm/errors';
import { key, mlResourceId } from '../state/ids';
import { byName, inScopeOf, listPage, ok } from './common';

const RG = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}';
const ML = 'providers/Microsoft.MachineLearningServices';

/** Workspaces and registries: read-only, as the platform's Terraform owns them. */
export const workspaceRoutes: ArmRoute[] = [
  {
    operationId: 'Workspaces_Get',
    method: 'GET',
    path: `${RG}/${ML}/workspaces/{workspaceName}`,
    provider: 'MachineLearningServices',
    handle: ctx => {
      const { subscriptionId, resourceGroupName, workspaceName } = ctx.params;
      const ws =
        ctx.state.workspaces[
          key(
            mlResourceId(
              subscriptionId,
              resourceGroupName,
              'workspaces',
              workspaceName,
            ),
          )
        ];
      if (!ws)
        throw resourceNotFound(
          'Microsoft.MachineLearningServices/workspaces',
          workspaceName,
          resourceGroupName,
        );
      return ok(ws);
    },
  },
  {
    operationId: 'Workspaces_ListByResourceGroup',
    method: 'GET',
    path: `${RG}/${ML}/workspaces`,
    provider: 'MachineLearningServices',
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.workspaces)).sort(byName),
      ),
  },
  {
    operationId: 'Workspaces_ListBySubscription',
    method: 'GET',
    path: `/subscriptions/{subscriptionId}/${ML}/workspaces`,
    provider: 'MachineLearningServices',
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.workspaces)).sort(byName),
      ),
  },
  {
    operationId: 'Registries_Get',
    method: 'GET',
    path: `${RG}/${ML}/registries/{registryName}`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: ctx => {
      const { subscriptionId, resourceGroupName, registryName } = ctx.params;
      const registry =
        ctx.state.registries[
          key(
            mlResourceId(
              subscriptionId,
              resourceGroupName,
              'registries',
              registryName,
            ),
          )
        ];
      if (!registry)
        throw resourceNotFound(
          'Microsoft.MachineLearningServices/registries',
          registryName,
          resourceGroupName,
        );
      return ok(registry);
    },
  },
  {
    operationId: 'Registries_List',
    method: 'GET',
    path: `${RG}/${ML}/registries`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.registries)).sort(byName),
      ),
  },
  {
    operationId: 'Registries_ListBySubscription',
    method: 'GET',
    path: `/subscriptions/{subscriptionId}/${ML}/registries`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.registries)).sort(byName),
      ),
  },
];
