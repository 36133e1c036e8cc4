import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { createAzureMlEmulator, DEV } from '@internal/azure-ml-emulator';
import scaffolderAzureMlModule from '@internal/plugin-scaffolder-backend-module-azure-ml';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setupServer } from 'msw/node';
import request from 'supertest';
import yaml from 'yaml';
import { catalogModuleAzureMl } from './module';
import {
  ARM,
  listenLocalOnly,
  seedEnvironments,
  sqliteDatabases,
} from './__testUtils__/testPlatform';

/*
 * The discovered environments as the "Create Azure ML environment" template uses them, in one
 * backend: the real catalog with this module (against the emulator), and the scaffolder with
 * the azure-ml actions running the template's own steps and skeleton. (The azure-ml backend
 * plugin's environments route against this module: azure-ml-backend's
 * environmentsCatalog.test.ts.)
 */

const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);
/** The catalog's (and scaffolder's) databases, destroyed after the suite. */
const database = sqliteDatabases();
const templateDir = path.resolve(
  __dirname,
  '../../../templates/create-ml-environment',
);

/** Entities registered from elsewhere (as `catalog:register` of the template's output would). */
let registered: EntityProviderConnection | undefined;
const registeredModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-registered',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'test-registered',
          connect: async connection => {
            registered = connection;
          },
        });
      },
    });
  },
});

beforeAll(() => listenLocalOnly(server));
afterAll(() => server.close());

async function startPlatform() {
  const { server: backend } = await startTestBackend({
    features: [
      database,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          azureMl: {
            arm: { endpoint: ARM, credential: 'none' },
            environments: seedEnvironments,
            dns: { centralZoneResourceGroup: 'rg-aml-dns' },
          },
          catalog: {
            providers: {
              azureMl: {
                owner: 'group:default/ml-platform',
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 1 },
                },
              },
            },
          },
        },
      }),
      catalogPlugin,
      catalogModuleAzureMl,
      registeredModule,
      scaffolderPlugin,
      scaffolderAzureMlModule,
    ],
  });
  return backend;
}

async function waitFor<T>(
  what: string,
  read: () => Promise<T | undefined>,
): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`${what} never happened`);
}

const relations = (e: Entity) =>
  (e.relations ?? []).map(r => `${r.type} ${r.targetRef}`);

async function entity(
  backend: Parameters<typeof request>[0],
  ref: string,
  ready: (e: Entity) => boolean = () => true,
) {
  return waitFor(`${ref} in the catalog`, async () => {
    const { kind, namespace, name } =
      /^(?<kind>[^:]+):(?<namespace>[^/]+)\/(?<name>.+)$/.exec(ref)!.groups!;
    const res = await request(backend).get(
      `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    );
    return res.status === 200 && ready(res.body)
      ? (res.body as Entity)
      : undefined;
  });
}

/** The template's skeleton, as the template editor sends a template folder. */
async function skeletonContents() {
  const dir = path.join(templateDir, 'skeleton');
  return Promise.all(
    (await fs.readdir(dir)).map(async file => ({
      path: `skeleton/${file}`,
      base64Content: (await fs.readFile(path.join(dir, file))).toString(
        'base64',
      ),
    })),
  );
}

/** A scaffolder dry run of some of the template's own steps. */
async function dryRun(
  backend: Parameters<typeof request>[0],
  steps: (template: any) => unknown[],
  values: Record<string, unknown>,
) {
  const template = yaml.parse(
    await fs.readFile(path.join(templateDir, 'template.yaml'), 'utf8'),
  );
  template.spec.steps = steps(template);
  const res = await request(backend)
    .post('/api/scaffolder/v2/dry-run')
    .send({ template, values, directoryContents: await skeletonContents() });
  const failures = (res.body.log ?? [])
    .map((l: { body: { message: string; status?: string } }) => l.body)
    .filter((b: { status?: string }) => b.status === 'failed')
    .map((b: { message: string }) => b.message);
  const file = (name: string) => {
    const found = (res.body.directoryContents ?? []).find(
      (f: { path: string }) => f.path === name,
    );
    return found && Buffer.from(found.base64Content, 'base64').toString('utf8');
  };
  return {
    res,
    failures,
    file,
    /** What the dry run refused with (an action's InputError is the answer's 400). */
    error:
      res.status === 200
        ? undefined
        : res.body.error?.message ??
          `${res.status} ${JSON.stringify(res.body)}`,
  };
}

const stepsById =
  (...ids: string[]) =>
  (template: { spec: { steps: Array<{ id: string }> } }) =>
    template.spec.steps.filter(s => ids.includes(s.id));

const environmentInput = (name: string, octets: string) => ({
  name,
  location: 'westeurope',
  owner: 'group:default/ml-platform',
  dnsResourceGroup: 'rg-aml-dns',
  addressSpace: `${octets}.0.0/16`,
  subnets: {
    privateEndpoints: `${octets}.1.0/24`,
    bastion: `${octets}.2.0/26`,
    jumpbox: `${octets}.3.0/24`,
  },
  repoMode: 'local',
});

describe('the discovered environments in the environment template', () => {
  it("checks the template's VNet range against the discovered environments and the registered definitions", async () => {
    const backend = await startPlatform();
    await entity(backend, 'resource:default/aml-env-dev');
    await entity(backend, 'resource:default/aml-env-prod');

    // Overlaps dev's VNet as ARM has it (the catalog module's entity, not hand-written YAML).
    const overlapping = await dryRun(
      backend,
      stepsById('validate'),
      environmentInput('staging', '10.10'),
    );
    expect(overlapping.error).toContain(
      `VNet address space 10.10.0.0/16 overlaps environment "dev" (resource:default/aml-env-dev, ${DEV.addressPrefix})`,
    );

    // A free range: the template renders the definition, which is registered.
    const created = await dryRun(
      backend,
      stepsById('validate', 'fetch'),
      environmentInput('staging', '10.30'),
    );
    expect(created.error).toBeUndefined();
    expect(created.failures).toEqual([]);
    const definition = yaml.parse(
      created.file('terraform/environments/staging/catalog-info.yaml')!,
    );
    expect(definition.metadata.name).toBe('aml-env-staging-definition');
    await registered!.applyMutation({
      type: 'full',
      entities: [
        {
          entity: {
            ...definition,
            metadata: {
              ...definition.metadata,
              annotations: {
                ...definition.metadata.annotations,
                'backstage.io/managed-by-location':
                  'url:https://example.com/environments/staging/catalog-info.yaml',
                'backstage.io/managed-by-origin-location':
                  'url:https://example.com/environments/staging/catalog-info.yaml',
              },
            },
          },
          locationKey:
            'url:https://example.com/environments/staging/catalog-info.yaml',
        },
      ],
    });
    const stored = await entity(
      backend,
      'resource:default/aml-env-staging-definition',
      e => relations(e).includes('partOf resource:default/aml-env-staging'),
    );
    expect(stored.spec?.type).toBe('azure-ml-environment-definition');

    // The registered definition reserves its name and range before staging exists in Azure.
    const again = await dryRun(
      backend,
      stepsById('validate'),
      environmentInput('staging', '10.30'),
    );
    expect(again.error).toContain(
      'Environment "staging" already exists (resource:default/aml-env-staging-definition)',
    );
    expect(again.error).toContain(
      'overlaps environment "staging" (resource:default/aml-env-staging-definition, 10.30.0.0/16)',
    );
  });

  it("keeps a configured environment's discovered entity and its template definition apart, related", async () => {
    const backend = await startPlatform();
    // dev's definition as the template rendered it when dev was created (the validate step
    // would refuse dev now, so the skeleton is rendered with the values it gave then).
    const rendered = await dryRun(
      backend,
      template => [
        {
          ...stepsById('fetch')(template)[0],
          input: {
            url: './skeleton',
            targetPath: 'terraform/environments/dev',
            values: {
              name: 'dev',
              entityName: 'aml-env-dev',
              location: DEV.location,
              addressSpace: DEV.addressPrefix,
              owner: 'group:default/ml-platform',
              workspaceName: DEV.workspace,
              registryName: DEV.registry,
              resourceGroupName: DEV.resourceGroup,
            },
          },
        },
      ],
      environmentInput('dev', '10.10'),
    );
    expect(rendered.error).toBeUndefined();
    expect(rendered.failures).toEqual([]);
    const definition = yaml.parse(
      rendered.file('terraform/environments/dev/catalog-info.yaml')!,
    );
    const location =
      'url:https://example.com/environments/dev/catalog-info.yaml';
    await registered!.applyMutation({
      type: 'full',
      entities: [
        {
          entity: {
            ...definition,
            metadata: {
              ...definition.metadata,
              annotations: {
                ...definition.metadata.annotations,
                'backstage.io/managed-by-location': location,
                'backstage.io/managed-by-origin-location': location,
              },
            },
          },
          locationKey: location,
        },
      ],
    });

    // Both in the catalog, neither rejected as a conflict: the environment as ARM has it
    // (the provider's location), with its definition as a part.
    const environment = await entity(
      backend,
      'resource:default/aml-env-dev',
      e =>
        relations(e).includes(
          'hasPart resource:default/aml-env-dev-definition',
        ),
    );
    expect(environment.spec?.type).toBe('azure-ml-environment');
    expect(
      environment.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toMatch(/^url:https:\/\/management\.azure\.com\/subscriptions\//);
    const stored = await entity(
      backend,
      'resource:default/aml-env-dev-definition',
    );
    expect(
      stored.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe(location);
  });
});
