/**
 * The "Azure ML" entity tab and overview cards: model versions per environment with
 * metrics and trend, registries and pipeline runs.
 *
 * @packageDocumentation
 */
export {
  azureMlPlugin,
  AzureMlApprovalsPage,
  EntityAzureMlContent,
  EntityAzureMlDnsValidationCard,
  EntityAzureMlModelsCard,
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
