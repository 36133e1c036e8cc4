import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import yaml from 'yaml';
import { runTemplate } from './__testUtils__/runTemplate';

// Debian's python3 carries pandas, scikit-learn, PyYAML and pytest (scripts/setup.sh).
const python = process.env.PYTHON ?? '/usr/bin/python3';

const sample = {
  name: 'fare-forecast',
  description: 'Predicts NYC taxi fares',
  owner: 'group:default/ml-engineers',
  system: 'system:default/taxi-fare',
  modelName: 'fare-forecast-model',
  experimentName: 'fare-forecast-train',
  environments: ['dev', 'prod'],
  computeName: 'gpu-cluster',
  repoMode: 'local',
  localDestination: 'fare-forecast',
};

function py(cwd: string, ...args: string[]) {
  const result = spawnSync(python, args, {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `python ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

async function allFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), {
    withFileTypes: true,
  })) {
    if (entry.name === '.git') continue;
    const rel = path.join(prefix, entry.name);
    out.push(...(entry.isDirectory() ? await allFiles(dir, rel) : [rel]));
  }
  return out;
}

describe('templates/create-ml-project', () => {
  const mockDir = createMockDirectory();
  afterAll(() => mockDir.clear());

  describe('rendered with sample values in local mode', () => {
    let repo: string;
    let result: Awaited<ReturnType<typeof runTemplate>>;

    beforeAll(async () => {
      result = await runTemplate({
        parameters: sample,
        publishRoot: mockDir.path,
      });
      repo = path.join(mockDir.path, 'fare-forecast');
    }, 60_000);

    it('publishes a committed git repository and registers its catalog-info.yaml', async () => {
      const [commit] = await git.log({ fs, dir: repo, ref: 'main' });
      expect(commit.commit.message).toContain('Create fare-forecast');
      expect(result.registered).toEqual([`file://${repo}/catalog-info.yaml`]);
      expect(result.steps.register.output.entityRef).toBe(
        'component:default/fare-forecast',
      );
      expect(result.output.links).toEqual([
        { title: 'Repository', url: `file://${repo}` },
        {
          title: 'Azure ML tab',
          icon: 'catalog',
          url: '/catalog/default/component/fare-forecast/azure-ml',
        },
      ]);
    });

    it('fills in the catalog annotations', async () => {
      const entity = yaml.parse(
        await fs.readFile(path.join(repo, 'catalog-info.yaml'), 'utf8'),
      );
      expect(entity.metadata).toMatchObject({
        name: 'fare-forecast',
        description: 'Predicts NYC taxi fares',
        annotations: {
          'ml.azure.com/models': 'fare-forecast-model',
          'ml.azure.com/experiment': 'fare-forecast-train',
          'ml.azure.com/environments': 'dev,prod',
        },
      });
      expect(entity.spec).toMatchObject({
        type: 'ml-model',
        owner: 'group:default/ml-engineers',
        system: 'system:default/taxi-fare',
      });
    });

    it("sets the project's values in the platform's pipelines", async () => {
      const pipeline = yaml.parse(
        await fs.readFile(
          path.join(repo, 'pipelines/taxi-fare-train-pipeline.yaml'),
          'utf8',
        ),
      );
      expect(pipeline.experiment_name).toBe('fare-forecast-train');
      expect(pipeline.settings.default_compute).toBe('azureml:gpu-cluster');
      expect(pipeline.inputs).toMatchObject({
        model_name: 'fare-forecast-model',
        registry_name: 'mlr-dev',
      });
      const merge = yaml.parse(
        await fs.readFile(
          path.join(repo, 'pipelines/single-step-merge-job.yaml'),
          'utf8',
        ),
      );
      expect(merge.experiment_name).toBe('fare-forecast-train');
    });

    it('keeps Azure ML bindings in the component specs', async () => {
      const train = yaml.parse(
        await fs.readFile(path.join(repo, 'src/components/train.yaml'), 'utf8'),
      );
      expect(train.command).toContain('--train-data ${{inputs.train_data}}');
    });

    it('leaves no template syntax behind, except GitHub expressions in workflows', async () => {
      for (const file of await allFiles(repo)) {
        const text = await fs.readFile(path.join(repo, file), 'utf8');
        expect({
          file,
          leftover: /\$\{\{\s*values\.|\{%-?\s/.test(text),
        }).toEqual({
          file,
          leftover: false,
        });
      }
      const train = yaml.parse(
        await fs.readFile(
          path.join(repo, '.github/workflows/train.yaml'),
          'utf8',
        ),
      ).jobs['submit-and-wait'];
      expect(train['runs-on']).toBe(
        "${{ vars.AML_RUNNER_LABEL || 'self-hosted' }}",
      );
      const script = train.steps.map((s: any) => s.run ?? '').join('\n');
      expect(script).toContain(
        'az ml job create --file pipelines/taxi-fare-train-pipeline.yaml',
      );
      expect(script).toContain('az ml job stream');
      expect(script).toMatch(
        /Failed\|Canceled\|NotResponding\)[^;]*;\s*exit 1/,
      );
    });

    it("fills the README's variables from the platform's environment config", async () => {
      expect(result.steps.validate.output.repoVariables).toEqual({
        AML_TRAIN_SUBSCRIPTION_ID: '11111111-1111-4111-8111-111111111111',
        AML_TRAIN_RESOURCE_GROUP: 'rg-aml-dev',
        AML_TRAIN_WORKSPACE: 'mlw-dev',
        AML_TRAIN_REGISTRY: 'mlr-dev',
        AML_SERVE_SUBSCRIPTION_ID: '22222222-2222-4222-8222-222222222222',
        AML_SERVE_RESOURCE_GROUP: 'rg-aml-prod',
        AML_SERVE_WORKSPACE: 'mlw-prod',
        AML_SERVE_REGISTRY: 'mlr-prod',
      });
      const readme = await fs.readFile(path.join(repo, 'README.md'), 'utf8');
      expect(readme).toContain('| `AML_SERVE_REGISTRY` | `mlr-prod` |');
      const batch = yaml.parse(
        await fs.readFile(
          path.join(repo, 'deploy/batch/deployment.yaml'),
          'utf8',
        ),
      );
      expect(batch.compute).toBe('azureml:gpu-cluster');
    });

    it("passes the generated project's pytest suite", () => {
      const out = py(
        repo,
        '-m',
        'pytest',
        '-p',
        'no:cacheprovider',
        '-q',
        '-o',
        'addopts=',
      );
      expect(out).toMatch(/\d+ passed/);
      expect(out).not.toMatch(/failed|error/);
    }, 300_000);

    it('runs the local pipeline: transform -> train -> compare -> register --dry-run -> score', async () => {
      const out = (p: string) => path.join(mockDir.path, 'run', p);
      const started = Date.now();
      py(
        repo,
        'src/transform/transform.py',
        '--raw-data',
        'data',
        '--train-data',
        out('train'),
        '--test-data',
        out('test'),
      );
      py(
        repo,
        'src/train/train.py',
        '--train-data',
        out('train'),
        '--test-data',
        out('test'),
        '--model-output',
        out('m'),
        '--metrics-output',
        out('metrics'),
      );
      py(
        repo,
        'src/compare/compare.py',
        '--candidate-model',
        out('m'),
        '--test-data',
        out('test'),
        '--decision-output',
        out('d'),
      );
      const payload = JSON.parse(
        py(
          repo,
          'src/register/register.py',
          '--model-path',
          out('m'),
          '--metrics',
          out('metrics'),
          '--decision',
          out('d'),
          '--model-name',
          'fare-forecast-model',
          '--job-name',
          'jest',
          '--dry-run',
        ),
      );
      py(
        repo,
        'src/score/score.py',
        '--model',
        out('m'),
        '--data',
        out('test'),
        '--predictions-output',
        out('p'),
        '--metrics-output',
        out('scored'),
      );
      const metrics = await fs.readJson(out('metrics/metrics.json'));
      expect(payload.modelName).toBe('fare-forecast-model');
      expect(payload.body.properties.jobName).toBe('jest');
      expect(payload.body.properties.modelType).toBe('mlflow_model');
      expect(payload.body.properties.properties).toEqual({
        'metric.mae': String(metrics.mae),
        'metric.r2': String(metrics.r2),
        'metric.rmse': String(metrics.rmse),
      });
      expect(metrics.r2).toBeGreaterThan(0.7);
      expect(await fs.readJson(out('scored/metrics.json'))).toMatchObject({
        rmse: metrics.rmse,
        n_scored: 100,
      });
      expect(fs.existsSync(out('m/MLmodel'))).toBe(true);
      // eslint-disable-next-line no-console
      console.log(`local pipeline run: ${Date.now() - started} ms`);
    }, 300_000);
  });

  it('keeps expression syntax out of skeleton files the template engine renders', async () => {
    // GitHub and Azure ML use ${{ }} too; outside the folders that template.yaml copies
    // without templating it would be evaluated (and emptied) by fetch:template.
    const template = yaml.parse(
      await fs.readFile(
        path.resolve(
          __dirname,
          '../../../../../templates/create-ml-project/template.yaml',
        ),
        'utf8',
      ),
    );
    const verbatim: string[] = template.spec.steps
      .find((s: any) => s.action === 'fetch:template')
      .input.copyWithoutTemplating.map((glob: string) =>
        glob.replace('**', ''),
      );
    const skeleton = path.resolve(
      __dirname,
      '../../../../../templates/create-ml-project/skeleton',
    );
    for (const file of await allFiles(skeleton)) {
      if (verbatim.some(prefix => file.startsWith(prefix))) continue;
      const text = await fs.readFile(path.join(skeleton, file), 'utf8');
      const foreign = text.match(/\$\{\{(?!\s*values\.)[^}]*\}\}/g) ?? [];
      expect({ file, foreign }).toEqual({ file, foreign: [] });
    }
  });

  describe('hostile parameters', () => {
    const rejected: Array<[string, Record<string, unknown>]> = [
      ['name', { name: '../etc' }],
      ['name', { name: 'Fare"Forecast' }],
      ['name', { name: 'fare\nforecast' }],
      ['name', { name: '${{ parameters.owner }}' }],
      ['description', { description: 'line one\nkind: Secret' }],
      ['owner', { owner: 'group:default/"; rm -rf /' }],
      ['modelName', { modelName: "model'; import os" }],
      ['experimentName', { experimentName: '{% raw %}x' }],
      ['computeName', { computeName: 'cpu cluster' }],
      ['computeName', { computeName: 'cpu-cluster-1' }],
      ['owner', { owner: 'system:default/taxi-fare' }],
      ['system', { system: 'group:default/ml-engineers' }],
      ['environments', { environments: ['prod'] }],
      ['environments', { environments: ['dev', 'staging'] }],
      ['localDestination', { localDestination: '../../etc' }],
      ['localDestination', { localDestination: '/tmp/evil' }],
    ];

    it.each(rejected)(
      'rejects a hostile %s with a message naming it',
      async (param, bad) => {
        await expect(
          runTemplate({
            parameters: { ...sample, ...bad },
            publishRoot: mockDir.resolve('r'),
          }),
        ).rejects.toThrow(new RegExp(`Invalid parameters: .*"${param}"`));
        expect(
          fs.existsSync(
            mockDir.resolve(
              'r',
              String(bad.localDestination ?? 'fare-forecast'),
            ),
          ),
        ).toBe(false);
      },
    );

    it('renders YAML/Jinja metacharacters in free text safely', async () => {
      const description = `It's "quoted": {{ 7*7 }} \${{ parameters.name }} {% if true %}x{% endif %} # not a comment, & *alias !tag --- |`;
      await runTemplate({
        parameters: { ...sample, description, localDestination: 'meta' },
        publishRoot: mockDir.path,
      });
      const repo = mockDir.resolve('meta');
      const entity = yaml.parse(
        await fs.readFile(path.join(repo, 'catalog-info.yaml'), 'utf8'),
      );
      expect(entity.metadata.description).toBe(description);
      const readme = await fs.readFile(path.join(repo, 'README.md'), 'utf8');
      expect(readme).toContain(description);
      const yamlFiles = (await allFiles(repo)).filter(f => /\.ya?ml$/.test(f));
      expect(yamlFiles.length).toBeGreaterThan(10);
      for (const file of yamlFiles) {
        expect(() =>
          yaml.parse(fs.readFileSync(path.join(repo, file), 'utf8')),
        ).not.toThrow();
      }
      py(repo, '-m', 'compileall', '-q', 'src', 'tests', 'data');
    }, 60_000);
  });
});
