import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { azureMlEntityReadPermission } from '@internal/plugin-azure-ml-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Whether a caller may read the Azure ML data of an entity: the entity is read through the
 * catalog with the caller's credentials (invisible → `not-found`) and `azure-ml.entity.read`
 * is authorized on it (DENY → `denied`). Both are asked at once.
 */
export async function checkEntityRead(
  deps: { catalog: CatalogService; permissions: PermissionsService },
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<
  { result: 'allowed'; entity: Entity } | { result: 'not-found' | 'denied' }
> {
  const [entity, [decision]] = await Promise.all([
    deps.catalog.getEntityByRef(entityRef, { credentials }),
    deps.permissions.authorize(
      [{ permission: azureMlEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    ),
  ]);
  if (!entity) {
    return { result: 'not-found' };
  }
  if (decision.result !== AuthorizeResult.ALLOW) {
    return { result: 'denied' };
  }
  return { result: 'allowed', entity };
}

/** The part of a cache key that names the caller: a user, a service, or nobody. */
export function callerKey(
  auth: AuthService,
  credentials: BackstageCredentials,
): string {
  if (auth.isPrincipal(credentials, 'user')) {
    return `user:${credentials.principal.userEntityRef}`;
  }
  if (auth.isPrincipal(credentials, 'service')) {
    return `service:${credentials.principal.subject}`;
  }
  return 'none';
}
