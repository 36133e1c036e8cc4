import { ResourcePermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Whether the signed-in user holds `permission` on the entity, with the reason to show when
 * not. The permission framework batches these checks per entity.
 */
export function useEntityPermission(
  permission: ResourcePermission<'catalog-entity'>,
  entityRef: string,
  what: string,
) {
  const { allowed, loading } = usePermission({
    permission,
    resourceRef: entityRef.toLocaleLowerCase('en-US'),
  });
  let reason: string | undefined;
  if (loading) {
    reason = 'Checking your permissions…';
  } else if (!allowed) {
    reason = `You may not ${what} ${entityRef}: ask its owners or the platform team (permission ${permission.name}).`;
  }
  return { allowed, loading, reason };
}
