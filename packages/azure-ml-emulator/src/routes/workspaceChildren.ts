import { ArmContext, ArmRoute } from '../arm/router';
import { resourceNotFound } from '../arm/errors';
import { ArmResource } from '../state/types';
import { key, mlResourceId } from '../state/ids';
import { byName, listPage, ok } from './common';

/*
 * Children of a workspace that DNS validation reads (Azure/azure-rest-api-specs,
 * machinelearningservices stable/2024-04-01: `PrivateEndpointConnections_List/Get`,
 * `Compute_List/Get`). Registries have no such child route: their connections are the
 * registry's `properties.registryPrivateEndpointConnections`.
 */

const WS =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}';

function workspaceOf(ctx: ArmContext): ArmResource {
  const { subscriptionId, resourceGroupName, workspaceName } = ctx.params;
  const workspace =
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
  if (!workspace)
    throw resourceNotFound(
      'Microsoft.MachineLearningServices/workspaces',
      workspaceName,
      resourceGroupName,
    );
  return workspace;
}

const connectionsOf = (workspace: ArmResource): ArmResource[] =>
  workspace.properties.privateEndpointConnections ?? [];

function computesOf(ctx: ArmContext): ArmResource[] {
  const prefix = `${key(workspaceOf(ctx).id)}/computes/`;
  return Object.entries(ctx.state.computes ?? {})
    .filter(([id]) => id.startsWith(prefix))
    .map(([, compute]) => compute)
    .sort(byName);
}

export const workspaceChildRoutes: ArmRoute[] = [
  {
    operationId: 'PrivateEndpointConnections_List',
    method: 'GET',
    path: `${WS}/privateEndpointConnections`,
    provider: 'MachineLearningServices',
    // The spec's list result has no nextLink: one page, `value` only.
    handle: ctx => ok({ value: connectionsOf(workspaceOf(ctx)) }),
  },
  {
    operationId: 'PrivateEndpointConnections_Get',
    method: 'GET',
    path: `${WS}/privateEndpointConnections/{privateEndpointConnectionName}`,
    provider: 'MachineLearningServices',
    handle: ctx => {
      const name = ctx.params.privateEndpointConnectionName.toLowerCase();
      const connection = connectionsOf(workspaceOf(ctx)).find(
        c => c.name.toLowerCase() === name,
      );
      if (!connection)
        throw resourceNotFound(
          'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections',
          ctx.params.privateEndpointConnectionName,
          ctx.params.resourceGroupName,
        );
      return ok(connection);
    },
  },
  {
    operationId: 'Compute_List',
    method: 'GET',
    path: `${WS}/computes`,
    provider: 'MachineLearningServices',
    handle: ctx => listPage(ctx, computesOf(ctx)),
  },
  {
    operationId: 'Compute_Get',
    method: 'GET',
    path: `${WS}/computes/{computeName}`,
    provider: 'MachineLearningServices',
    handle: ctx => {
      const name = ctx.params.computeName.toLowerCase();
      const compute = computesOf(ctx).find(c => c.name.toLowerCase() === name);
      if (!compute)
        throw resourceNotFound(
          'Microsoft.MachineLearningServices/workspaces/computes',
          ctx.params.computeName,
          ctx.params.resourceGroupName,
        );
      return ok(compute);
    },
  },
];
