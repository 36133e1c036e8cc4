/**
 * Data transfer objects of the Azure ML API (`/api/azure-ml`), named views of the schemas in
 * `plugins/azure-ml-backend/src/schema/openapi.yaml` (generated into `generated/openapi.ts`).
 * Azure SDK shapes never appear here: the backend maps them in its `mappers.ts`.
 */
import type { components, paths } from './generated/openapi';
import {
  environmentNetworkModeValues,
  promotionStateValues,
  runStatusValues,
} from './generated/openapi';

type Schemas = components['schemas'];

/** The generated OpenAPI types of the Azure ML API, for typed clients. @public */
export type AzureMlApiPaths = paths;

/** How a workspace or registry is reached on the network. @public */
export type NetworkMode = NonNullable<Schemas['Environment']['networkMode']>;

/** Every {@link NetworkMode}. @public */
export const NETWORK_MODES: readonly NetworkMode[] =
  environmentNetworkModeValues;

/** A configured Azure ML environment (e.g. dev, prod): one workspace + one registry. @public */
export type AzureMlEnvironment = Schemas['Environment'];

/** Private endpoint connection of a workspace or registry. @public */
export type PrivateEndpointState = Schemas['PrivateEndpointState'];

/** An Azure ML registry of one environment. @public */
export type AzureMlRegistry = Schemas['Registry'];

/** One version of a model in one environment's registry. @public */
export type ModelVersion = Schemas['ModelVersion'];

/** Official Azure ML job status values, plus `Unknown`. @public */
export type PipelineRunStatus = Schemas['RunStatus'];

/** Every {@link PipelineRunStatus}, in the order of the API contract. @public */
export const PIPELINE_RUN_STATUSES: readonly PipelineRunStatus[] =
  runStatusValues;

/** A step (child job) of a pipeline run. @public */
export type PipelineRunStep = Schemas['PipelineRunStep'];

/** A pipeline job in one environment's workspace. @public */
export type PipelineRun = Schemas['PipelineRun'];

/**
 * A model (container) of one environment's registry: newest version, champion, and the ref of
 * its catalog `ai-model` Resource. @public
 */
export type RegistryModel = Schemas['RegistryModel'];

/** The state of a promotion request. @public */
export type PromotionState = Schemas['PromotionState'];

/** Every {@link PromotionState}, in lifecycle order. @public */
export const PROMOTION_STATES: readonly PromotionState[] = promotionStateValues;

/** States after which a promotion request never changes again. @public */
export const TERMINAL_PROMOTION_STATES: readonly PromotionState[] = [
  'succeeded',
  'failed',
  'rejected',
  'cancelled',
];

/** One rule of the promotion policy applied to a candidate. @public */
export type PolicyRuleResult = Schemas['PolicyRuleResult'];

/** The promotion policy applied to a candidate version. @public */
export type PolicyEvaluation = Schemas['PolicyEvaluation'];

/** A promotion (or rollback) request and its progress. @public */
export type Promotion = Schemas['Promotion'];

/** What a caller sends to evaluate or request a promotion. @public */
export type PromotionInput = Schemas['PromotionInput'];

/** How the portal promotes (`GET /promotion-settings`). @public */
export type PromotionSettings = Schemas['PromotionSettings'];

/** What a caller sends to roll back a champion. @public */
export type RollbackInput = Schemas['RollbackInput'];

/** A page of a list. `nextCursor` is absent on the last page. @public */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Whether `value` is one of the {@link PIPELINE_RUN_STATUSES}. @public */
export function isPipelineRunStatus(
  value: unknown,
): value is PipelineRunStatus {
  return (PIPELINE_RUN_STATUSES as readonly unknown[]).includes(value);
}
