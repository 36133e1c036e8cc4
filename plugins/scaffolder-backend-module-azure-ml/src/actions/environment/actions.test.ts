import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import { assertValidTerraform } from '../../terraform/validator';
import { createTerraformValidateAction } from '../terraform/validate';
import {
  createEnvironmentRenderAction,
  createEnvironmentValidateAction,
} from './actions';
import { examples as renderExamples } from './render.examples';
import {
  examples as validateExamples,
  stagingEnvironment,
} from './validate.examples';

const repoRoot = path.resolve(__dirname, '../../../../..');
const modulesDir = path.join(repoRoot, 'terraform/modules');
const skeleton = path.join(
  repoRoot,
  'templates/create-ml-environment/skeleton',
);

/** The seed's dev and prod environments, exactly as the catalog serves them. */
const seedEntities = yaml
  .parseAllDocuments(
    fs.readFileSync(path.join(repoRoot, 'examples/environments.yaml'), 'utf8'),
  )
  .map(doc => doc.toJSON() as Entity);

const firstStepInput = (example: { example: string }) =>
  yaml.parse(example.example).steps[0].input;

describe('azure-ml:environment:validate', () => {
  const catalog = new InMemoryCatalogClient({ entities: seedEntities });
  const action = createEnvironmentValidateAction({
    catalog,
    auth: mockServices.auth(),
  });

  it('runs its first example against the seed environments', async () => {
    const ctx = createMockActionContext({
      input: firstStepInput(validateExamples[0]),
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('entityName', 'aml-env-staging');
    expect(ctx.output).toHaveBeenCalledWith('workspaceName', 'mlw-staging');
    expect(ctx.output).toHaveBeenCalledWith('existingEnvironments', [
      {
        entityRef: 'resource:default/aml-env-dev',
        name: 'dev',
        addressSpace: '10.10.0.0/16',
      },
      {
        entityRef: 'resource:default/aml-env-prod',
        name: 'prod',
        addressSpace: '10.20.0.0/16',
      },
    ]);
  });

  it('rejects a VNet that overlaps dev, read from the catalog', async () => {
    const ctx = createMockActionContext({
      input: {
        ...stagingEnvironment,
        addressSpace: '10.10.0.0/20',
        subnets: {
          privateEndpoints: '10.10.1.0/24',
          bastion: '10.10.2.0/26',
          jumpbox: '10.10.3.0/24',
        },
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'VNet address space 10.10.0.0/20 overlaps environment "dev" (resource:default/aml-env-dev, 10.10.0.0/16)',
    );
  });

  it('rejects an invalid name and HCL injection in tags, listing every problem', async () => {
    const ctx = createMockActionContext({
      input: { ...stagingEnvironment, name: 'Prod_2', tags: { team: 'x" }' } },
    });
    const error = await action.handler(ctx).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toContain('The environment "Prod_2" is not valid:');
    expect(error.message).toContain('Environment name "Prod_2" is invalid');
    expect(error.message).toContain(
      'Value of tag "team" contains a double quote',
    );
  });

  it('rejects an environment that already exists', async () => {
    const ctx = createMockActionContext({
      input: {
        ...stagingEnvironment,
        name: 'prod',
        addressSpace: '10.40.0.0/16',
        subnets: {
          privateEndpoints: '10.40.1.0/24',
          bastion: '10.40.2.0/26',
          jumpbox: '10.40.3.0/24',
        },
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'Environment "prod" already exists (resource:default/aml-env-prod)',
    );
  });
});

describe('azure-ml:environment:render and azure-ml:terraform:validate', () => {
  const workspace = createMockDirectory();
  const render = createEnvironmentRenderAction();
  const validate = createTerraformValidateAction({ modulesDir });

  beforeEach(() => workspace.clear());

  /** What the template's fetch:template step puts in the workspace. */
  const fetchSkeleton = (name: string) =>
    fs.copy(skeleton, workspace.resolve(`terraform/environments/${name}`), {
      filter: src => !src.endsWith('.md') && !src.endsWith('.yaml'),
    });

  it('runs the render example, and the rendered environment parses and validates', async () => {
    await fetchSkeleton('staging');
    const ctx = createMockActionContext({
      input: firstStepInput(renderExamples[0]),
      workspacePath: workspace.path,
      isDryRun: true,
    });
    await render.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'path',
      'terraform/environments/staging',
    );
    const dir = workspace.resolve('terraform/environments/staging');
    expect(
      await fs.readFile(path.join(dir, 'terraform.tfvars'), 'utf8'),
    ).toContain('address_space           = "10.30.0.0/16"');
    await assertValidTerraform(dir, { modulesDir });

    const validateCtx = createMockActionContext({
      input: { path: 'terraform/environments/staging' },
      workspacePath: workspace.path,
      isDryRun: true,
    });
    await validate.handler(validateCtx);
    expect(validateCtx.output).toHaveBeenCalledWith('valid', true);
    expect(validateCtx.output).toHaveBeenCalledWith('fileCount', 6);
  });

  it('escapes values even when render is called without validation', async () => {
    await fetchSkeleton('staging');
    await render.handler(
      createMockActionContext({
        input: {
          ...stagingEnvironment,
          tags: { note: '${file("/etc/passwd")}"\n}' },
        },
        workspacePath: workspace.path,
      }),
    );
    const tfvars = await fs.readFile(
      workspace.resolve('terraform/environments/staging/terraform.tfvars'),
      'utf8',
    );
    expect(tfvars).toContain('"note"  = "$${file(\\"/etc/passwd\\")}\\"\\n}"');
    await assertValidTerraform(
      workspace.resolve('terraform/environments/staging'),
      { modulesDir },
    );
  });

  it('keeps the skeleton root module identical to terraform/environments/dev and prod', async () => {
    for (const file of [
      'main.tf',
      'variables.tf',
      'outputs.tf',
      'versions.tf',
    ]) {
      const expected = await fs.readFile(path.join(skeleton, file), 'utf8');
      for (const env of ['dev', 'prod']) {
        expect(
          await fs.readFile(
            path.join(repoRoot, 'terraform/environments', env, file),
            'utf8',
          ),
        ).toBe(expected);
      }
    }
  });
});
