import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { examples } from './validate.examples';
import { createProjectValidateAction } from './validate';

const config = new ConfigReader({
  azureMl: {
    environments: {
      dev: { registry: 'mlr-dev' },
      prod: { registry: 'mlr-prod' },
    },
  },
});

describe('azure-ml:project:validate', () => {
  const action = createProjectValidateAction({ config });

  it('accepts its first example and outputs the environments in config order', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('environments', ['dev', 'prod']);
    expect(ctx.output).toHaveBeenCalledWith('registerEnvironment', 'dev');
  });

  it('names every invalid parameter in one message', async () => {
    const ctx = createMockActionContext({
      input: {
        name: 'X',
        owner: 'group:default/ml',
        modelName: 'm',
        experimentName: 'e',
        computeName: 'c',
        environments: ['qa'],
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /"name" must be 3-32 characters.*"computeName".*"environments" must be among dev, prod \(unknown: qa\)/,
    );
  });

  it('falls back to dev and prod without platform config', async () => {
    const ctx = createMockActionContext({
      input: {
        name: 'abc',
        owner: 'ml',
        modelName: 'm',
        experimentName: 'e',
        computeName: 'cpu',
      },
    });
    await createProjectValidateAction({ config: new ConfigReader({}) }).handler(
      ctx,
    );
    expect(ctx.output).toHaveBeenCalledWith('environments', ['dev', 'prod']);
  });
});
