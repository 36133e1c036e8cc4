import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AzureMlEnvironment,
  AzureMlRegistry,
  DnsValidation,
  DnsValidations,
  ModelVersion,
  Page,
  PipelineRun,
  PipelineRunStatus,
  PolicyEvaluation,
  Promotion,
  PromotionInput,
  PromotionSettings,
  PromotionState,
  RegistryModel,
  RollbackInput,
} from '@internal/plugin-azure-ml-common';

/** Paging of a list request: `cursor` is the `nextCursor` of the previous page. @public */
export interface PageRequest {
  cursor?: string;
  limit?: number;
}

/** Query of the model versions of an entity. @public */
export interface ModelVersionsQuery extends PageRequest {
  /** Environment key, e.g. `dev`; all environments when absent. */
  environment?: string;
}

/** Query of the pipeline runs of an entity. @public */
export interface PipelineRunsQuery extends PageRequest {
  /** Environment key, e.g. `dev`: the runs in that environment's workspace; all when absent. */
  environment?: string;
  /** Official Azure ML job status; all statuses when absent. */
  status?: PipelineRunStatus;
}

/** Query of the pipeline runs of an environment's workspace. @public */
export interface EnvironmentRunsQuery extends PageRequest {
  /** Only the runs of this experiment; all experiments when absent. */
  experiment?: string;
  /** Official Azure ML job status; all statuses when absent. */
  status?: PipelineRunStatus;
}

/** Query of promotion requests. @public */
export interface PromotionsQuery extends PageRequest {
  /** Only the requests of this entity (`kind:namespace/name`). */
  entityRef?: string;
  /** Only requests in this state, e.g. `pending_approval`. */
  state?: PromotionState;
}

/** What the backend answered to a promotion or rollback request. @public */
export interface PromotionResult {
  promotion: Promotion;
  /** False when an active request for the same thing already existed. */
  created: boolean;
}

/** Access to the Azure ML backend (`/api/azure-ml`): reads and governed promotion. @public */
export interface AzureMlApi {
  getEnvironments(): Promise<{ items: AzureMlEnvironment[] }>;
  getRegistries(): Promise<{ items: AzureMlRegistry[] }>;
  /** Model versions of the entity's models, newest first. */
  getModelVersions(
    entity: CompoundEntityRef,
    query?: ModelVersionsQuery,
  ): Promise<Page<ModelVersion>>;
  /** Pipeline runs of the entity's experiment, newest first. */
  getPipelineRuns(
    entity: CompoundEntityRef,
    query?: PipelineRunsQuery,
  ): Promise<Page<PipelineRun>>;
  /**
   * The models of an environment's registry, by name, with newest version, champion and the
   * ref of each model's `ai-model` Resource (`GET /environments/{environment}/models`).
   */
  getEnvironmentModels(
    environment: string,
    query?: PageRequest,
  ): Promise<Page<RegistryModel>>;
  /**
   * The pipeline runs of an environment's workspace across all experiments, newest first
   * (`GET /environments/{environment}/runs`).
   */
  getEnvironmentRuns(
    environment: string,
    query?: EnvironmentRunsQuery,
  ): Promise<Page<PipelineRun>>;
  /** Where versions are promoted; `undefined` when promotion is not configured. */
  getPromotionSettings(): Promise<PromotionSettings | undefined>;
  /** The promotion policy applied to a candidate, without requesting anything. */
  evaluatePromotion(input: PromotionInput): Promise<PolicyEvaluation>;
  /** Requests a promotion; answers the active request when one exists. */
  requestPromotion(input: PromotionInput): Promise<PromotionResult>;
  /** Promotion and rollback requests, newest first. */
  listPromotions(query?: PromotionsQuery): Promise<Page<Promotion>>;
  getPromotion(id: string): Promise<Promotion>;
  approvePromotion(id: string, comment?: string): Promise<Promotion>;
  rejectPromotion(id: string, comment?: string): Promise<Promotion>;
  /** Moves the target champion back to the one before the last promotion. */
  rollback(input: RollbackInput): Promise<PromotionResult>;
  /** The environment's latest DNS validation and its pass/fail history. */
  getDnsValidations(
    environment: string,
    query?: { limit?: number },
  ): Promise<DnsValidations>;
  /** Validates the environment's private DNS now (permission `azure-ml.dns.validate`). */
  runDnsValidation(environment: string): Promise<DnsValidation>;
}

/** @public */
export const azureMlApiRef = createApiRef<AzureMlApi>({
  id: 'plugin.azure-ml.service',
});
