import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import fs from 'fs-extra';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { scaffolderModuleAzureMl } from './module';
import { localRepositoriesUrlReader } from './urlReader/LocalRepositoryUrlReader';

/**
 * The scaffolder's database: an in-memory SQLite per backend, destroyed after the suite (the
 * test backend's default leaves SQLite pools open when it stops, keeping the jest worker alive).
 */
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The repository's templates as the template editor previews them: a dry run through the
 * real scaffolder backend, with the template folder sent as the editor sends it.
 */
describe('the templates in a scaffolder dry run (template editor preview)', () => {
  jest.setTimeout(120_000);
  const publishRoot = createMockDirectory();

  async function folderContents(dir: string) {
    const files: Array<{ path: string; base64Content: string }> = [];
    const walk = async (relative: string) => {
      for (const entry of await fs.readdir(path.join(dir, relative), {
        withFileTypes: true,
      })) {
        const child = path.posix.join(relative, entry.name);
        if (entry.isDirectory()) {
          await walk(child);
        } else {
          files.push({
            path: child,
            base64Content: (await fs.readFile(path.join(dir, child))).toString(
              'base64',
            ),
          });
        }
      }
    };
    await walk('');
    return files;
  }

  async function dryRun(template: string, values: object) {
    const dir = path.join(repoRoot, 'templates', template);
    const { server } = await startTestBackend({
      features: [
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        scaffolderPlugin,
        scaffolderModuleAzureMl,
        scaffolderGithubModule,
        localRepositoriesUrlReader,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            integrations: {
              github: [{ host: 'github.com', token: 'not-a-real-token' }],
            },
            azureMl: {
              environments: {
                dev: {
                  subscriptionId: '00000000-0000-0000-0000-000000000001',
                  resourceGroup: 'rg-aml-dev',
                  workspace: 'mlw-dev',
                  registry: 'mlr-dev',
                  location: 'westeurope',
                },
              },
              scaffolder: { localPublishRoot: publishRoot.path },
            },
          },
        }),
      ],
    });
    return request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template: yaml.parse(
          await fs.readFile(path.join(dir, 'template.yaml'), 'utf8'),
        ),
        values,
        directoryContents: await folderContents(dir),
      });
  }

  const file = (res: request.Response, name: string) => {
    const found = (
      (res.body.directoryContents ?? []) as Array<{
        path: string;
        base64Content: string;
      }>
    ).find(f => f.path === name);
    return found && Buffer.from(found.base64Content, 'base64').toString('utf8');
  };
  const failures = (res: request.Response) =>
    (res.body.log ?? [])
      .map((l: { body: { message: string; status?: string } }) => l.body)
      .filter((b: { status?: string }) => b.status === 'failed');

  it('previews "Create Azure ML environment" with inputs written normalized, never raw', async () => {
    const res = await dryRun('create-ml-environment', {
      name: 'staging',
      location: 'westeurope',
      owner: 'ml-platform',
      dnsResourceGroup: 'rg-aml-dns',
      addressSpace: '10.30.0.0/16\n',
      subnets: {
        privateEndpoints: ' 10.30.1.0/24',
        bastion: '10.30.2.0/26\n',
        jumpbox: '10.30.3.0/24',
      },
      repoMode: 'local',
    });
    expect(failures(res)).toEqual([]);
    expect(res.status).toBe(200);
    const tfvars = file(
      res,
      'terraform/environments/staging/terraform.tfvars',
    )!;
    expect(tfvars).toContain('address_space           = "10.30.0.0/16"');
    expect(tfvars).toContain('bastion           = "10.30.2.0/26"');
    expect(tfvars).toContain('"group:default/ml-platform"');
    expect(tfvars).not.toMatch(/\\n|\n"/);
    const entity = yaml.parse(
      file(res, 'terraform/environments/staging/catalog-info.yaml')!,
    );
    expect(entity.metadata.annotations['ml.azure.com/address-space']).toBe(
      '10.30.0.0/16',
    );
    expect(entity.spec.owner).toBe('group:default/ml-platform');
    expect(entity.metadata.description).toContain('VNet 10.30.0.0/16 linked');
  });

  it('refuses an owner that is not an entity ref, naming it', async () => {
    const res = await dryRun('create-ml-environment', {
      name: 'staging',
      location: 'westeurope',
      owner: 'group:default/ml platform"\nevil: true',
      dnsResourceGroup: 'rg-aml-dns',
      addressSpace: '10.30.0.0/16',
      subnets: {
        privateEndpoints: '10.30.1.0/24',
        bastion: '10.30.2.0/26',
        jumpbox: '10.30.3.0/24',
      },
      repoMode: 'local',
    });
    expect(JSON.stringify(res.body)).toMatch(
      /Owner .* is not a valid entity ref/,
    );
    expect(
      file(res, 'terraform/environments/staging/catalog-info.yaml'),
    ).toBeUndefined();
  });

  it('previews "Create new ML project", the platform pipelines included', async () => {
    const res = await dryRun('create-ml-project', {
      name: 'fare-forecast',
      description: 'Forecasts taxi fares',
      owner: 'ml-platform',
      modelName: 'fare-forecast-model',
      experimentName: 'fare-forecast-train',
      environments: ['dev'],
      computeName: 'cpu-cluster',
      repoMode: 'local',
      localDestination: 'fare-forecast',
    });
    expect(failures(res)).toEqual([]);
    expect(res.status).toBe(200);
    expect(file(res, 'pipelines/taxi-fare-train-pipeline.yaml')).toBeDefined();
    const entity = yaml.parse(file(res, 'catalog-info.yaml')!);
    expect(entity.metadata.name).toBe('fare-forecast');
    expect(entity.spec.owner).toBe('group:default/ml-platform');
  });

  it('previews "Create new ML project" in GitHub mode: publish:github gets the repository variables', async () => {
    const res = await dryRun('create-ml-project', {
      name: 'fare-forecast',
      description: 'Forecasts taxi fares',
      owner: 'ml-platform',
      modelName: 'fare-forecast-model',
      experimentName: 'fare-forecast-train',
      environments: ['dev'],
      computeName: 'cpu-cluster',
      repoMode: 'github',
      repoUrl: 'github.com?owner=contoso&repo=fare-forecast',
    });
    const steps = (res.body.log ?? []).map(
      (l: { body: { stepId?: string; status?: string } }) => l.body,
    );
    expect(failures(res)).toEqual([]);
    expect(res.status).toBe(200);
    // publish:github is installed (without it the step fails as an unknown action) and gets
    // the platform's repository variables; it has no dry-run mode of its own, so the
    // scaffolder skips it in a preview.
    const publish = steps.filter(
      (b: { stepId?: string }) => b.stepId === 'publish-github',
    );
    expect(publish.map((b: { status?: string }) => b.status)).toContain(
      'skipped',
    );
    const inputs = publish.find((b: { message: string }) =>
      b.message.includes('Running publish:github in dry-run mode'),
    )!.message;
    expect(inputs).toContain('"AML_TRAIN_WORKSPACE": "mlw-dev"');
    expect(inputs).toContain('"AML_SERVE_REGISTRY": "mlr-dev"');
  });
});
