import { ArmResult } from './router';

/** A field that an older api-version's schema does not have, with the first version that has it. */
interface VersionedField {
  field: string;
  in: 'resource' | 'properties';
  since: string;
}

/**
 * Fields of the emulator's answers that older accepted api-versions' schemas lack, per kind of
 * answer. Checked in Azure/azure-rest-api-specs, Microsoft.MachineLearningServices stable:
 * - workspace (machineLearningServices.json): `kind`, `managedNetwork`, `enableDataIsolation` are
 *   absent from 2022-10-01 and 2023-04-01, present in 2024-04-01 (first in 2023-06-01-preview);
 * - model container (mfe.json ModelContainer): `provisioningState` is absent from 2022-10-01,
 *   present in 2023-04-01 and 2024-04-01;
 * - model version (mfe.json ModelVersion): `provisioningState` and `stage` likewise.
 * Also checked at 2022-10-01: WorkspaceProperties and JobBase have every other field the emulator
 * answers. Checked at 2024-04-01 only (the backend's conformance test): the pipeline/command job
 * subtypes, job services, asset bases, registries, computes and private endpoint connections.
 */
const FIELDS_SINCE: Record<ShapedKind, VersionedField[]> = {
  workspace: [
    { field: 'kind', in: 'resource', since: '2023-06-01-preview' },
    { field: 'managedNetwork', in: 'properties', since: '2023-06-01-preview' },
    {
      field: 'enableDataIsolation',
      in: 'properties',
      since: '2023-06-01-preview',
    },
  ],
  modelContainer: [
    { field: 'provisioningState', in: 'properties', since: '2023-04-01' },
  ],
  modelVersion: [
    { field: 'provisioningState', in: 'properties', since: '2023-04-01' },
    { field: 'stage', in: 'properties', since: '2023-04-01' },
  ],
};

type ShapedKind = 'workspace' | 'modelContainer' | 'modelVersion';

/** The kind of resource an operation answers, when its shape depends on the api-version. */
function kindOf(operationId: string): ShapedKind | undefined {
  if (operationId.startsWith('Workspaces_')) return 'workspace';
  if (/^(Registry)?ModelContainers_/.test(operationId)) return 'modelContainer';
  if (/^(Registry)?ModelVersions_/.test(operationId)) return 'modelVersion';
  return undefined;
}

/** `a` is an api-version older than `b` (dates compare as strings; a preview precedes its GA). */
function olderThan(a: string, b: string): boolean {
  const [dateA, dateB] = [a.slice(0, 10), b.slice(0, 10)];
  if (dateA !== dateB) return dateA < dateB;
  return a.endsWith('-preview') && !b.endsWith('-preview');
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutFields(resource: Json, dropped: VersionedField[]): Json {
  const copy: Json = { ...resource };
  const properties = isObject(resource.properties)
    ? { ...resource.properties }
    : undefined;
  for (const f of dropped) {
    if (f.in === 'resource') delete copy[f.field];
    else if (properties) delete properties[f.field];
  }
  if (properties) copy.properties = properties;
  return copy;
}

/**
 * An answer in the shape of the requested api-version: a field absent from that version's
 * schema is absent from the answer (ARM serializes through the version's contract). Resources
 * and `{ value: [...] }` pages are shaped; anything else (errors, operation status) is not.
 * Never mutates the stored state.
 */
export function shapeForApiVersion(
  operationId: string,
  apiVersion: string,
  result: ArmResult,
): ArmResult {
  const kind = kindOf(operationId);
  if (!kind || result.status >= 400 || !isObject(result.body)) return result;
  const dropped = FIELDS_SINCE[kind].filter(f =>
    olderThan(apiVersion, f.since),
  );
  if (dropped.length === 0) return result;
  const body = result.body;
  if (Array.isArray(body.value)) {
    return {
      ...result,
      body: {
        ...body,
        value: body.value.map(item =>
          isObject(item) ? withoutFields(item, dropped) : item,
        ),
      },
    };
  }
  return { ...result, body: withoutFields(body, dropped) };
}
