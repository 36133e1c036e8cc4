import { Entity } from '@backstage/catalog-model';
import { AZURE_ML_RESOURCE_TYPES, resourceType } from './resources';

/** Whether the entity is an Azure ML environment Resource (it gets the DNS validation card). @public */
export function isAzureMlEnvironment(entity: Entity): boolean {
  return resourceType(entity) === AZURE_ML_RESOURCE_TYPES.environment;
}
