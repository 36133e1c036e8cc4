import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs-extra';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'yaml';
import { examples } from './fetch.examples';
import { InputError } from '@backstage/errors';
import {
  configurePipeline,
  controlFlowProblem,
  createFetchPipelinesAction,
} from './fetch';

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

  const base = {
    experimentName: 'e',
    computeName: 'cpu',
    modelName: 'm',
  };
  const run = (input: Record<string, unknown>, act = action) =>
    act.handler(
      createMockActionContext({
        input: { ...base, ...input } as any,
        workspacePath: workspace.path,
        templateInfo,
      }),
    );

  it.each([
    ['an absolute path', repoRoot],
    ['a path into the repository', '../../scripts'],
    ['a file URL', `file://${repoRoot}/data`],
    ['the default source spelled out', '../../pipelines'],
  ])('refuses a "url" input (%s) and reads nothing', async (_what, url) => {
    await expect(run({ url })).rejects.toThrow(
      /"url" is not accepted .*azureMl\.scaffolder\.pipelinesSource/,
    );
    expect(fs.readdirSync(workspace.path)).toEqual([]);
  });

  it.each([
    ['..', /"folder" must not contain "\.\."/],
    ['sub/../../scripts', /"folder" must not contain "\.\."/],
    [repoRoot, /"folder" must be a relative folder/],
    ['C:\\Windows', /"folder" must be a (relative folder|folder inside)/],
    [
      'file:///etc',
      /"folder" must be a folder inside the pipelines source, not a URL/,
    ],
    ['https://example.com/x', /not a URL/],
    ['missing', /"folder" missing does not exist in the pipelines source/],
  ])(
    'refuses the folder %s with a message naming it',
    async (folder, message) => {
      await expect(run({ folder })).rejects.toThrow(message);
      expect(fs.readdirSync(workspace.path)).toEqual([]);
    },
  );

  it('reads a sub-folder of the configured source, and only its YAML files', async () => {
    const source = createMockDirectory({
      content: {
        'top.yaml': 'type: pipeline\njobs: {}\n',
        'team/a.yml': 'type: pipeline\njobs: {}\n',
        'team/notes.txt': 'not copied',
        'team/nested/b.yaml': 'type: pipeline\njobs: {}\n',
      },
    });
    const configured = createFetchPipelinesAction({
      config: new ConfigReader({
        azureMl: { scaffolder: { pipelinesSource: source.path } },
      }),
      reader: {} as any,
      integrations: ScmIntegrations.fromConfig(config),
    });
    await run({ folder: 'team' }, configured);
    expect(fs.readdirSync(workspace.resolve('pipelines'))).toEqual(['a.yml']);
    await workspace.clear();
    await run({}, configured);
    expect(fs.readdirSync(workspace.resolve('pipelines'))).toEqual([
      'top.yaml',
    ]);
  });

  it('reads an http(s) source through the URL readers, below the configured URL only', async () => {
    const urls: string[] = [];
    const reader = {
      async readTree(url: string) {
        urls.push(url);
        return {
          async dir({ targetDir }: { targetDir: string }) {
            await fs.outputFile(
              path.join(targetDir!, 'p.yaml'),
              'type: pipeline\njobs: {}\n',
            );
            return targetDir;
          },
        };
      },
    };
    const remote = createFetchPipelinesAction({
      config: new ConfigReader({
        azureMl: {
          scaffolder: {
            pipelinesSource:
              'https://github.com/org/platform/tree/main/pipelines',
          },
        },
      }),
      reader: reader as any,
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    });
    await run({}, remote);
    await workspace.clear();
    await run({ folder: 'team' }, remote);
    expect(urls).toEqual([
      'https://github.com/org/platform/tree/main/pipelines/',
      'https://github.com/org/platform/tree/main/pipelines/team/',
    ]);
    expect(fs.readdirSync(workspace.resolve('pipelines'))).toEqual(['p.yaml']);
  });

  it('refuses a pipeline with an if_else node, naming the file and the node and how to gate instead', async () => {
    const source = createMockDirectory({
      content: {
        'gated.yaml': fs.readFileSync(
          path.join(
            __dirname,
            '../__testData__/azureml-yaml-fixtures/pipeline-if-else.yaml',
          ),
          'utf8',
        ),
      },
    });
    const configured = createFetchPipelinesAction({
      config: new ConfigReader({
        azureMl: { scaffolder: { pipelinesSource: source.path } },
      }),
      reader: {} as any,
      integrations: ScmIntegrations.fromConfig(config),
    });
    const error = await run({}, configured).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^gated\.yaml: step "register_when_better" has type if_else: .*AZURE_ML_CLI_PRIVATE_FEATURES_ENABLED.*decision folder.*pipelines\/taxi-fare-train-pipeline\.yaml/,
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

  it.each(['if_else', 'do_while', 'parallel_for'])(
    'rejects a %s node and accepts command steps',
    type => {
      const settings = {
        experimentName: 'e',
        computeName: 'c',
        modelName: 'm',
      };
      const pipeline = (extra: string) =>
        `type: pipeline\njobs:\n  train:\n    type: command\n    component: ./train.yaml\n${extra}`;
      expect(() => configurePipeline(pipeline(''), settings)).not.toThrow();
      expect(() =>
        configurePipeline(pipeline(`  loop:\n    type: ${type}\n`), settings),
      ).toThrow(new InputError(controlFlowProblem('loop', type)!));
      expect(controlFlowProblem('loop', type)).toContain(
        `step "loop" has type ${type}`,
      );
      expect(controlFlowProblem('train', 'command')).toBeUndefined();
    },
  );

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
