import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AzureMlEnvironment,
  AzureMlRegistry,
  ModelVersion,
  Page,
  PipelineRun,
  PipelineRunStatus,
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
  /** Official Azure ML job status; all statuses when absent. */
  status?: PipelineRunStatus;
}

/** Read access to the Azure ML backend (`/api/azure-ml`). @public */
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
}

/** @public */
export const azureMlApiRef = createApiRef<AzureMlApi>({
  id: 'plugin.azure-ml.service',
});
