import { DEV, PROD } from './seed/constants';

/** ARM paths of the seeded platform, for tests. */
export const paths = {
  workspace: (env = DEV) =>
    `/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${env.workspace}`,
  registry: (env = DEV) =>
    `/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${env.registry}`,
  dnsZones: `/subscriptions/${DEV.subscriptionId}/resourceGroups/rg-aml-dns/providers/Microsoft.Network/privateDnsZones`,
  prod: PROD,
};

export const API = 'api-version=2024-04-01';
