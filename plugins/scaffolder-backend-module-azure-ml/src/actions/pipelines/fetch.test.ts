import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs-extra';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'yaml';
import { examples } from './fetch.examples';
import { configurePipeline, createFetchPipelinesAction } from './fetch';

const repoRoot = path.resolve(__dirname, '../../../../..');
const config = new ConfigReader({
  azureMl: { environments: { dev: { registry: 'mlr-dev-2' } } },
});
const action = createFetchPipelinesAction({
  config,
  reader: {} as any,
  integrations: ScmIntegrations.fromConfig(config),
});
const templateInfo = {
  entityRef: 'template:default/create-ml-project',
  baseUrl: pathToFileURL(
    path.join(repoRoot, 'templates/create-ml-project/template.yaml'),
  ).href,
};

describe('azure-ml:pipelines:fetch', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  it("runs its first example on the repository's pipelines/", async () => {
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
      templateInfo,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'pipelines/single-step-merge-job.yaml',
      'pipelines/taxi-fare-train-pipeline.yaml',
    ]);
    const text = fs.readFileSync(
      workspace.resolve('pipelines/taxi-fare-train-pipeline.yaml'),
      'utf8',
    );
    expect(text).toContain('# Core training & governance pipeline'); // comments survive
    expect(yaml.parse(text).inputs.registry_name).toBe('mlr-dev-2');
  });

  it('refuses to read outside the repository', async () => {
    const ctx = createMockActionContext({
      input: {
        url: '../../../../etc',
        experimentName: 'e',
        computeName: 'cpu',
        modelName: 'm',
      },
      workspacePath: workspace.path,
      templateInfo,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /leads outside the repository/,
    );
  });

  it('requires a registry for the register environment in config', async () => {
    const ctx = createMockActionContext({
      input: {
        experimentName: 'e',
        computeName: 'cpu',
        modelName: 'm',
        registerEnvironment: 'prod',
      },
      workspacePath: workspace.path,
      templateInfo,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /azureMl.environments.prod.registry/,
    );
  });
});

describe('configurePipeline', () => {
  const source =
    'type: pipeline\nexperiment_name: a # keep\nsettings:\n  default_compute: azureml:x\ninputs:\n  model_name: m\njobs: {}\n';

  it('sets values as plain YAML strings whatever they contain', () => {
    const hostile = 'x: y\n- "z" #{{ }}';
    const out = yaml.parse(
      configurePipeline(source, {
        experimentName: hostile,
        computeName: 'c',
        modelName: hostile,
      }),
    );
    expect(out).toMatchObject({
      experiment_name: hostile,
      settings: { default_compute: 'azureml:c' },
      inputs: { model_name: hostile },
    });
  });

  it('rejects YAML that is not a pipeline job', () => {
    expect(() =>
      configurePipeline('type: command\n', {
        experimentName: 'e',
        computeName: 'c',
        modelName: 'm',
      }),
    ).toThrow(/not an Azure ML pipeline job/);
  });
});
