import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createEnvironmentValidateAction } from './validate';
import { examples, stagingEnvironment } from './validate.examples';

/**
 * The seed's dev and prod environments as the catalog serves them (discovered by
 * @internal/plugin-catalog-backend-module-azure-ml; only what the action reads).
 */
const seedEntities: Entity[] = [
  ['dev', '10.10.0.0/16'],
  ['prod', '10.20.0.0/16'],
].map(([name, addressSpace]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: `aml-env-${name}`,
    namespace: 'default',
    annotations: {
      'ml.azure.com/address-space': addressSpace,
      'ml.azure.com/location': 'westeurope',
      'ml.azure.com/workspace': `mlw-${name}`,
      'ml.azure.com/registry': `mlr-${name}`,
      'ml.azure.com/resource-group': `rg-aml-${name}`,
    },
  },
  spec: {
    type: 'azure-ml-environment',
    owner: 'group:default/ml-platform',
    dependsOn: ['resource:default/aml-dns-central'],
  },
}));

describe('azure-ml:environment:validate', () => {
  const action = createEnvironmentValidateAction({
    catalog: catalogServiceMock({ entities: seedEntities }),
  });

  it('runs its first example against the seed environments', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
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

  it('reads the catalog with the credentials of the task initiator', async () => {
    const catalog = catalogServiceMock.mock({
      getEntities: async () => ({ items: seedEntities }),
    });
    const ctx = createMockActionContext({ input: stagingEnvironment });
    await createEnvironmentValidateAction({ catalog }).handler(ctx);
    expect(catalog.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          kind: 'Resource',
          'spec.type': [
            'azure-ml-environment',
            'azure-ml-environment-definition',
          ],
        },
      }),
      { credentials: await ctx.getInitiatorCredentials() },
    );
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
