import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import {
  schemaFileOf,
  validateAzureMlYaml,
} from '../__testUtils__/azureMlSchemas';

const root = path.resolve(__dirname, '../../../../..');
const pipelinesDir = path.join(root, 'pipelines');
// Pipelines are written for a generated project: their relative paths resolve in the skeleton.
const projectDir = path.join(root, 'templates/create-ml-project/skeleton');
// Azure ML's published pipeline job and command component schemas (../__testData__/azureml-schemas).
const validatePipeline = (document: any) => {
  expect(schemaFileOf(document)).toBe('pipelineJob.schema.json');
  return validateAzureMlYaml(document);
};
const validateComponent = (document: any) => {
  expect(schemaFileOf(document)).toBe('commandComponent.schema.json');
  return validateAzureMlYaml(document);
};

const load = (file: string) => yaml.parse(fs.readFileSync(file, 'utf8'));
const pipelineFiles = fs
  .readdirSync(pipelinesDir)
  .filter(f => f.endsWith('.yaml'));
const componentDir = path.join(projectDir, 'src/components');
const componentFiles = fs
  .readdirSync(componentDir)
  .filter(f => f.endsWith('.yaml'));

describe('pipelines/ and the component specs', () => {
  it('holds the seed platform pipelines', () => {
    expect(pipelineFiles.sort()).toEqual([
      'single-step-merge-job.yaml',
      'taxi-fare-train-pipeline.yaml',
    ]);
  });

  it.each(componentFiles)(
    'component %s matches the command component schema',
    file => {
      const component = load(path.join(componentDir, file));
      expect(validateComponent(component)).toBe(true);
      for (const ref of component.command.match(
        /\$\{\{(inputs|outputs)\.\w+\}\}/g,
      ) ?? []) {
        const [, kind, name] = /\$\{\{(\w+)\.(\w+)\}\}/.exec(ref)!;
        expect({ ref, declared: name in (component[kind] ?? {}) }).toEqual({
          ref,
          declared: true,
        });
      }
      expect(fs.existsSync(path.resolve(componentDir, component.code))).toBe(
        true,
      );
      const conda = component.environment.conda_file;
      expect(fs.existsSync(path.resolve(componentDir, conda))).toBe(true);
    },
  );

  describe.each(pipelineFiles)('%s', file => {
    const pipeline = load(path.join(pipelinesDir, file));
    const componentOf = (step: string) =>
      load(
        path.resolve(
          pipelinesDir,
          pipeline.jobs[step].component.replace(
            /^\.\.\//,
            `${path.relative(pipelinesDir, projectDir)}/`,
          ),
        ),
      );

    it('matches the pipeline job schema', () => {
      expect(validatePipeline(pipeline)).toBe(true);
    });

    it('binds only to inputs and outputs that exist', () => {
      const problems: string[] = [];
      for (const [stepName, step] of Object.entries<any>(pipeline.jobs)) {
        if (step.type !== 'command') continue;
        const component = componentOf(stepName);
        for (const name of Object.keys(step.inputs ?? {})) {
          if (!(name in component.inputs))
            problems.push(`${stepName}: unknown input ${name}`);
        }
        for (const name of Object.keys(step.outputs ?? {})) {
          if (!(name in component.outputs))
            problems.push(`${stepName}: unknown output ${name}`);
        }
        for (const [name, spec] of Object.entries<any>(component.inputs)) {
          const required = !spec.optional && spec.default === undefined;
          if (required && !(name in (step.inputs ?? {}))) {
            problems.push(`${stepName}: required input ${name} not bound`);
          }
        }
      }
      const bindings =
        JSON.stringify(pipeline).match(/\$\{\{parent\.[^}]+\}\}/g) ?? [];
      for (const binding of bindings) {
        const parts = binding.slice('${{parent.'.length, -2).split('.');
        let ok: boolean;
        if (parts[0] === 'inputs' || parts[0] === 'outputs') {
          ok = parts[1] in pipeline[parts[0]];
        } else if (parts.length === 2) {
          ok = parts[1] in pipeline.jobs;
        } else {
          ok = parts[3] in componentOf(parts[1]).outputs;
        }
        if (!ok) problems.push(`dangling binding ${binding}`);
      }
      expect(problems).toEqual([]);
    });
  });

  it('gates register on the decision folder compare writes (no control-flow node)', () => {
    const pipeline = load(
      path.join(pipelinesDir, 'taxi-fare-train-pipeline.yaml'),
    );
    expect(Object.keys(pipeline.jobs)).toEqual([
      'transform',
      'train',
      'compare',
      'register',
      'score',
    ]);
    expect(
      Object.values<any>(pipeline.jobs).every(job => job.type === 'command'),
    ).toBe(true);
    expect(pipeline.jobs.register.inputs.decision).toBe(
      '${{parent.jobs.compare.outputs.decision}}',
    );
    const compare = load(path.join(componentDir, 'compare.yaml'));
    expect(compare.outputs).toEqual({
      decision: expect.objectContaining({ type: 'uri_folder' }),
    });
  });

  it('rejects a misspelt field at the top or in a step (the schema is strict there)', () => {
    const pipeline = load(
      path.join(pipelinesDir, 'taxi-fare-train-pipeline.yaml'),
    );
    expect(validatePipeline({ ...pipeline, experiment: 'x' })).not.toBe(true);
    expect(
      validatePipeline({
        ...pipeline,
        jobs: {
          ...pipeline.jobs,
          train: { ...pipeline.jobs.train, compnent: 'x' },
        },
      }),
    ).not.toBe(true);
  });
});
