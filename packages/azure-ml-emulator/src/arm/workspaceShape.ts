import { ArmResource } from '../state/types';

/**
 * Workspace fields that older api-versions' schemas do not have, with the first api-version
 * that has them. Checked in azure-rest-api-specs machineLearningServices.json: absent from
 * stable 2023-04-01 (and 2022-10-01, the npm SDK's), present in stable 2024-04-01; the preview
 * versions in between are taken to have them from 2023-06-01-preview (not checked one by one).
 */
const WORKSPACE_FIELDS_SINCE: Array<{
  field: string;
  in: 'resource' | 'properties';
  since: string;
}> = [
  { field: 'kind', in: 'resource', since: '2023-06-01-preview' },
  { field: 'managedNetwork', in: 'properties', since: '2023-06-01-preview' },
  {
    field: 'enableDataIsolation',
    in: 'properties',
    since: '2023-06-01-preview',
  },
];

/** `a` is an api-version older than `b` (dates compare as strings; a preview precedes its GA). */
function olderThan(a: string, b: string): boolean {
  const [dateA, dateB] = [a.slice(0, 10), b.slice(0, 10)];
  if (dateA !== dateB) return dateA < dateB;
  return a.endsWith('-preview') && !b.endsWith('-preview');
}

/**
 * A workspace as the requested api-version answers it: a field absent from that version's
 * schema is absent from the answer (ARM serializes through the version's contract).
 */
export function workspaceForApiVersion(
  workspace: ArmResource,
  apiVersion: string,
): ArmResource {
  const dropped = WORKSPACE_FIELDS_SINCE.filter(f =>
    olderThan(apiVersion, f.since),
  );
  if (dropped.length === 0) return workspace;
  const resource: ArmResource = {
    ...workspace,
    properties: { ...workspace.properties },
  };
  for (const f of dropped) {
    if (f.in === 'properties') delete resource.properties[f.field];
    else delete resource[f.field as keyof ArmResource];
  }
  return resource;
}
