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
 * Request the promotion of a model version of a catalog entity.
 * @public
 */
export const azureMlModelPromotePermission = createPermission({
  name: 'azure-ml.model.promote',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approve or reject a pending promotion.
 * @public
 */
export const azureMlPromotionApprovePermission = createPermission({
  name: 'azure-ml.promotion.approve',
  attributes: { action: 'update' },
});

/**
 * Roll back the champion of a model to a previous version.
 * @public
 */
export const azureMlPromotionRollbackPermission = createPermission({
  name: 'azure-ml.promotion.rollback',
  attributes: { action: 'update' },
});

/**
 * Run a private DNS validation of an environment.
 * @public
 */
export const azureMlDnsValidatePermission = createPermission({
  name: 'azure-ml.dns.validate',
  attributes: { action: 'create' },
});

/**
 * Every permission of the Azure ML plugins.
 * @public
 */
export const azureMlPermissions = [
  azureMlEntityReadPermission,
  azureMlModelPromotePermission,
  azureMlPromotionApprovePermission,
  azureMlPromotionRollbackPermission,
  azureMlDnsValidatePermission,
];
