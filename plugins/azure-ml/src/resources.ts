import { Entity } from '@backstage/catalog-model';

/**
 * `spec.type` of the Resources that plugins/catalog-backend-module-azure-ml discovers (the
 * same values as its `RESOURCE_TYPES`).
 */
export const AZURE_ML_RESOURCE_TYPES = {
  environment: 'azure-ml-environment',
  workspace: 'azure-ml-workspace',
  registry: 'azure-ml-registry',
  /** The model-catalog convention; these carry `ml.azure.com/models` and get the Azure ML tab. */
  model: 'ai-model',
} as const;

/** Annotations the catalog module writes on the discovered Resources (read here, not parsed). */
export const RESOURCE_ANNOTATIONS = {
  workspace: 'ml.azure.com/workspace',
  resourceGroup: 'ml.azure.com/resource-group',
  registry: 'ml.azure.com/registry',
  latestVersion: (environment: string) =>
    `ml.azure.com/latest-version-${environment}`,
  champion: (environment: string) => `ml.azure.com/champion-${environment}`,
} as const;

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
