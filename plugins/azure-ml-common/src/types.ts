/**
 * Data transfer objects of the Azure ML API (`/api/azure-ml`). Azure SDK shapes never appear
 * here: the backend maps them in its `mappers.ts`.
 */

/** How a workspace or registry is reached on the network. @public */
export type NetworkMode = 'private' | 'public' | 'mixed';

/** A configured Azure ML environment (e.g. dev, prod): one workspace + one registry. @public */
export interface AzureMlEnvironment {
  /** Key in `azureMl.environments`, e.g. `dev`. */
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  registry: string;
  location: string;
  /** From the workspace: `publicNetworkAccess` + private endpoints. Absent when unknown. */
  networkMode?: NetworkMode;
  /** Workspace GUID (`properties.workspaceId`). Absent when the workspace could not be read. */
  workspaceId?: string;
  /** Managed VNet isolation mode of the workspace, e.g. `AllowOnlyApprovedOutbound`. */
  managedNetworkIsolation?: string;
  /** Deep link to the workspace in Azure ML studio. */
  studioUrl: string;
}

/** Private endpoint connection of a workspace or registry. @public */
export interface PrivateEndpointState {
  name: string;
  /** `Approved`, `Pending`, `Rejected`, `Disconnected`. */
  status: string;
  privateEndpointId?: string;
}

/** An Azure ML registry of one environment. @public */
export interface AzureMlRegistry {
  name: string;
  environment: string;
  location: string;
  /** Regions the registry replicates to (`regionDetails[].location`). */
  regions: string[];
  /** `Enabled` or `Disabled`. */
  publicNetworkAccess: string;
  privateEndpoints: PrivateEndpointState[];
  discoveryUrl?: string;
  mlFlowRegistryUri?: string;
  studioUrl: string;
}

/** One version of a model in one environment's registry. @public */
export interface ModelVersion {
  /** Model (container) name, e.g. `taxi-fare-model`. */
  name: string;
  /** Version string, e.g. `7`. Case-sensitive. */
  version: string;
  /** Environment key, e.g. `dev`. */
  environment: string;
  registry: string;
  /** ISO-8601 timestamp. */
  createdAt?: string;
  createdBy?: string;
  description?: string;
  tags: Record<string, string>;
  /** Numeric metrics from `properties` `metric.<name>`; non-numeric values are left out. */
  metrics: Record<string, number>;
  /** Aliases such as `champion` (from the model container's tags). */
  aliases: string[];
  /** Free-text `properties.stage` of Azure ML, when set. */
  stage?: string;
  /** Name of the job that produced the version (lineage), when known. */
  jobName?: string;
  jobStudioUrl?: string;
  studioUrl: string;
}

/** Official Azure ML job status values. @public */
export type PipelineRunStatus =
  | 'NotStarted'
  | 'Starting'
  | 'Provisioning'
  | 'Preparing'
  | 'Queued'
  | 'Running'
  | 'Finalizing'
  | 'CancelRequested'
  | 'Completed'
  | 'Failed'
  | 'Canceled'
  | 'NotResponding'
  | 'Paused'
  | 'Unknown';

/** A step (child job) of a pipeline run. @public */
export interface PipelineRunStep {
  name: string;
  displayName?: string;
  status: PipelineRunStatus;
}

/** A pipeline job of the entity's experiment in one environment's workspace. @public */
export interface PipelineRun {
  /** Job name (its id within the workspace). */
  id: string;
  displayName?: string;
  status: PipelineRunStatus;
  experiment: string;
  environment: string;
  createdAt?: string;
  createdBy?: string;
  /** Milliseconds, when known. */
  durationMs?: number;
  steps: PipelineRunStep[];
  studioUrl: string;
}

/** A page of a list. `nextCursor` is absent on the last page. @public */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
