/**
 * Catalog module: the Azure ML platform and its models as catalog entities.
 *
 * @packageDocumentation
 */
export { catalogModuleAzureMl as default } from './module';
export { AzureMlEntityProvider } from './provider/AzureMlEntityProvider';
export type { AzureMlEntityProviderOptions } from './provider/AzureMlEntityProvider';
export { AzureMlRelationsProcessor } from './provider/AzureMlRelationsProcessor';
