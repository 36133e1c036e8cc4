import { ArmContext, ArmResult } from '../arm/router';
import { pageOf } from '../arm/paging';
import { resourceNotFound } from '../arm/errors';
import { ArmResource, MlScope } from '../state/types';
import {
  inResourceGroup,
  inSubscription,
  key,
  mlResourceId,
} from '../state/ids';

export const ok = (body: unknown): ArmResult => ({ status: 200, body });

export function listPage<T>(
  ctx: ArmContext,
  items: T[],
  pageSize = ctx.runtime.pageSize,
): ArmResult {
  return ok(pageOf(items, ctx.url, pageSize));
}

export function inScopeOf(ctx: ArmContext, resources: ArmResource[]) {
  const { subscriptionId, resourceGroupName } = ctx.params;
  return resources.filter(r =>
    resourceGroupName
      ? inResourceGroup(r.id, subscriptionId, resourceGroupName)
      : inSubscription(r.id, subscriptionId),
  );
}

export const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name);

/** The workspace or registry addressed by the route, with its assets (404 when absent). */
export function mlScopeOf(ctx: ArmContext, kind: MlScope['kind']): MlScope {
  const { subscriptionId, resourceGroupName } = ctx.params;
  const name =
    kind === 'workspace' ? ctx.params.workspaceName : ctx.params.registryName;
  const type = kind === 'workspace' ? 'workspaces' : 'registries';
  const id = mlResourceId(subscriptionId, resourceGroupName, type, name);
  const collection =
    kind === 'workspace' ? ctx.state.workspaces : ctx.state.registries;
  if (!collection[key(id)]) {
    throw resourceNotFound(
      `Microsoft.MachineLearningServices/${type}`,
      name,
      resourceGroupName,
    );
  }
  ctx.state.ml[key(id)] ??= {
    id: collection[key(id)].id,
    kind,
    models: {},
    jobs: {},
  };
  return ctx.state.ml[key(id)];
}

/** `name1,name2=value` filters on a string map (tags / properties), as the ML list APIs take them. */
export function matchesKeyValueFilter(
  map: Record<string, string> | null | undefined,
  filter: string | null,
): boolean {
  if (!filter) return true;
  const entries = map ?? {};
  return filter
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .every(part => {
      const eq = part.indexOf('=');
      if (eq < 0) return Object.prototype.hasOwnProperty.call(entries, part);
      const name = part.slice(0, eq);
      return (
        Object.prototype.hasOwnProperty.call(entries, name) &&
        entries[name] === part.slice(eq + 1)
      );
    });
}

/** `ActiveOnly` (default) hides archived assets, `ArchivedOnly` shows only them, `All` both. */
export function matchesListView(
  resource: ArmResource,
  listViewType: string | null,
) {
  const archived = Boolean(resource.properties.isArchived);
  switch ((listViewType ?? 'ActiveOnly').toLowerCase()) {
    case 'all':
      return true;
    case 'archivedonly':
      return archived;
    default:
      return !archived;
  }
}
