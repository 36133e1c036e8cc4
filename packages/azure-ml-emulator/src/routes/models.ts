import { ArmContext, ArmResult, ArmRoute } from '../arm/router';
import { ArmError, badRequest, resourceNotFound } from '../arm/errors';
import { parseTop } from '../arm/paging';
import { parseTimestamp, zulu } from '../seed/timestamps';
import { ArmResource, MlScope, ModelRecord } from '../state/types';
import {
  buildModelContainer,
  buildModelVersion,
  applyContainer,
  applyVersion,
  systemData,
} from '../state/mlResources';
import {
  listPage,
  matchesKeyValueFilter,
  matchesListView,
  mlScopeOf,
  ok,
} from './common';
import { startOperation } from './operations';
import { own } from '../state/own';

const RG = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}';
const ML = 'providers/Microsoft.MachineLearningServices';
const WS_MODELS = `${RG}/${ML}/workspaces/{workspaceName}/models`;
const REG_MODELS = `${RG}/${ML}/registries/{registryName}/models`;
const MODEL_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9\-_.]{0,254}$/;

type Kind = MlScope['kind'];

function modelRecord(ctx: ArmContext, scope: MlScope): ModelRecord {
  const record = own(scope.models, ctx.params.name);
  if (!record) {
    throw resourceNotFound(
      `${scope.id.split('/providers/')[1]}/models`,
      ctx.params.name,
      ctx.params.resourceGroupName,
    );
  }
  return record;
}

/** Who wrote: the bearer token is not checked, so every write is attributed to one caller. */
function caller(ctx: ArmContext) {
  return (
    ctx.request.headers.get('x-ms-emulator-caller') ??
    'emulator-user@contoso.com'
  );
}

/** Sort keys per `$orderBy` field; ties fall back to the numeric version. */
const ORDERINGS: Record<string, (r: ArmResource) => number> = {
  createdtime: r => parseTimestamp(r.systemData?.createdAt),
  version: r => numericVersion(r),
  modifiedtime: r => parseTimestamp(r.systemData?.lastModifiedAt),
};

function numericVersion(r: ArmResource) {
  const n = Number(r.name);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/**
 * Sorts by `$orderBy=createdtime desc` (default), `createdtime asc`, `version desc|asc`,
 * `modifiedtime …`. Keys are computed once per item: registries can hold 10,000+ versions.
 */
function sortVersions(
  items: ArmResource[],
  value: string | null,
): ArmResource[] {
  const [field, direction = 'asc'] = (value ?? 'createdtime desc')
    .trim()
    .toLowerCase()
    .split(/\s+/);
  const sortKey = ORDERINGS[field];
  if (!sortKey || !['asc', 'desc'].includes(direction)) {
    throw badRequest(
      `Unsupported $orderBy '${value}'. Use one of: ${Object.keys(ORDERINGS)
        .map(f => `${f} asc|desc`)
        .join(', ')}.`,
      'UserError',
    );
  }
  const sign = direction === 'desc' ? -1 : 1;
  return items
    .map(item => ({
      item,
      primary: sortKey(item),
      secondary: numericVersion(item),
    }))
    .sort((a, b) => sign * (a.primary - b.primary || a.secondary - b.secondary))
    .map(entry => entry.item);
}

function listVersions(ctx: ArmContext, kind: Kind): ArmResult {
  const scope = mlScopeOf(ctx, kind);
  const record = modelRecord(ctx, scope);
  const version = ctx.query('version');
  const description = ctx.query('description');
  const stage = ctx.query('stage');
  const items = Object.values(record.versions)
    .filter(v => !version || v.name === version)
    .filter(
      v =>
        !description ||
        String(v.properties.description ?? '').includes(description),
    )
    .filter(v => !stage || v.properties.stage === stage)
    .filter(v => matchesKeyValueFilter(v.properties.tags, ctx.query('tags')))
    .filter(v =>
      matchesKeyValueFilter(v.properties.properties, ctx.query('properties')),
    )
    .filter(v => matchesListView(v, ctx.query('listViewType')));
  const sorted = sortVersions(items, ctx.query('$orderBy'));
  return listPage(ctx, sorted, parseTop(ctx.url) ?? ctx.runtime.pageSize);
}

function listContainers(ctx: ArmContext, kind: Kind): ArmResult {
  const scope = mlScopeOf(ctx, kind);
  const items = Object.values(scope.models)
    .map(m => m.container)
    .filter(c => matchesListView(c, ctx.query('listViewType')))
    .sort((a, b) => a.name.localeCompare(b.name));
  return listPage(ctx, items);
}

function getVersion(ctx: ArmContext, kind: Kind): ArmResult {
  const scope = mlScopeOf(ctx, kind);
  const record = modelRecord(ctx, scope);
  const version = own(record.versions, ctx.params.version);
  if (!version) {
    throw resourceNotFound(
      `${scope.id.split('/providers/')[1]}/models/${ctx.params.name}/versions`,
      ctx.params.version,
      ctx.params.resourceGroupName,
    );
  }
  return ok(version);
}

async function readProperties(ctx: ArmContext) {
  const body = await ctx.json();
  if (
    !body ||
    typeof body !== 'object' ||
    typeof body.properties !== 'object' ||
    body.properties === null
  ) {
    throw new ArmError(
      400,
      'UserError',
      "The request body must be an object with a 'properties' object.",
    );
  }
  if (!MODEL_NAME_PATTERN.test(ctx.params.name)) {
    throw new ArmError(
      400,
      'UserError',
      `Model name '${ctx.params.name}' is not valid.`,
    );
  }
  // Read-only fields are the service's to set.
  const {
    provisioningState: _p,
    latestVersion: _l,
    nextVersion: _n,
    ...properties
  } = body.properties;
  return properties as Record<string, unknown>;
}

/** Builds the version as it will be stored; an existing one keeps its creation data. */
function nextVersionResource(
  ctx: ArmContext,
  scope: MlScope,
  properties: Record<string, unknown>,
) {
  const { name, version } = ctx.params;
  const existing = own(own(scope.models, name)?.versions ?? {}, version);
  const now = zulu(Date.now());
  const data = existing?.systemData
    ? {
        ...existing.systemData,
        lastModifiedAt: now,
        lastModifiedBy: caller(ctx),
        lastModifiedByType: 'User' as const,
      }
    : systemData(now, caller(ctx));
  return {
    resource: buildModelVersion(scope, name, version, properties, data),
    existed: Boolean(existing),
  };
}

function nextContainerResource(
  ctx: ArmContext,
  scope: MlScope,
  properties: Record<string, unknown>,
) {
  const existing = own(scope.models, ctx.params.name);
  const now = zulu(Date.now());
  const data = existing?.container.systemData
    ? {
        ...existing.container.systemData,
        lastModifiedAt: now,
        lastModifiedBy: caller(ctx),
        lastModifiedByType: 'User' as const,
      }
    : systemData(now, caller(ctx));
  return {
    resource: buildModelContainer(scope, ctx.params.name, properties, data),
    existed: Boolean(existing),
  };
}

export const modelRoutes: ArmRoute[] = [
  /* ------------------------------------------------ workspace models (synchronous writes) */
  {
    operationId: 'ModelContainers_List',
    method: 'GET',
    path: WS_MODELS,
    provider: 'MachineLearningServices',
    handle: ctx => listContainers(ctx, 'workspace'),
  },
  {
    operationId: 'ModelContainers_Get',
    method: 'GET',
    path: `${WS_MODELS}/{name}`,
    provider: 'MachineLearningServices',
    handle: ctx => ok(modelRecord(ctx, mlScopeOf(ctx, 'workspace')).container),
  },
  {
    operationId: 'ModelContainers_CreateOrUpdate',
    method: 'PUT',
    path: `${WS_MODELS}/{name}`,
    provider: 'MachineLearningServices',
    handle: async ctx => {
      const scope = mlScopeOf(ctx, 'workspace');
      const { resource, existed } = nextContainerResource(
        ctx,
        scope,
        await readProperties(ctx),
      );
      const stored = applyContainer(scope, resource);
      ctx.runtime.onMutation();
      return { status: existed ? 200 : 201, body: stored };
    },
  },
  {
    operationId: 'ModelVersions_List',
    method: 'GET',
    path: `${WS_MODELS}/{name}/versions`,
    provider: 'MachineLearningServices',
    handle: ctx => listVersions(ctx, 'workspace'),
  },
  {
    operationId: 'ModelVersions_Get',
    method: 'GET',
    path: `${WS_MODELS}/{name}/versions/{version}`,
    provider: 'MachineLearningServices',
    handle: ctx => getVersion(ctx, 'workspace'),
  },
  {
    operationId: 'ModelVersions_CreateOrUpdate',
    method: 'PUT',
    path: `${WS_MODELS}/{name}/versions/{version}`,
    provider: 'MachineLearningServices',
    handle: async ctx => {
      const scope = mlScopeOf(ctx, 'workspace');
      const { resource, existed } = nextVersionResource(
        ctx,
        scope,
        await readProperties(ctx),
      );
      applyVersion(scope, ctx.params.name, resource);
      ctx.runtime.onMutation();
      return { status: existed ? 200 : 201, body: resource };
    },
  },
  /* ------------------------------------------------ registry models (long-running writes) */
  {
    operationId: 'RegistryModelContainers_List',
    method: 'GET',
    path: REG_MODELS,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: ctx => listContainers(ctx, 'registry'),
  },
  {
    operationId: 'RegistryModelContainers_Get',
    method: 'GET',
    path: `${REG_MODELS}/{name}`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: ctx => ok(modelRecord(ctx, mlScopeOf(ctx, 'registry')).container),
  },
  {
    operationId: 'RegistryModelContainers_CreateOrUpdate',
    method: 'PUT',
    path: `${REG_MODELS}/{name}`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: async ctx => {
      const scope = mlScopeOf(ctx, 'registry');
      const { resource, existed } = nextContainerResource(
        ctx,
        scope,
        await readProperties(ctx),
      );
      return startOperation(
        ctx,
        scope,
        { modelName: ctx.params.name },
        resource,
        existed,
      );
    },
  },
  {
    operationId: 'RegistryModelVersions_List',
    method: 'GET',
    path: `${REG_MODELS}/{name}/versions`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: ctx => listVersions(ctx, 'registry'),
  },
  {
    operationId: 'RegistryModelVersions_Get',
    method: 'GET',
    path: `${REG_MODELS}/{name}/versions/{version}`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: ctx => getVersion(ctx, 'registry'),
  },
  {
    operationId: 'RegistryModelVersions_CreateOrUpdate',
    method: 'PUT',
    path: `${REG_MODELS}/{name}/versions/{version}`,
    provider: 'MachineLearningServices',
    registryRoute: true,
    handle: async ctx => {
      const scope = mlScopeOf(ctx, 'registry');
      const { resource, existed } = nextVersionResource(
        ctx,
        scope,
        await readProperties(ctx),
      );
      return startOperation(
        ctx,
        scope,
        { modelName: ctx.params.name, version: ctx.params.version },
        resource,
        existed,
      );
    },
  },
];
