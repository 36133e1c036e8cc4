import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Read the Azure ML data (model versions, runs) of a catalog entity.
 * @public
 */
export const azureMlEntityReadPermission = createPermission({
  name: 'azure-ml.entity.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the Azure ML plugins (each one is checked by a route of the backend).
 * @public
 */
export const azureMlPermissions = [azureMlEntityReadPermission];
