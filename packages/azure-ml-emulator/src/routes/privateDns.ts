import { ArmContext, ArmRoute } from '../arm/router';
import { resourceNotFound } from '../arm/errors';
import { parseTop } from '../arm/paging';
import { visibleLinks, visibleZone } from '../state/dnsView';
import { allZones, visibleRecordSets } from '../state/dnsFaultView';
import { PrivateDnsZoneRecord } from '../state/types';
import {
  inResourceGroup,
  inSubscription,
  key,
  networkResourceId,
} from '../state/ids';
import { byName, listPage, ok } from './common';

const ZONES =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones';
const ZONE = `${ZONES}/{privateZoneName}`;
const RECORD_TYPES = 'A|AAAA|CNAME|MX|PTR|SOA|SRV|TXT';

function zoneRecord(ctx: ArmContext): PrivateDnsZoneRecord {
  const { subscriptionId, resourceGroupName, privateZoneName } = ctx.params;
  const record = allZones(ctx.state, ctx.runtime.faults)[
    key(
      networkResourceId(
        subscriptionId,
        resourceGroupName,
        'privateDnsZones',
        privateZoneName,
      ),
    )
  ];
  if (!record)
    throw resourceNotFound(
      'Microsoft.Network/privateDnsZones',
      privateZoneName,
      resourceGroupName,
    );
  return record;
}

const recordType = (type: string) => type.split('/').pop()!.toUpperCase();

/** `$top` sets the page size; `$recordsetnamesuffix` filters on the relative name's end. */
function listRecordSets(ctx: ArmContext, type?: string) {
  const record = zoneRecord(ctx);
  const suffix = ctx.query('$recordsetnamesuffix')?.toLowerCase();
  const items = visibleRecordSets(record, ctx.runtime.faults)
    .filter(rs => !type || recordType(rs.type) === type.toUpperCase())
    .filter(rs => !suffix || rs.name.toLowerCase().endsWith(suffix))
    .sort(
      (a, b) =>
        recordType(a.type).localeCompare(recordType(b.type)) ||
        a.name.localeCompare(b.name),
    );
  return listPage(ctx, items, parseTop(ctx.url) ?? ctx.runtime.pageSize);
}

/** Private DNS zones, record sets (`/ALL`, per type) and virtual network links: read-only. */
export const privateDnsRoutes: ArmRoute[] = [
  {
    operationId: 'PrivateZones_Get',
    method: 'GET',
    path: ZONE,
    provider: 'PrivateDns',
    handle: ctx => ok(visibleZone(zoneRecord(ctx), ctx.runtime.faults)),
  },
  {
    operationId: 'PrivateZones_ListByResourceGroup',
    method: 'GET',
    path: ZONES,
    provider: 'PrivateDns',
    handle: ctx => {
      const { subscriptionId, resourceGroupName } = ctx.params;
      const zones = Object.values(allZones(ctx.state, ctx.runtime.faults))
        .filter(r =>
          inResourceGroup(r.zone.id, subscriptionId, resourceGroupName),
        )
        .map(r => visibleZone(r, ctx.runtime.faults))
        .sort(byName);
      return listPage(ctx, zones, parseTop(ctx.url) ?? ctx.runtime.pageSize);
    },
  },
  {
    operationId: 'PrivateZones_List',
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Network/privateDnsZones',
    provider: 'PrivateDns',
    handle: ctx => {
      const zones = Object.values(allZones(ctx.state, ctx.runtime.faults))
        .filter(r => inSubscription(r.zone.id, ctx.params.subscriptionId))
        .map(r => visibleZone(r, ctx.runtime.faults))
        .sort(byName);
      return listPage(ctx, zones, parseTop(ctx.url) ?? ctx.runtime.pageSize);
    },
  },
  {
    operationId: 'RecordSets_List',
    method: 'GET',
    path: `${ZONE}/ALL`,
    provider: 'PrivateDns',
    handle: ctx => listRecordSets(ctx),
  },
  {
    operationId: 'RecordSets_ListByType',
    method: 'GET',
    path: `${ZONE}/{recordType:${RECORD_TYPES}}`,
    provider: 'PrivateDns',
    handle: ctx => listRecordSets(ctx, ctx.params.recordType),
  },
  {
    operationId: 'RecordSets_Get',
    method: 'GET',
    path: `${ZONE}/{recordType:${RECORD_TYPES}}/{relativeRecordSetName}`,
    provider: 'PrivateDns',
    handle: ctx => {
      const record = zoneRecord(ctx);
      const { recordType: type, relativeRecordSetName: name } = ctx.params;
      const found = visibleRecordSets(record, ctx.runtime.faults).find(
        rs =>
          recordType(rs.type) === type.toUpperCase() &&
          rs.name.toLowerCase() === name.toLowerCase(),
      );
      if (!found)
        throw resourceNotFound(
          `Microsoft.Network/privateDnsZones/${
            ctx.params.privateZoneName
          }/${type.toUpperCase()}`,
          name,
          ctx.params.resourceGroupName,
        );
      return ok(found);
    },
  },
  {
    operationId: 'VirtualNetworkLinks_List',
    method: 'GET',
    path: `${ZONE}/virtualNetworkLinks`,
    provider: 'PrivateDns',
    handle: ctx =>
      listPage(
        ctx,
        visibleLinks(zoneRecord(ctx), ctx.runtime.faults).sort(byName),
        parseTop(ctx.url) ?? ctx.runtime.pageSize,
      ),
  },
  {
    operationId: 'VirtualNetworkLinks_Get',
    method: 'GET',
    path: `${ZONE}/virtualNetworkLinks/{virtualNetworkLinkName}`,
    provider: 'PrivateDns',
    handle: ctx => {
      const name = ctx.params.virtualNetworkLinkName.toLowerCase();
      const link = visibleLinks(zoneRecord(ctx), ctx.runtime.faults).find(
        l => l.name.toLowerCase() === name,
      );
      if (!link) {
        throw resourceNotFound(
          `Microsoft.Network/privateDnsZones/${ctx.params.privateZoneName}/virtualNetworkLinks`,
          ctx.params.virtualNetworkLinkName,
          ctx.params.resourceGroupName,
        );
      }
      return ok(link);
    },
  },
];
