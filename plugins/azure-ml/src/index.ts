/**
 * The "Azure ML" entity tab and overview cards: model versions per environment with
 * metrics and trend, registries and pipeline runs; the "Azure ML" tab of the discovered
 * environment, workspace and registry Resources.
 *
 * @packageDocumentation
 */
export {
  azureMlPlugin,
  AzureMlApprovalsPage,
  EntityAzureMlContent,
  EntityAzureMlDnsValidationCard,
  EntityAzureMlModelsCard,
  EntityAzureMlResourceContent,
  EntityAzureMlRunsCard,
} from './plugin';
export {
  azureMlApiRef,
  AzureMlClient,
  type AzureMlApi,
  type ModelVersionsQuery,
  type PipelineRunsQuery,
  type PageRequest,
  type PromotionsQuery,
  type PromotionResult,
} from './api';
export { isAzureMlAvailable } from '@internal/plugin-azure-ml-common';
export { isAzureMlEnvironment } from './isAzureMlEnvironment';
export { isAzureMlResource } from './resources';
