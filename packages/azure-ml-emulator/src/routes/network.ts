import { ArmContext, ArmRoute } from '../arm/router';
import { resourceNotFound } from '../arm/errors';
import { ArmResource } from '../state/types';
import { key, networkResourceId } from '../state/ids';
import { byName, inScopeOf, listPage, ok } from './common';

const RG = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}';
const NET = 'providers/Microsoft.Network';

function getOne(
  ctx: ArmContext,
  collection: Record<string, ArmResource>,
  type: string,
  name: string,
) {
  const { subscriptionId, resourceGroupName } = ctx.params;
  const resource =
    collection[
      key(networkResourceId(subscriptionId, resourceGroupName, type, name))
    ];
  if (!resource)
    throw resourceNotFound(
      `Microsoft.Network/${type}`,
      name,
      resourceGroupName,
    );
  return resource;
}

/** Private endpoints with their NICs and DNS zone groups, virtual networks: read-only. */
export const networkRoutes: ArmRoute[] = [
  {
    operationId: 'PrivateEndpoints_Get',
    method: 'GET',
    path: `${RG}/${NET}/privateEndpoints/{privateEndpointName}`,
    provider: 'Network',
    handle: ctx =>
      ok(
        getOne(
          ctx,
          ctx.state.privateEndpoints,
          'privateEndpoints',
          ctx.params.privateEndpointName,
        ),
      ),
  },
  {
    operationId: 'PrivateEndpoints_List',
    method: 'GET',
    path: `${RG}/${NET}/privateEndpoints`,
    provider: 'Network',
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.privateEndpoints)).sort(byName),
      ),
  },
  {
    operationId: 'PrivateEndpoints_ListBySubscription',
    method: 'GET',
    path: `/subscriptions/{subscriptionId}/${NET}/privateEndpoints`,
    provider: 'Network',
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.privateEndpoints)).sort(byName),
      ),
  },
  {
    operationId: 'PrivateDnsZoneGroups_List',
    method: 'GET',
    path: `${RG}/${NET}/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups`,
    provider: 'Network',
    handle: ctx => {
      const pe = getOne(
        ctx,
        ctx.state.privateEndpoints,
        'privateEndpoints',
        ctx.params.privateEndpointName,
      );
      const prefix = `${key(pe.id)}/privatednszonegroups/`;
      const groups = Object.entries(ctx.state.privateDnsZoneGroups)
        .filter(([id]) => id.startsWith(prefix))
        .map(([, group]) => group)
        .sort(byName);
      return listPage(ctx, groups);
    },
  },
  {
    operationId: 'PrivateDnsZoneGroups_Get',
    method: 'GET',
    path: `${RG}/${NET}/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName}`,
    provider: 'Network',
    handle: ctx => {
      const pe = getOne(
        ctx,
        ctx.state.privateEndpoints,
        'privateEndpoints',
        ctx.params.privateEndpointName,
      );
      const group =
        ctx.state.privateDnsZoneGroups[
          key(
            `${pe.id}/privateDnsZoneGroups/${ctx.params.privateDnsZoneGroupName}`,
          )
        ];
      if (!group) {
        throw resourceNotFound(
          'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
          ctx.params.privateDnsZoneGroupName,
          ctx.params.resourceGroupName,
        );
      }
      return ok(group);
    },
  },
  {
    operationId: 'NetworkInterfaces_Get',
    method: 'GET',
    path: `${RG}/${NET}/networkInterfaces/{networkInterfaceName}`,
    provider: 'Network',
    handle: ctx =>
      ok(
        getOne(
          ctx,
          ctx.state.networkInterfaces,
          'networkInterfaces',
          ctx.params.networkInterfaceName,
        ),
      ),
  },
  {
    operationId: 'NetworkInterfaces_List',
    method: 'GET',
    path: `${RG}/${NET}/networkInterfaces`,
    provider: 'Network',
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.networkInterfaces)).sort(byName),
      ),
  },
  {
    operationId: 'VirtualNetworks_Get',
    method: 'GET',
    path: `${RG}/${NET}/virtualNetworks/{virtualNetworkName}`,
    provider: 'Network',
    handle: ctx =>
      ok(
        getOne(
          ctx,
          ctx.state.virtualNetworks,
          'virtualNetworks',
          ctx.params.virtualNetworkName,
        ),
      ),
  },
  {
    operationId: 'VirtualNetworks_List',
    method: 'GET',
    path: `${RG}/${NET}/virtualNetworks`,
    provider: 'Network',
    handle: ctx =>
      listPage(
        ctx,
        inScopeOf(ctx, Object.values(ctx.state.virtualNetworks)).sort(byName),
      ),
  },
];
