import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readAzureMlConfig } from './config';

const dev = {
  subscriptionId: '11111111-1111-4111-8111-111111111111',
  resourceGroup: 'rg-aml-dev',
  workspace: 'mlw-dev',
  registry: 'mlr-dev',
  location: 'westeurope',
};

const { registry: _registry, ...devWithoutRegistry } = dev;

function read(azureMl: JsonValue | undefined) {
  return readAzureMlConfig(
    new ConfigReader(azureMl === undefined ? {} : { azureMl }),
  );
}

describe('readAzureMlConfig', () => {
  it('fills defaults', () => {
    const config = read({ environments: { dev } });
    expect(config.arm).toEqual({
      endpoint: 'https://management.azure.com',
      credential: 'default',
      maxRetries: 3,
      retryDelayMs: 800,
      pollIntervalMs: 1000,
      readBudget: { perSecond: 20, burst: 20 },
      attemptTimeoutMs: 10_000,
      deadlineMs: 30_000,
    });
    expect(config.promotion).toBeUndefined();
    expect(config.cache.enabled).toBe(true);
    expect(config.cache.ttl.modelVersions).toBe(60_000);
    expect(config.environments).toEqual([{ name: 'dev', ...dev }]);
  });

  it.each([
    [undefined, /azureMl.environments is required/],
    [{}, /azureMl.environments is required/],
    [{ environments: {} }, /azureMl.environments must declare at least one/],
    [
      { environments: { dev: { ...dev, subscriptionId: 'nope' } } },
      /azureMl.environments.dev.subscriptionId must be a subscription GUID/,
    ],
    [
      { environments: { dev: devWithoutRegistry } },
      /azureMl.environments.dev.registry is required/,
    ],
    [
      { arm: { credential: 'secret' }, environments: { dev } },
      /azureMl.arm.credential/,
    ],
    [
      { arm: { endpoint: 'not a url' }, environments: { dev } },
      /azureMl.arm.endpoint must be an absolute URL/,
    ],
    [
      { arm: { readBudget: { perSecond: 0 } }, environments: { dev } },
      /azureMl.arm.readBudget.perSecond/,
    ],
    [
      { cache: { ttlSeconds: { models: 5 } }, environments: { dev } },
      /azureMl.cache.ttlSeconds has unknown key\(s\) 'models'/,
    ],
    [
      { environments: { dev }, promotion: { from: 'dev', to: 'prod' } },
      /azureMl.promotion.to 'prod' is not a key of azureMl.environments/,
    ],
    [
      { environments: { dev }, promotion: { from: 'dev', to: 'dev' } },
      /azureMl.promotion.to must differ from azureMl.promotion.from/,
    ],
    [
      {
        environments: { dev },
        promotion: { from: 'dev', to: 'dev', policy: [{ metric: 'rmse' }] },
      },
      /azureMl.promotion.policy/,
    ],
  ])('rejects %j naming the key', (azureMl, message) => {
    expect(() => read(azureMl)).toThrow(message);
  });

  it('reads the promotion section: list or per-model policy, defaults', () => {
    const prod = { ...dev, registry: 'mlr-prod' };
    const listed = read({
      environments: { dev, prod },
      promotion: {
        from: 'dev',
        to: 'prod',
        policy: [
          { metric: 'rmse', compare: 'champion', direction: 'lower' },
          { metric: 'r2', min: 0.7 },
          { tag: 'data_version' },
        ],
      },
    }).promotion;
    expect(listed).toEqual({
      from: 'dev',
      to: 'prod',
      requireApproval: true,
      aliasTag: 'champion',
      approvers: [],
      defaultRules: [
        { kind: 'compare', metric: 'rmse', direction: 'lower', tolerance: 0 },
        { kind: 'threshold', metric: 'r2', min: 0.7, max: undefined },
        { kind: 'tag', tag: 'data_version', value: undefined },
      ],
      modelRules: {},
      pollIntervalMs: 5000,
      maxAttempts: 8,
      retryDelayMs: 2000,
      leaseMs: 600_000,
      startOnApproval: true,
    });
    const perModel = read({
      environments: { dev, prod },
      promotion: {
        from: 'dev',
        to: 'prod',
        requireApproval: false,
        approvers: ['group:default/ml-platform'],
        policy: { models: { 'taxi-fare-model': [{ metric: 'mae', max: 2 }] } },
      },
    }).promotion;
    expect(perModel?.defaultRules).toEqual([]);
    expect(perModel?.approvers).toEqual(['group:default/ml-platform']);
    expect(perModel?.modelRules['taxi-fare-model']).toEqual([
      { kind: 'threshold', metric: 'mae', min: undefined, max: 2 },
    ]);
  });
});
