import {
  ArmResource,
  EmulatorState,
  MlScope,
  ModelRecord,
  SystemData,
} from './types';
import { key } from './ids';
import { own, setOwn } from './own';

const ML_TYPE = 'Microsoft.MachineLearningServices';

export function scopeTypeSegment(scope: MlScope) {
  return scope.kind === 'workspace' ? 'workspaces' : 'registries';
}

export function systemData(
  at: string,
  by: string,
  byType: SystemData['createdByType'] = 'User',
): SystemData {
  return {
    createdAt: at,
    createdBy: by,
    createdByType: byType,
    lastModifiedAt: at,
    lastModifiedBy: by,
    lastModifiedByType: byType,
  };
}

export function getOrCreateScope(
  state: EmulatorState,
  id: string,
  kind: MlScope['kind'],
): MlScope {
  const k = key(id);
  if (!state.ml[k]) {
    state.ml[k] = { id, kind, models: {}, jobs: {} };
  }
  return state.ml[k];
}

export function buildModelContainer(
  scope: MlScope,
  name: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  properties: Record<string, any>,
  data: SystemData,
): ArmResource {
  return {
    id: `${scope.id}/models/${name}`,
    name,
    type: `${ML_TYPE}/${scopeTypeSegment(scope)}/models`,
    properties: {
      description: null,
      tags: {},
      properties: {},
      isArchived: false,
      latestVersion: null,
      nextVersion: '1',
      ...properties,
      provisioningState: 'Succeeded',
    },
    systemData: data,
  };
}

export function buildModelVersion(
  scope: MlScope,
  modelName: string,
  version: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  properties: Record<string, any>,
  data: SystemData,
): ArmResource {
  return {
    id: `${scope.id}/models/${modelName}/versions/${version}`,
    name: version,
    type: `${ML_TYPE}/${scopeTypeSegment(scope)}/models/versions`,
    properties: {
      description: null,
      tags: {},
      properties: {},
      isAnonymous: false,
      isArchived: false,
      flavors: {},
      modelType: 'custom_model',
      modelUri: null,
      jobName: null,
      stage: null,
      ...properties,
      provisioningState: 'Succeeded',
    },
    systemData: data,
  };
}

/** Keeps `latestVersion` / `nextVersion` of a container in line with its versions. */
export function refreshContainerVersions(record: ModelRecord) {
  const numeric = Object.keys(record.versions)
    .map(v => Number(v))
    .filter(n => Number.isInteger(n));
  const latest = numeric.length ? Math.max(...numeric) : undefined;
  record.container.properties.latestVersion =
    latest !== undefined ? String(latest) : null;
  record.container.properties.nextVersion = String((latest ?? 0) + 1);
}

export function putModelVersion(
  scope: MlScope,
  modelName: string,
  version: ArmResource,
  at: string,
  by: string,
) {
  let record = own(scope.models, modelName);
  if (!record) {
    record = {
      container: buildModelContainer(scope, modelName, {}, systemData(at, by)),
      versions: {},
    };
    setOwn(scope.models, modelName, record);
  }
  setOwn(record.versions, version.name, version);
  refreshContainerVersions(record);
  return record;
}

/** Lands a container write: versions are kept, latest/next version recomputed. */
export function applyContainer(scope: MlScope, resource: ArmResource) {
  let record = own(scope.models, resource.name);
  if (record) {
    record.container = resource;
  } else {
    record = { container: resource, versions: {} };
    setOwn(scope.models, resource.name, record);
  }
  refreshContainerVersions(record);
  return record.container;
}

export function applyVersion(
  scope: MlScope,
  modelName: string,
  resource: ArmResource,
) {
  putModelVersion(
    scope,
    modelName,
    resource,
    resource.systemData!.createdAt,
    resource.systemData!.createdBy,
  );
  return resource;
}
