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

const validInput = {
  name: 'abc',
  owner: 'group:default/ml',
  modelName: 'm',
  experimentName: 'e',
  computeName: 'cpu-cluster',
  environments: ['dev', 'prod'],
};

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

  it('refuses prod without dev: models reach prod only through promotion', async () => {
    const ctx = createMockActionContext({
      input: { ...validInput, environments: ['prod'] },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /"environments" \[prod\] without dev would register models straight into prod and skip the governed promotion from dev/,
    );
  });

  it('checks the kinds of the owner and system references', async () => {
    const ctx = createMockActionContext({
      input: {
        ...validInput,
        owner: 'system:default/taxi',
        system: 'group:default/ml',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /"owner" must reference a group or user entity, not a system.*"system" must reference a system entity, not a group/,
    );
    const user = createMockActionContext({
      input: { ...validInput, owner: 'user:default/guest' },
    });
    await action.handler(user);
  });

  it('outputs the owner and system as full entity references, whatever form they came in', async () => {
    const ctx = createMockActionContext({
      input: { ...validInput, owner: 'ml-platform', system: 'taxi-fare' },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'owner',
      'group:default/ml-platform',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'system',
      'system:default/taxi-fare',
    );
  });

  it.each(['cpu-cluster-1', 'c', '1cpu', 'cpu-', 'a'.repeat(25)])(
    'refuses the compute name %s as Azure does',
    async computeName => {
      const ctx = createMockActionContext({
        input: { ...validInput, computeName },
      });
      await expect(action.handler(ctx)).rejects.toThrow(/"computeName"/);
    },
  );

  it('outputs the repository variables of the training and serving environments', async () => {
    const full = new ConfigReader({
      azureMl: {
        environments: {
          dev: {
            subscriptionId: 's-dev',
            resourceGroup: 'rg-dev',
            workspace: 'ws-dev',
            registry: 'mlr-dev',
          },
          prod: { registry: 'mlr-prod' },
        },
      },
    });
    const ctx = createMockActionContext({ input: validInput });
    await createProjectValidateAction({ config: full }).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('serveEnvironment', 'prod');
    expect(ctx.output).toHaveBeenCalledWith('repoVariables', {
      AML_TRAIN_SUBSCRIPTION_ID: 's-dev',
      AML_TRAIN_RESOURCE_GROUP: 'rg-dev',
      AML_TRAIN_WORKSPACE: 'ws-dev',
      AML_TRAIN_REGISTRY: 'mlr-dev',
      AML_SERVE_REGISTRY: 'mlr-prod',
    });
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
