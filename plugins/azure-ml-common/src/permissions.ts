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
 * Request the promotion of a model version of a catalog entity (`POST /promotions`).
 * @public
 */
export const azureMlModelPromotePermission = createPermission({
  name: 'azure-ml.model.promote',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approve or reject a pending promotion of a catalog entity's model
 * (`POST /promotions/{id}/approve|reject`). Nobody approves their own request.
 * @public
 */
export const azureMlPromotionApprovePermission = createPermission({
  name: 'azure-ml.promotion.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Roll the champion of a catalog entity's model back to the previous champion
 * (`POST /rollbacks`).
 * @public
 */
export const azureMlPromotionRollbackPermission = createPermission({
  name: 'azure-ml.promotion.rollback',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Run a private DNS validation of an environment on demand
 * (`POST /environments/{env}/dns-validations`). Reading results needs only a signed-in caller.
 * @public
 */
export const azureMlDnsValidatePermission = createPermission({
  name: 'azure-ml.dns.validate',
  attributes: { action: 'create' },
});

/**
 * Every permission of the Azure ML plugins (each one is checked by a route of the backend).
 * @public
 */
export const azureMlPermissions = [
  azureMlEntityReadPermission,
  azureMlModelPromotePermission,
  azureMlPromotionApprovePermission,
  azureMlPromotionRollbackPermission,
  azureMlDnsValidatePermission,
];
