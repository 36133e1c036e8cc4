import { Entity } from '@backstage/catalog-model';
import { AZURE_ML_RESOURCE_TYPES } from '@internal/plugin-azure-ml-common';

/**
 * `spec.type` and annotations of the Resources plugins/catalog-backend-module-azure-ml
 * discovers (one definition in -common).
 */
export {
  AZURE_ML_RESOURCE_TYPES,
  AZURE_ML_RESOURCE_ANNOTATIONS as RESOURCE_ANNOTATIONS,
} from '@internal/plugin-azure-ml-common';

/** The `spec.type` of a Resource entity, lower case; undefined for other kinds. */
export function resourceType(entity: Entity): string | undefined {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'resource') return undefined;
  const type = entity.spec?.type;
  return typeof type === 'string' ? type.toLocaleLowerCase('en-US') : undefined;
}

const PLATFORM_TYPES: string[] = [
  AZURE_ML_RESOURCE_TYPES.environment,
  AZURE_ML_RESOURCE_TYPES.workspace,
  AZURE_ML_RESOURCE_TYPES.registry,
];

/**
 * Whether the entity is an Azure ML environment, workspace or registry Resource: these get
 * the platform content (`EntityAzureMlResourceContent`) instead of the model tab.
 * @public
 */
export function isAzureMlResource(entity: Entity): boolean {
  const type = resourceType(entity);
  return type !== undefined && PLATFORM_TYPES.includes(type);
}
