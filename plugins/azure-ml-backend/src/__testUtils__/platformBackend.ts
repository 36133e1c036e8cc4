import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ArmResource,
  AzureMlEmulator,
  DEV,
  environmentConfig,
  MlScope,
  PROD,
} from '@internal/azure-ml-emulator';
import type { Server } from 'node:http';
import request from 'supertest';
import { azureMlPlugin } from '../plugin';

/** The ARM origin the platform route tests' emulator answers. */
export const PLATFORM_ARM = 'https://management.azure.com';

const coordinates = environmentConfig;

function resource(name: string, type: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default' },
    spec: { type, owner: 'group:default/ml-platform' },
  };
}

/**
 * The discovered Resources of dev and prod as the catalog module names them. `qa` is
 * configured (on dev's coordinates) but has no Resource in the catalog.
 */
export const platformEntities: Entity[] = ['dev', 'prod'].flatMap(env => [
  resource(`aml-registry-${env}`, 'azure-ml-registry'),
  resource(`aml-workspace-${env}`, 'azure-ml-workspace'),
]);

/** The Resources the tests' permission mock denies `azure-ml.entity.read` on. */
export const DENIED_PLATFORM_REFS = [
  'resource:default/aml-registry-prod',
  'resource:default/aml-workspace-prod',
];

/**
 * A backend with the azure-ml plugin over the emulator: environments dev, prod and qa, the
 * catalog of {@link platformEntities}, a permission mock that denies
 * {@link DENIED_PLATFORM_REFS} and records every check.
 */
export async function startPlatformBackend(
  options: {
    extraConfig?: Record<string, unknown>;
    /**
     * The database service, e.g. {@link sqliteDatabases} created at the top of the test file:
     * the default one leaves SQLite pools open after the backend stops.
     */
    database?: ServiceFactory;
  } = {},
): Promise<{
  http: Server;
  get: (path: string) => request.Test;
  checks: Array<{ permission: string; resourceRef?: string }>;
}> {
  const checks: Array<{ permission: string; resourceRef?: string }> = [];
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => {
        const resourceRef = 'resourceRef' in r ? r.resourceRef : undefined;
        checks.push({ permission: r.permission.name, resourceRef });
        return {
          result:
            resourceRef && DENIED_PLATFORM_REFS.includes(resourceRef)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        };
      }),
  });
  const { server: http } = await startTestBackend({
    features: [
      azureMlPlugin,
      mockServices.rootConfig.factory({
        data: {
          azureMl: {
            arm: {
              endpoint: PLATFORM_ARM,
              credential: 'none',
              maxRetries: 1,
              retryDelayMs: 10,
            },
            environments: {
              dev: coordinates(DEV),
              prod: coordinates(PROD),
              qa: coordinates(DEV),
            },
            dns: { schedule: { enabled: false } },
            ...options.extraConfig,
          },
        },
      }),
      catalogServiceMock.factory({ entities: platformEntities }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions.factory,
      mockServices.scheduler.factory(),
      ...(options.database ? [options.database] : []),
    ],
  });
  const get = (path: string) =>
    request(http)
      .get(`/api/azure-ml${path}`)
      .set('Authorization', mockCredentials.user.header());
  return { http, get, checks };
}

/** msw fails on any request no emulator handler answers, except supertest's local ones. */
export { listenLocalOnly as listenForPlatformTests } from '@internal/azure-ml-emulator';

const mlId = (e: typeof DEV, kind: 'workspaces' | 'registries') =>
  `/subscriptions/${e.subscriptionId}/resourceGroups/${
    e.resourceGroup
  }/providers/Microsoft.MachineLearningServices/${kind}/${
    kind === 'workspaces' ? e.workspace : e.registry
  }`.toLowerCase();

/** The emulator's assets of an environment's registry or workspace (mutable). */
export function scopeOf(
  emulator: AzureMlEmulator,
  e: typeof DEV,
  kind: 'workspaces' | 'registries',
): MlScope {
  const scope = emulator.state.ml[mlId(e, kind)];
  if (!scope) throw new Error(`no emulator scope ${mlId(e, kind)}`);
  return scope;
}

/** A copy of an ARM resource under another name, with some properties changed. */
export function renamed(
  source: ArmResource,
  name: string,
  properties: Record<string, unknown> = {},
  createdAt?: string,
): ArmResource {
  const copy: ArmResource = JSON.parse(JSON.stringify(source));
  copy.name = name;
  copy.id = `${source.id.slice(0, source.id.lastIndexOf('/'))}/${name}`;
  copy.properties = { ...copy.properties, ...properties };
  if (createdAt && copy.systemData) {
    copy.systemData = {
      ...copy.systemData,
      createdAt,
      lastModifiedAt: createdAt,
    };
  }
  return copy;
}
