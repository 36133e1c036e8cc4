/** Helpers for ARM resource ids (case-insensitive by ARM's rules). */

export const key = (id: string) => id.toLowerCase();

export const resourceGroupId = (
  subscriptionId: string,
  resourceGroup: string,
) => `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;

export const mlResourceId = (
  subscriptionId: string,
  resourceGroup: string,
  type: 'workspaces' | 'registries',
  name: string,
) =>
  `${resourceGroupId(
    subscriptionId,
    resourceGroup,
  )}/providers/Microsoft.MachineLearningServices/${type}/${name}`;

export const networkResourceId = (
  subscriptionId: string,
  resourceGroup: string,
  type: string,
  name: string,
) =>
  `${resourceGroupId(
    subscriptionId,
    resourceGroup,
  )}/providers/Microsoft.Network/${type}/${name}`;

/** Parses the subscription and resource group out of an id (any casing). */
export function parseScope(id: string): {
  subscriptionId: string;
  resourceGroup?: string;
} {
  const match = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i.exec(
    id,
  );
  return { subscriptionId: match?.[1] ?? '', resourceGroup: match?.[2] };
}

export function inSubscription(id: string, subscriptionId: string) {
  return (
    parseScope(id).subscriptionId.toLowerCase() === subscriptionId.toLowerCase()
  );
}

export function inResourceGroup(
  id: string,
  subscriptionId: string,
  resourceGroup: string,
) {
  const scope = parseScope(id);
  return (
    scope.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() &&
    (scope.resourceGroup ?? '').toLowerCase() === resourceGroup.toLowerCase()
  );
}
