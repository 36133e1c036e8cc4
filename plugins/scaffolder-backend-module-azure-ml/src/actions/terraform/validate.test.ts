import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import { examples } from './validate.examples';
import { createTerraformValidateAction } from './validate';

const repoRoot = path.resolve(__dirname, '../../../../..');
const fixtures = path.resolve(__dirname, '../../../test/fixtures/terraform');

describe('azure-ml:terraform:validate', () => {
  const workspace = createMockDirectory();
  const action = createTerraformValidateAction({
    modulesDir: path.join(repoRoot, 'terraform/modules'),
  });

  beforeEach(() => workspace.clear());

  it('runs its first example on a generated environment', async () => {
    await fs.copy(
      path.join(repoRoot, 'terraform/environments/dev'),
      workspace.resolve('terraform/environments/staging'),
    );
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('valid', true);
    expect(ctx.output).toHaveBeenCalledWith('issues', []);
  });

  it('fails the step with file:line findings', async () => {
    await fs.copy(
      path.join(fixtures, 'public-access'),
      workspace.resolve('infra'),
    );
    const ctx = createMockActionContext({
      input: { path: 'infra' },
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /Terraform in infra is not valid:\nmain\.tf:7: azurerm_storage_account\.open: public_network_access_enabled turns public network access on/,
    );
    expect(ctx.output).toHaveBeenCalledWith('valid', false);
  });

  it('only reports when failOnIssues is false', async () => {
    await fs.copy(
      path.join(fixtures, 'pe-without-zone-group'),
      workspace.resolve('infra'),
    );
    const ctx = createMockActionContext({
      input: { path: 'infra', failOnIssues: false },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('issues', [
      expect.objectContaining({
        file: 'main.tf',
        line: 1,
        rule: 'private-endpoint-dns',
      }),
    ]);
  });

  it('refuses a path outside the workspace', async () => {
    const ctx = createMockActionContext({
      input: { path: '../../etc' },
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow(/outside/);
  });
});
