import {
  AzureMlArmClient,
  EnvironmentConfig,
} from '@internal/plugin-azure-ml-node';
import {
  ArmARecordSet,
  ArmCompute,
  ArmListResult,
  ArmNetworkInterface,
  ArmPrivateDnsZone,
  ArmPrivateDnsZoneGroup,
  ArmPrivateEndpoint,
  ArmRegistryForDns,
  ArmVirtualNetworkLink,
  ArmWorkspaceConnection,
  ML_API_VERSION,
  NETWORK_API_VERSION,
  PRIVATE_DNS_API_VERSION,
} from './armShapes';

/** A private endpoint of the environment and what hangs off it. */
export interface EndpointFacts {
  owner: 'workspace' | 'registry';
  id: string;
  name: string;
  /** `Approved`, `Pending`, … of the owner's connection. */
  connectionStatus?: string;
  /** Id of the VNet of the endpoint's subnet. */
  virtualNetworkId?: string;
  /** FQDN → IP, from the NIC's IP configurations and the endpoint's customDnsConfigs. */
  names: Map<string, string>;
  zoneGroups: ArmPrivateDnsZoneGroup[];
}

/** A private DNS zone with its A record sets and virtual network links. */
export interface ZoneFacts {
  zone: ArmPrivateDnsZone;
  aRecords: ArmARecordSet[];
  links: ArmVirtualNetworkLink[];
}

/** Everything ARM says about an environment's private DNS. */
export interface EnvironmentDnsFacts {
  endpoints: EndpointFacts[];
  computeInstances: string[];
  /** Central zones found, by lower-cased name (absent: the zone does not exist). */
  centralZones: Map<string, ZoneFacts>;
  /**
   * Zones of the environment's subscription named like a central zone but not it (left-over
   * per-environment zones), with their virtual network links.
   */
  duplicateZones: Array<{
    zone: ArmPrivateDnsZone;
    links: ArmVirtualNetworkLink[];
  }>;
  armReads: number;
}

const lower = (s: string) => s.toLowerCase();

/** `/subscriptions/.../virtualNetworks/{vnet}/subnets/{s}` → the VNet's id. */
export function virtualNetworkOf(subnetId: string | undefined) {
  const match = /^(.*\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(
    subnetId ?? '',
  );
  return match?.[1];
}

/**
 * Reads what DNS validation needs through the plugin's one ARM client (its credential,
 * retries and read budget). About 17 reads per environment: connections, registry, computes,
 * per endpoint the endpoint, its NIC and its zone groups, the central zones' list, their A
 * records and links, and the environment subscription's zones (plus the links of any zone
 * there that duplicates a central one).
 */
export class DnsArmReader {
  private reads = 0;

  constructor(
    private readonly client: Pick<AzureMlArmClient, 'readArm'>,
    private readonly options: {
      centralZoneSubscriptionId?: string;
      centralZoneResourceGroup: string;
      zoneNames: string[];
    },
  ) {}

  async read(env: EnvironmentConfig): Promise<EnvironmentDnsFacts> {
    this.reads = 0;
    const rg = `/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}`;
    const ml = `${rg}/providers/Microsoft.MachineLearningServices`;
    const centralSubscription =
      this.options.centralZoneSubscriptionId ?? env.subscriptionId;
    const zonesRg = `/subscriptions/${centralSubscription}/resourceGroups/${this.options.centralZoneResourceGroup}/providers/Microsoft.Network/privateDnsZones`;

    const [connections, registry, computes, zones, subscriptionZones] =
      await Promise.all([
        this.list<ArmWorkspaceConnection>(
          `private endpoint connections of workspace ${env.workspace}`,
          `${ml}/workspaces/${env.workspace}/privateEndpointConnections`,
          ML_API_VERSION,
        ),
        this.get<ArmRegistryForDns>(
          `registry ${env.registry}`,
          `${ml}/registries/${env.registry}`,
          ML_API_VERSION,
        ),
        this.list<ArmCompute>(
          `computes of workspace ${env.workspace}`,
          `${ml}/workspaces/${env.workspace}/computes`,
          ML_API_VERSION,
        ),
        this.list<ArmPrivateDnsZone>(
          `private DNS zones of ${this.options.centralZoneResourceGroup}`,
          zonesRg,
          PRIVATE_DNS_API_VERSION,
        ),
        this.list<ArmPrivateDnsZone>(
          `private DNS zones of subscription ${env.subscriptionId}`,
          `/subscriptions/${env.subscriptionId}/providers/Microsoft.Network/privateDnsZones`,
          PRIVATE_DNS_API_VERSION,
        ),
      ]);

    const endpointRefs = [
      ...connections.map(c => ({
        owner: 'workspace' as const,
        id: c.properties?.privateEndpoint?.id,
        status: c.properties?.privateLinkServiceConnectionState?.status,
      })),
      ...(registry?.properties?.registryPrivateEndpointConnections ?? []).map(
        c => ({
          owner: 'registry' as const,
          id: c.properties?.privateEndpoint?.id,
          status:
            c.properties?.registryPrivateLinkServiceConnectionState?.status,
        }),
      ),
    ].filter((e): e is typeof e & { id: string } => Boolean(e.id));

    const wanted = new Set(this.options.zoneNames.map(lower));
    const centralIds = new Set(zones.map(z => lower(z.id)));
    const [endpoints, centralZones, duplicateZones] = await Promise.all([
      Promise.all(
        endpointRefs.map(ref =>
          this.readEndpoint(ref.owner, ref.id, ref.status),
        ),
      ),
      Promise.all(
        zones
          .filter(z => wanted.has(lower(z.name)))
          .map(async zone => {
            const [aRecords, links] = await Promise.all([
              this.list<ArmARecordSet>(
                `A records of zone ${zone.name}`,
                `${zone.id}/A`,
                PRIVATE_DNS_API_VERSION,
              ),
              this.list<ArmVirtualNetworkLink>(
                `virtual network links of zone ${zone.name}`,
                `${zone.id}/virtualNetworkLinks`,
                PRIVATE_DNS_API_VERSION,
              ),
            ]);
            return [lower(zone.name), { zone, aRecords, links }] as const;
          }),
      ),
      Promise.all(
        subscriptionZones
          .filter(
            z => wanted.has(lower(z.name)) && !centralIds.has(lower(z.id)),
          )
          .map(async zone => ({
            zone,
            links: await this.list<ArmVirtualNetworkLink>(
              `virtual network links of zone ${zone.id}`,
              `${zone.id}/virtualNetworkLinks`,
              PRIVATE_DNS_API_VERSION,
            ),
          })),
      ),
    ]);

    return {
      endpoints: endpoints.filter((e): e is EndpointFacts => Boolean(e)),
      computeInstances: computes
        .filter(c => c.properties?.computeType === 'ComputeInstance')
        .map(c => c.name),
      centralZones: new Map(centralZones),
      duplicateZones,
      armReads: this.reads,
    };
  }

  private async readEndpoint(
    owner: EndpointFacts['owner'],
    id: string,
    connectionStatus: string | undefined,
  ): Promise<EndpointFacts | undefined> {
    const [endpoint, zoneGroups] = await Promise.all([
      this.get<ArmPrivateEndpoint>(
        `private endpoint ${id}`,
        id,
        NETWORK_API_VERSION,
      ),
      this.list<ArmPrivateDnsZoneGroup>(
        `DNS zone groups of private endpoint ${id}`,
        `${id}/privateDnsZoneGroups`,
        NETWORK_API_VERSION,
      ),
    ]);
    if (!endpoint) return undefined;
    const names = new Map<string, string>();
    for (const config of endpoint.properties?.customDnsConfigs ?? []) {
      const ip = config.ipAddresses?.[0];
      if (config.fqdn && ip) names.set(lower(config.fqdn), ip);
    }
    const nics = await Promise.all(
      (endpoint.properties?.networkInterfaces ?? [])
        .map(n => n.id)
        .filter((nicId): nicId is string => Boolean(nicId))
        .map(nicId =>
          this.get<ArmNetworkInterface>(
            `network interface ${nicId}`,
            nicId,
            NETWORK_API_VERSION,
          ),
        ),
    );
    for (const nic of nics) {
      for (const ipConfig of nic?.properties?.ipConfigurations ?? []) {
        const ip = ipConfig.properties?.privateIPAddress;
        for (const fqdn of ipConfig.properties?.privateLinkConnectionProperties
          ?.fqdns ?? []) {
          if (ip) names.set(lower(fqdn), ip);
        }
      }
    }
    return {
      owner,
      id: endpoint.id,
      name: endpoint.name,
      connectionStatus,
      virtualNetworkId: virtualNetworkOf(endpoint.properties?.subnet?.id),
      names,
      zoneGroups,
    };
  }

  private get<T>(what: string, path: string, apiVersion: string) {
    this.reads += 1;
    return this.client.readArm<T>(what, path, apiVersion);
  }

  /** Every item of a list, following `nextLink` as given. */
  private async list<T>(
    what: string,
    path: string,
    apiVersion: string,
  ): Promise<T[]> {
    const items: T[] = [];
    let page = await this.get<ArmListResult<T>>(what, path, apiVersion);
    items.push(...(page?.value ?? []));
    while (page?.nextLink) {
      page = await this.get<ArmListResult<T>>(what, page.nextLink, apiVersion);
      items.push(...(page?.value ?? []));
    }
    return items;
  }
}
