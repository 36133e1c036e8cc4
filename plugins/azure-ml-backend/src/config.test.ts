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
      readBudget: { perSecond: 20, burst: 20 },
    });
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
  ])('rejects %j naming the key', (azureMl, message) => {
    expect(() => read(azureMl)).toThrow(message);
  });
});
