import type { AzureMlRegistry } from '@internal/plugin-azure-ml-common';
import {
  AzureMlArmClient,
  AzureMlConfig,
  EnvironmentConfig,
  ModelContainerSummary,
} from '@internal/plugin-azure-ml-node';

/* Everything the provider reads from ARM, through the one shared ARM client of
 * @internal/plugin-azure-ml-node (same pipeline, retries and read budget as the backend
 * plugin). */

const NETWORK_API_VERSION = '2024-05-01';
const PRIVATE_DNS_API_VERSION = '2024-06-01';

interface ArmList<T> {
  value?: T[];
  nextLink?: string | null;
}

interface ArmVirtualNetwork {
  name?: string;
  properties?: { addressSpace?: { addressPrefixes?: string[] } };
}

interface ArmNamed {
  name?: string;
}

/** What ARM says about one configured environment. */
export interface EnvironmentFacts {
  env: EnvironmentConfig;
  workspace: Awaited<ReturnType<AzureMlArmClient['getWorkspaceDetails']>>;
  registry: AzureMlRegistry;
  virtualNetworks: Array<{ name: string; addressPrefixes: string[] }>;
  models: ModelContainerSummary[];
}

/** What ARM says about the platform: every environment and the central DNS zones. */
export interface PlatformFacts {
  environments: EnvironmentFacts[];
  dns: { subscriptionId: string; resourceGroup: string; zones: string[] };
  armReads: number;
}

/** What the provider calls of the shared ARM client. */
export type AzureMlArmReader = Pick<
  AzureMlArmClient,
  'readArm' | 'getWorkspaceDetails' | 'getRegistry' | 'listAllModelContainers'
>;

/**
 * Where an environment's VNets are unless configured: its own resource group, and the
 * `<resource group>-network` group that the platform's Terraform (`rg-aml-<name>-network`)
 * puts them in. A group that does not exist lists nothing (ARM's 404).
 */
export function defaultNetworkResourceGroups(env: EnvironmentConfig): string[] {
  return [env.resourceGroup, `${env.resourceGroup}-network`];
}

/**
 * Reads the platform. Any failed read fails the whole read: a partial picture would make the
 * provider delete entities that still exist.
 */
export async function readPlatform(
  client: AzureMlArmReader,
  config: AzureMlConfig,
  networkResourceGroups: Record<string, string[]> = {},
): Promise<PlatformFacts> {
  let armReads = 0;
  const list = async <T>(what: string, path: string, apiVersion: string) => {
    const items: T[] = [];
    let next: string | undefined = path;
    let first = true;
    while (next) {
      armReads += 1;
      const page: ArmList<T> | undefined = await client.readArm<ArmList<T>>(
        what,
        next,
        first ? apiVersion : undefined,
      );
      first = false;
      items.push(...(page?.value ?? []));
      next = page?.nextLink ?? undefined;
    }
    return items;
  };

  const listModelContainers = async (env: EnvironmentConfig) => {
    const { items, pages } = await client.listAllModelContainers(env);
    armReads += pages;
    return items;
  };

  const environments = await Promise.all(
    config.environments.map(async (env): Promise<EnvironmentFacts> => {
      armReads += 2;
      const [workspace, registry, networks, containers] = await Promise.all([
        client.getWorkspaceDetails(env),
        client.getRegistry(env),
        Promise.all(
          (
            networkResourceGroups[env.name] ?? defaultNetworkResourceGroups(env)
          ).map(group =>
            list<ArmVirtualNetwork>(
              `virtual networks of ${group}`,
              `/subscriptions/${env.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks`,
              NETWORK_API_VERSION,
            ),
          ),
        ).then(lists => lists.flat()),
        listModelContainers(env),
      ]);
      return {
        env,
        workspace,
        registry,
        virtualNetworks: networks.flatMap(n =>
          n.name
            ? [
                {
                  name: n.name,
                  addressPrefixes:
                    n.properties?.addressSpace?.addressPrefixes ?? [],
                },
              ]
            : [],
        ),
        models: containers.filter(c => !c.isArchived),
      };
    }),
  );

  const dnsSubscription =
    config.dns.centralZoneSubscriptionId ??
    config.environments[0]?.subscriptionId;
  const zones = dnsSubscription
    ? await list<ArmNamed>(
        `private DNS zones of ${config.dns.centralZoneResourceGroup}`,
        `/subscriptions/${dnsSubscription}/resourceGroups/${config.dns.centralZoneResourceGroup}/providers/Microsoft.Network/privateDnsZones`,
        PRIVATE_DNS_API_VERSION,
      )
    : [];

  return {
    environments,
    dns: {
      subscriptionId: dnsSubscription ?? '',
      resourceGroup: config.dns.centralZoneResourceGroup,
      zones: zones.flatMap(z => (z.name ? [z.name] : [])).sort(),
    },
    armReads,
  };
}
