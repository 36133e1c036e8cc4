import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import {
  azureMlValidators,
  schemaFileOf,
  validateAzureMlYaml as validate,
} from '../__testUtils__/azureMlSchemas';
import { runTemplate } from './__testUtils__/runTemplate';

// Seeded files that must fail (one reason each, written in the file).
const fixtureDir = path.join(
  __dirname,
  '../__testData__/azureml-yaml-fixtures',
);
const fixture = (name: string) =>
  yaml.parse(fs.readFileSync(path.join(fixtureDir, name), 'utf8'));

async function yamlFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), {
    withFileTypes: true,
  })) {
    if (entry.name === '.git') continue;
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(dir, rel)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(rel);
  }
  return out;
}

describe('Azure ML YAML of a generated project', () => {
  const mockDir = createMockDirectory();
  afterAll(() => mockDir.clear());
  let repo: string;
  let azureMlFiles: Array<[string, any]>;

  beforeAll(async () => {
    await runTemplate({
      parameters: {
        name: 'fare-forecast',
        owner: 'group:default/ml-engineers',
        modelName: 'fare-forecast-model',
        experimentName: 'fare-forecast-train',
        environments: ['dev', 'prod'],
        computeName: 'cpu-cluster',
        repoMode: 'local',
        localDestination: 'fare-forecast',
      },
      publishRoot: mockDir.path,
    });
    repo = mockDir.resolve('fare-forecast');
    azureMlFiles = [];
    for (const file of await yamlFiles(repo)) {
      const document = yaml.parse(
        await fs.readFile(path.join(repo, file), 'utf8'),
      );
      if (String(document?.$schema ?? '').includes('azuremlschemas')) {
        azureMlFiles.push([file, document]);
      }
    }
  }, 60_000);

  it('finds every kind of Azure ML file the project ships', () => {
    const kinds = new Set(azureMlFiles.map(([, d]) => schemaFileOf(d)));
    expect([...kinds].sort()).toEqual([...azureMlValidators.keys()].sort());
    // 5 components, 2 pipelines, 2 environments, 4 endpoint/deployment files, 1 data asset
    expect(azureMlFiles.length).toBe(14);
  });

  it('validates every component, pipeline, endpoint, deployment, environment and data YAML', () => {
    for (const [file, document] of azureMlFiles) {
      expect({ file, result: validate(document) }).toEqual({
        file,
        result: true,
      });
    }
  });

  it('has no control-flow nodes in pipelines and no control outputs in components', () => {
    const steps = azureMlFiles
      .filter(([, document]) => document.type === 'pipeline')
      .flatMap(([file, document]) =>
        Object.entries<any>(document.jobs).map(
          ([step, job]) => `${file} ${step}: ${job.type}`,
        ),
      );
    expect(steps.length).toBeGreaterThan(5);
    expect(steps.filter(step => !step.endsWith(': command'))).toEqual([]);
    const control = azureMlFiles
      .filter(([, document]) =>
        /is_control|if_else/.test(JSON.stringify(document)),
      )
      .map(([file]) => file);
    expect(control).toEqual([]);
  });

  it('rejects an if_else node and a boolean control output', () => {
    const [, pipeline] = azureMlFiles.find(([f]) =>
      f.endsWith('taxi-fare-train-pipeline.yaml'),
    )!;
    expect(
      validate({
        ...pipeline,
        jobs: {
          ...pipeline.jobs,
          register_when_better: {
            type: 'if_else',
            condition: '${{parent.jobs.compare.outputs.register}}',
            true_block: '${{parent.jobs.register}}',
          },
        },
      }),
    ).not.toBe(true);
    const [, compare] = azureMlFiles.find(([f]) =>
      f.endsWith('components/compare.yaml'),
    )!;
    expect(
      validate({
        ...compare,
        outputs: {
          ...compare.outputs,
          register: { type: 'boolean', is_control: true },
        },
      }),
    ).not.toBe(true);
  });

  // Where the published schema says each seeded file is wrong: the named node, nothing else.
  const failingPaths = (document: any) => {
    const result = validate(document);
    if (result === true || typeof result === 'string') return result;
    return [...new Set(result.map(error => error.instancePath))]
      .filter(
        p =>
          !result.some(
            e => e.instancePath !== p && p.startsWith(`${e.instancePath}/`),
          ),
      )
      .sort();
  };

  it.each([
    ['pipeline-if-else.yaml', ['/jobs/register_when_better']],
    ['component-wrong-type.yaml', ['/type']],
    ['component-unknown-input-type.yaml', ['/inputs/raw_data']],
    ['component-control-output.yaml', ['/outputs/register']],
  ])('rejects the seeded %s at %j', (file, paths) => {
    const document = fixture(file);
    expect(schemaFileOf(document)).toBeDefined();
    const failing = failingPaths(document);
    expect(failing).not.toBe(true);
    expect(
      (failing as string[]).filter(p => !paths.some(q => p.startsWith(q))),
    ).toEqual([]);
    expect(failing).toEqual(expect.arrayContaining(paths));
  });

  it('rejects a misspelt field in an online deployment', () => {
    const [, deployment] = azureMlFiles.find(([f]) =>
      f.endsWith('online/deployment.yaml'),
    )!;
    expect(validate({ ...deployment, instanceType: 'x' })).not.toBe(true);
  });
});
