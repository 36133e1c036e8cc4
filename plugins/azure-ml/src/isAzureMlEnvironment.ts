import { Entity } from '@backstage/catalog-model';

/** Catalog Resources of this type describe an Azure ML environment (discovered by plugins/catalog-backend-module-azure-ml). */
export const AZURE_ML_ENVIRONMENT_TYPE = 'azure-ml-environment';

/** Whether the entity is an Azure ML environment Resource (it gets the DNS validation card). @public */
export function isAzureMlEnvironment(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === AZURE_ML_ENVIRONMENT_TYPE
  );
}
