import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CENTRAL_DNS, DEV, PROD } from '@internal/azure-ml-emulator';
import { DnsFinding } from '@internal/plugin-azure-ml-common';
import {
  AzureMlClient,
  AzureMlConfig,
  readAzureMlConfig,
} from '@internal/plugin-azure-ml-node';
import { useDnsEmulator } from '../../__testUtils__/dnsEmulator';
import { ARM, seedEnvironments } from '../../__testUtils__/promotionBackend';
import { validateEnvironmentDns } from './DnsValidationService';

jest.setTimeout(60_000);

const { emulator, resolver, guidOf } = useDnsEmulator();
const devGuid = guidOf(DEV.workspace);
const devApi = `${devGuid}.workspace.westeurope.api.azureml.ms`;
const devApiRecord = `${devGuid}.workspace.westeurope.privatelink.api.azureml.ms`;
const devNotebooks = `ml-mlw-dev-westeurope-${devGuid}.westeurope.notebooks.azure.net`;
const devInstance = `${DEV.computeInstance}.westeurope.instances.azureml.ms`;

let config: AzureMlConfig;
let client: AzureMlClient;

beforeAll(() => {
  config = readAzureMlConfig(
    new ConfigReader({
      azureMl: {
        arm: { endpoint: ARM, credential: 'none' },
        environments: seedEnvironments,
        dns: {
          centralZoneSubscriptionId: CENTRAL_DNS.subscriptionId,
          centralZoneResourceGroup: CENTRAL_DNS.resourceGroup,
          resolvers: [resolver()],
          lookupTimeoutMs: 300,
        },
      },
    }),
  );
  client = AzureMlClient.fromConfig(config, {
    logger: mockServices.logger.mock(),
  });
});

const validate = (name: 'dev' | 'prod', dnsConfig = config.dns) =>
  validateEnvironmentDns(config.environments.find(e => e.name === name)!, {
    config: dnsConfig,
    client,
  });

const summary = (findings: DnsFinding[]) =>
  findings.map(f => `${f.check} ${f.fqdn}`).sort();

describe('validateEnvironmentDns against the emulator (ARM over msw, DNS over UDP)', () => {
  it.each(['dev', 'prod'] as const)(
    'the healthy %s environment passes with zero findings',
    async name => {
      const run = await validate(name);
      expect(run.findings).toEqual([]);
      expect(run.status).toBe('passed');
      expect(run.names.map(n => n.source).sort()).toEqual([
        'computeInstance',
        'registry',
        'workspace',
        'workspace',
        'workspace',
        'workspace',
      ]);
      for (const n of run.names) expect(n.resolvedIps).toEqual([n.expectedIp]);
      expect(run.migration.map(s => s.state)).toEqual([
        'COMPLETE',
        'COMPLETE',
        'COMPLETE',
        'PENDING',
      ]);
      // Every ARM read is counted, and it is well within the read budget.
      expect(run.armReads).toBe(emulator.stats.armCalls);
      expect(run.armReads).toBeLessThanOrEqual(20);
    },
  );

  const zoneOf = {
    api: 'privatelink.api.azureml.ms',
    notebooks: 'privatelink.notebooks.azure.net',
    instances: 'instances.azureml.ms',
  };

  it.each([
    {
      fault: 'missing A record',
      dns: { missingRecord: [devApiRecord] },
      expected: [`record.missing ${devApi}`, `resolve.nxdomain ${devApi}`],
      remediation: `Add A record ${devGuid}.workspace.westeurope → 10.10.2.4 in zone ${zoneOf.api}`,
    },
    {
      fault: 'record with a wrong IP',
      dns: { wrongRecordIp: [devApiRecord] },
      expected: [`record.wrong-ip ${devApi}`, `resolve.wrong-ip ${devApi}`],
      remediation: `Set A record ${devGuid}.workspace.westeurope in zone ${zoneOf.api} to 10.10.2.4`,
    },
    {
      fault: 'zone not linked to the VNet',
      dns: {
        missingZoneLink: [
          { zone: zoneOf.notebooks, virtualNetwork: DEV.virtualNetwork },
        ],
      },
      expected: [
        `resolve.public-ip ${devNotebooks}`,
        `zone.not-linked ${zoneOf.notebooks}`,
      ],
      remediation: `Link zone ${zoneOf.notebooks} (rg-aml-dns) to vnet-aml-dev.`,
    },
    {
      fault: 'empty instances zone',
      dns: { emptyZone: [zoneOf.instances] },
      expected: [
        `resolve.nxdomain ${devInstance}`,
        `zone.empty ${zoneOf.instances}`,
      ],
      remediation: `Add an A record *.westeurope (or one per compute instance) pointing to the workspace endpoint's IP 10.10.2.4 in zone ${zoneOf.instances}`,
    },
    {
      fault: 'per-environment zone shadowing the central one',
      dns: { shadowZone: [{ zone: zoneOf.notebooks, environment: 'dev' }] },
      expected: [`zone.shadowed ${zoneOf.notebooks}`],
      remediation: `Unlink the per-environment zone ${zoneOf.notebooks} in rg-aml-dev from vnet-aml-dev and delete it`,
    },
    {
      fault: 'NXDOMAIN on resolution',
      dns: { nxdomain: [devApi] },
      expected: [`resolve.nxdomain ${devApi}`],
      remediation: `Make ${devApi} resolvable through 127.0.0.1:`,
    },
    {
      fault: 'resolution to a public IP',
      dns: { publicIp: [devNotebooks] },
      expected: [`resolve.public-ip ${devNotebooks}`],
      remediation: `answers ${devNotebooks} from public DNS: link zone ${zoneOf.notebooks}`,
    },
    {
      fault: 'resolution timeout',
      dns: { timeout: [devApi] },
      expected: [`resolve.timeout ${devApi}`],
      remediation: 'it did not answer',
    },
  ])(
    '$fault: its own finding with its remediation, nothing in prod',
    async ({ dns: dnsFaults, expected, remediation }) => {
      emulator.faults.set({ dns: dnsFaults as any });
      const dev = await validate('dev');
      expect(summary(dev.findings)).toEqual(expected);
      expect(dev.status).toBe('failed');
      expect(dev.findings.some(f => f.remediation.includes(remediation))).toBe(
        true,
      );
      const prod = await validate('prod');
      // The instances zone is shared: emptying it breaks prod's instance name too, rightly.
      expect(summary(prod.findings)).toEqual(
        dnsFaults.emptyZone
          ? [
              `resolve.nxdomain ${PROD.computeInstance}.westeurope.instances.azureml.ms`,
              `zone.empty ${zoneOf.instances}`,
            ]
          : [],
      );
    },
  );

  it('resolves in parallel: two timed-out names cost one timeout', async () => {
    emulator.faults.set({ dns: { timeout: [devApi, devNotebooks] } });
    const run = await validate('dev');
    expect(run.slowestLookupMs).toBeGreaterThanOrEqual(290);
    expect(run.resolveMs).toBeLessThan(2 * run.slowestLookupMs);
  });

  it('a workspace without private endpoint connections fails, it does not pass with no names', async () => {
    const ws = Object.values(emulator.state.workspaces).find(
      w => w.name === DEV.workspace,
    )!;
    ws.properties.privateEndpointConnections = [];
    const run = await validate('dev');
    expect(run.status).toBe('failed');
    expect(summary(run.findings)).toEqual([
      `endpoint.missing ${DEV.workspace}`,
    ]);
  });

  it('uses instances.ml.azure.ms names when configured', async () => {
    const run = await validate('dev', {
      ...config.dns,
      instancesZone: 'instances.ml.azure.ms',
    });
    // The emulator's central instances zone is instances.azureml.ms: the selected zone is missing.
    expect(summary(run.findings)).toContain(
      'zone.missing instances.ml.azure.ms',
    );
  });

  describe('the migration table flips each step when its evidence goes', () => {
    it('step 1: a central zone loses its link', async () => {
      emulator.faults.set({
        dns: {
          missingZoneLink: [
            { zone: zoneOf.api, virtualNetwork: DEV.virtualNetwork },
          ],
        },
      });
      const run = await validate('dev');
      expect(run.migration[0]).toMatchObject({ step: 1, state: 'FAILED' });
      expect(run.migration[0].evidence).toContain('zone.not-linked');
    });

    it('step 2: a private endpoint loses its zone group', async () => {
      const group = Object.keys(emulator.state.privateDnsZoneGroups).find(id =>
        id.includes('/privateendpoints/pe-mlw-dev/'),
      )!;
      delete emulator.state.privateDnsZoneGroups[group];
      const run = await validate('dev');
      expect(run.migration.map(s => s.state)).toEqual([
        'COMPLETE',
        'FAILED',
        'FAILED',
        'PENDING',
      ]);
      expect(summary(run.findings)).toEqual([
        `zonegroup.missing ${zoneOf.api}`,
        `zonegroup.missing ${zoneOf.notebooks}`,
      ]);
    });

    it('step 3: any failing check; step 4 from config', async () => {
      emulator.faults.set({ dns: { nxdomain: [devApi] } });
      const run = await validate('dev', {
        ...config.dns,
        migrationStep4: { state: 'COMPLETE', note: 'prevent_destroy removed' },
      });
      expect(run.migration.map(s => s.state)).toEqual([
        'COMPLETE',
        'COMPLETE',
        'FAILED',
        'COMPLETE',
      ]);
      expect(run.migration[3].evidence).toBe('prevent_destroy removed');
    });
  });
});
