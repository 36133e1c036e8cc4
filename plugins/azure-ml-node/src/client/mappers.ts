import {
  AzureMlRegistry,
  ModelVersion,
  NetworkMode,
  PipelineRun,
  isPipelineRunStatus,
  PipelineRunStatus,
  PipelineRunStep,
} from '@internal/plugin-azure-ml-common';
import { EnvironmentConfig } from '../config';
import {
  ArmJob,
  ArmModelContainer,
  ArmModelVersion,
  ArmRegistry,
  ArmWorkspace,
} from './armTypes';

const STUDIO = 'https://ml.azure.com';
const METRIC_PREFIX = 'metric.';

/** The workspace details that environments carry. */
export interface WorkspaceDetails {
  workspaceId?: string;
  networkMode?: NetworkMode;
  managedNetworkIsolation?: string;
}

/** A model container of a registry: its tags hold the owner and the champion pointer. */
export interface ModelContainerSummary {
  name: string;
  description?: string;
  tags: Record<string, string>;
  latestVersion?: string;
  isArchived: boolean;
}

export function toModelContainerSummary(
  raw: ArmModelContainer & { name: string },
): ModelContainerSummary {
  return {
    name: raw.name,
    description: raw.properties?.description ?? undefined,
    tags: definedStrings(raw.properties?.tags),
    latestVersion: raw.properties?.latestVersion ?? undefined,
    isArchived: raw.properties?.isArchived ?? false,
  };
}

export function workspaceResourceId(env: EnvironmentConfig): string {
  return `/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${env.workspace}`;
}

export function workspaceStudioUrl(env: EnvironmentConfig): string {
  return `${STUDIO}/home?wsid=${workspaceResourceId(env)}`;
}

export function registryStudioUrl(registry: string): string {
  return `${STUDIO}/registries/${encodeURIComponent(registry)}/models`;
}

function jobStudioUrl(env: EnvironmentConfig, jobName: string): string {
  return `${STUDIO}/runs/${encodeURIComponent(
    jobName,
  )}?wsid=${workspaceResourceId(env)}`;
}

/** ISO-8601 in UTC; ARM timestamps carry arbitrary offsets and 7-digit fractions. */
export function normalizeTimestamp(
  value: string | Date | undefined,
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The string values of an ARM map (ARM sends `null` for unset values). */
export function definedStrings(
  record: Record<string, string | null> | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (typeof value === 'string') {
      result[key] = value;
    }
  }
  return result;
}

/** `metric.<name>` properties as numbers; values that are not finite numbers are left out. */
export function metricsFromProperties(
  properties: Record<string, string | null> | undefined,
): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, raw] of Object.entries(properties ?? {})) {
    if (!key.startsWith(METRIC_PREFIX) || typeof raw !== 'string') {
      continue;
    }
    const trimmed = raw.trim();
    const value = trimmed === '' ? NaN : Number(trimmed);
    if (Number.isFinite(value)) {
      metrics[key.slice(METRIC_PREFIX.length)] = value;
    }
  }
  return metrics;
}

/** The model name of a version: from its id (`.../models/{name}/versions/{v}`). */
function modelNameFromId(id: string | undefined): string | undefined {
  const match = id && /\/models\/([^/]+)\/versions\/[^/]+$/i.exec(id);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * Maps a registry model version. `aliases` is left empty: aliases come from the model
 * container and are applied with {@link applyAliases}.
 */
export function toModelVersion(
  raw: ArmModelVersion,
  env: EnvironmentConfig,
  requestedModel: string,
): ModelVersion {
  const version = raw.name ?? '';
  const name = modelNameFromId(raw.id) ?? requestedModel;
  const props = raw.properties ?? {};
  const jobName = props.jobName ?? props.properties?.jobName ?? undefined;
  return {
    name,
    version,
    environment: env.name,
    registry: env.registry,
    createdAt: normalizeTimestamp(raw.systemData?.createdAt),
    createdBy: raw.systemData?.createdBy,
    description: props.description ?? undefined,
    tags: definedStrings(props.tags),
    metrics: metricsFromProperties(props.properties),
    aliases: [],
    stage: props.stage ?? undefined,
    jobName,
    jobStudioUrl: jobName ? jobStudioUrl(env, jobName) : undefined,
    studioUrl: registryVersionStudioUrl(env.registry, name, version),
  };
}

/** Deep link to a version of a registry model in Azure ML studio. */
export function registryVersionStudioUrl(
  registry: string,
  model: string,
  version: string,
): string {
  return `${STUDIO}/registries/${encodeURIComponent(
    registry,
  )}/models/${encodeURIComponent(model)}/version/${encodeURIComponent(
    version,
  )}`;
}

export function applyAliases(
  version: ModelVersion,
  aliases: Record<string, string>,
): ModelVersion {
  const names = Object.keys(aliases).filter(
    alias => aliases[alias] === version.version,
  );
  return names.length ? { ...version, aliases: names } : version;
}

export function toRegistry(
  raw: ArmRegistry,
  env: EnvironmentConfig,
): AzureMlRegistry {
  const props = raw.properties ?? {};
  return {
    name: raw.name ?? env.registry,
    environment: env.name,
    location: raw.location ?? env.location,
    regions: (props.regionDetails ?? [])
      .map(region => region.location)
      .filter((location): location is string => Boolean(location)),
    publicNetworkAccess: props.publicNetworkAccess ?? 'Enabled',
    privateEndpoints: (props.registryPrivateEndpointConnections ?? []).map(
      connection => ({
        name: connection.name ?? connection.id?.split('/').pop() ?? '',
        status:
          connection.properties?.registryPrivateLinkServiceConnectionState
            ?.status ?? 'Unknown',
        privateEndpointId: connection.properties?.privateEndpoint?.id,
      }),
    ),
    discoveryUrl: props.discoveryUrl,
    mlFlowRegistryUri: props.mlFlowRegistryUri,
    studioUrl: registryStudioUrl(raw.name ?? env.registry),
  };
}

export function toWorkspaceDetails(workspace: ArmWorkspace): WorkspaceDetails {
  const props = workspace.properties ?? {};
  const endpoints = props.privateEndpointConnections ?? [];
  let networkMode: NetworkMode;
  if (props.publicNetworkAccess === 'Disabled') {
    networkMode = 'private';
  } else {
    networkMode = endpoints.length > 0 ? 'mixed' : 'public';
  }
  return {
    workspaceId: props.workspaceId,
    networkMode,
    managedNetworkIsolation: props.managedNetwork?.isolationMode,
  };
}

function toStatus(value: string | undefined): PipelineRunStatus {
  return isPipelineRunStatus(value) ? value : 'Unknown';
}

/** The steps a pipeline job defines (its `jobs` map: definitions, no run status or times). */
function toSteps(jobs: NonNullable<ArmJob['properties']>['jobs']) {
  return Object.entries(jobs ?? {}).map(([name, step]): PipelineRunStep => {
    const displayName = step?.display_name ?? step?.displayName;
    return typeof displayName === 'string' && displayName !== name
      ? { name, displayName }
      : { name };
  });
}

export function toPipelineRun(
  job: ArmJob,
  env: EnvironmentConfig,
): PipelineRun {
  const props = job.properties ?? {};
  const id = job.name ?? '';
  const studio = props.services?.Studio?.endpoint;
  return {
    id,
    displayName: props.displayName ?? undefined,
    status: toStatus(props.status),
    experiment: props.experimentName ?? 'Default',
    environment: env.name,
    createdAt: normalizeTimestamp(job.systemData?.createdAt),
    createdBy: job.systemData?.createdBy,
    steps: props.jobType === 'Pipeline' ? toSteps(props.jobs) : [],
    studioUrl: studio?.startsWith(`${STUDIO}/`)
      ? studio
      : jobStudioUrl(env, id),
  };
}
