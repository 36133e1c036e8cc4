import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readAzureMlConfig } from '@internal/plugin-azure-ml-node';

const environments = {
  dev: {
    subscriptionId: '11111111-1111-4111-8111-111111111111',
    resourceGroup: 'rg-aml-dev',
    workspace: 'mlw-dev',
    registry: 'mlr-dev',
    location: 'westeurope',
  },
};
const read = (dns?: JsonObject) =>
  readAzureMlConfig(
    new ConfigReader({ azureMl: { environments, ...(dns && { dns }) } }),
  ).dns;

describe('azureMl.dns', () => {
  it('has defaults: system resolver, rg-aml-dns, instances.azureml.ms, hourly, step 4 pending', () => {
    expect(read()).toEqual({
      centralZoneSubscriptionId: undefined,
      centralZoneResourceGroup: 'rg-aml-dns',
      instancesZone: 'instances.azureml.ms',
      resolvers: [],
      lookupTimeoutMs: 2000,
      schedule: { enabled: true, frequencyMs: 3_600_000 },
      validators: [],
      keepRuns: 200,
      migrationStep4: { state: 'PENDING' },
    });
  });

  it('reads every key', () => {
    expect(
      read({
        centralZoneSubscriptionId: '22222222-2222-4222-8222-222222222222',
        instancesZone: 'instances.ml.azure.ms',
        resolvers: ['10.0.0.4', '127.0.0.1:5354'],
        schedule: { enabled: false, frequencyMinutes: 15 },
        migrationStep4: { state: 'COMPLETE', note: 'done on 2026-12-01' },
      }),
    ).toMatchObject({
      centralZoneSubscriptionId: '22222222-2222-4222-8222-222222222222',
      instancesZone: 'instances.ml.azure.ms',
      resolvers: ['10.0.0.4', '127.0.0.1:5354'],
      schedule: { enabled: false, frequencyMs: 900_000 },
      migrationStep4: { state: 'COMPLETE', note: 'done on 2026-12-01' },
    });
  });

  it('names the bad key', () => {
    expect(() => read({ resolvers: ['dns.example.com'] })).toThrow(
      'azureMl.dns.resolvers.0 must be an IP address or ip:port',
    );
    expect(() => read({ instancesZone: 'privatelink.api.azureml.ms' })).toThrow(
      /azureMl\.dns\.instancesZone/,
    );
    expect(() => read({ resolver: [] })).toThrow(
      "azureMl.dns has unknown key(s) 'resolver'",
    );
  });
});
