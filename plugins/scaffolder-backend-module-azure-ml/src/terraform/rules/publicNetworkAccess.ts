import { Report, ResourceBlock } from './common';

/** Resource types that default to public access when the flag is omitted. */
const PUBLIC_BY_DEFAULT = new Set([
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_container_registry',
  'azurerm_machine_learning_workspace',
]);

function isLiteralTrue(value: unknown) {
  return value === true || value === '${true}';
}

/**
 * Calls `onFound` with every key, at any depth, that turns public network access on
 * (`public_network_access_enabled = true`, `public_network_access = "Enabled"`, any casing).
 */
function findPublicAccess(value: unknown, onFound: (key: string) => void) {
  if (Array.isArray(value)) {
    value.forEach(item => findPublicAccess(item, onFound));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    const normalized = key.toLowerCase().replace(/_/g, '');
    const on =
      (normalized === 'publicnetworkaccessenabled' && isLiteralTrue(item)) ||
      (normalized === 'publicnetworkaccess' &&
        typeof item === 'string' &&
        item.toLowerCase() === 'enabled');
    if (on) onFound(key);
    else findPublicAccess(item, onFound);
  }
}

/**
 * The platform is private-only (`public-network-access`): no resource turns public network
 * access on, and resources that are public by default set `public_network_access_enabled` to
 * the literal false.
 */
export function checkPublicNetworkAccess(
  resource: ResourceBlock,
  report: Report,
) {
  const { file, type, body, where, block } = resource;
  findPublicAccess(body, key =>
    report(
      file,
      block && (file.source.findAttribute(key, block) ?? block.start),
      'public-network-access',
      `${where}: ${key} turns public network access on; the platform is private-only`,
    ),
  );

  if (PUBLIC_BY_DEFAULT.has(type)) {
    const flag = body.public_network_access_enabled;
    if (flag === undefined) {
      report(
        file,
        block?.start,
        'public-network-access',
        `${where}: public_network_access_enabled is not set and defaults to true; set it to false`,
      );
    } else if (flag !== false && !isLiteralTrue(flag)) {
      report(
        file,
        block &&
          file.source.findAttribute('public_network_access_enabled', block),
        'public-network-access',
        `${where}: public_network_access_enabled must be the literal false, not an expression`,
      );
    }
  }
}
