import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import { assertValidTerraform } from '../../terraform/validator';
import { createTerraformValidateAction } from '../terraform/validate';
import { createEnvironmentRenderAction } from './render';
import { examples } from './render.examples';
import { stagingEnvironment } from './validate.examples';

const repoRoot = path.resolve(__dirname, '../../../../..');
const modulesDir = path.join(repoRoot, 'terraform/modules');
const environmentRoot = path.join(repoRoot, 'terraform/environment');
const skeleton = path.join(
  repoRoot,
  'templates/create-ml-environment/skeleton',
);

describe('azure-ml:environment:render and azure-ml:terraform:validate', () => {
  const workspace = createMockDirectory();
  const render = createEnvironmentRenderAction();
  const validate = createTerraformValidateAction({
    modulesDir,
    environmentRoot,
  });

  beforeEach(() => workspace.clear());

  /** What the template's fetch:template step puts in the workspace (no Terraform: a README
   * and the catalog entity, whose templating other tests cover). */
  const fetchSkeleton = (name: string) =>
    fs.copy(skeleton, workspace.resolve(`terraform/environments/${name}`));

  it('runs the render example, and the rendered environment parses and validates', async () => {
    await fetchSkeleton('staging');
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
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
    await assertValidTerraform(dir, {
      modulesDir,
      rootModule: environmentRoot,
    });

    const validateCtx = createMockActionContext({
      input: {
        path: 'terraform/environments/staging',
        environmentValues: true,
      },
      workspacePath: workspace.path,
      isDryRun: true,
    });
    await validate.handler(validateCtx);
    expect(validateCtx.output).toHaveBeenCalledWith('valid', true);
    // terraform.tfvars and backend.hcl of the environment
    expect(validateCtx.output).toHaveBeenCalledWith('fileCount', 2);
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
      { modulesDir, rootModule: environmentRoot },
    );
  });

  it('writes the inputs normalized and refuses what does not normalize, even without validation', async () => {
    await fetchSkeleton('staging');
    await render.handler(
      createMockActionContext({
        input: {
          ...stagingEnvironment,
          addressSpace: '10.30.0.0/16\n',
          subnets: { ...stagingEnvironment.subnets, jumpbox: ' 10.30.3.0/24' },
          owner: 'ml-platform',
        },
        workspacePath: workspace.path,
      }),
    );
    const tfvars = await fs.readFile(
      workspace.resolve('terraform/environments/staging/terraform.tfvars'),
      'utf8',
    );
    expect(tfvars).toContain('address_space           = "10.30.0.0/16"');
    expect(tfvars).toContain('jumpbox           = "10.30.3.0/24"');
    expect(tfvars).toContain('"group:default/ml-platform"');
    expect(tfvars).not.toContain('\\n');

    await expect(
      render.handler(
        createMockActionContext({
          input: {
            ...stagingEnvironment,
            addressSpace: '10.30.0.0/16"\nevil = true',
            owner: 'not an owner',
          },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(
      /Owner "not an owner" is not a valid entity ref.*VNet address space .* is not valid CIDR notation/s,
    );
  });

  it('renders values the environment root module declares, and names a key it does not', async () => {
    await fetchSkeleton('staging');
    await render.handler(
      createMockActionContext({
        input: stagingEnvironment,
        workspacePath: workspace.path,
      }),
    );
    const tfvars = workspace.resolve(
      'terraform/environments/staging/terraform.tfvars',
    );
    await fs.appendFile(tfvars, '\nregion = "westeurope"\n');
    const ctx = createMockActionContext({
      input: {
        path: 'terraform/environments/staging',
        environmentValues: true,
      },
      workspacePath: workspace.path,
    });
    await expect(validate.handler(ctx)).rejects.toThrow(
      /terraform\.tfvars:\d+: "region" is set, but the root module environment declares no variable "region" \[undeclared-variable\]/,
    );
  });

  it('generates no Terraform of its own: every environment uses terraform/environment', async () => {
    const files = await fs.readdir(skeleton);
    expect(files.filter(f => f.endsWith('.tf'))).toEqual([]);
  });
});
