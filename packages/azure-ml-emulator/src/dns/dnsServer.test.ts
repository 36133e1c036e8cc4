import { promises as dns } from 'node:dns';
import { createAzureMlEmulator } from '../createAzureMlEmulator';
import { Faults } from '../faults';
import {
  CENTRAL_DNS,
  DEV,
  PROD,
  PUBLIC_AZUREML_IP,
  WRONG_PRIVATE_IP,
} from '../seed/constants';
import { DnsServerHandle, startDnsServer } from './startDnsServer';
import { resolveName } from './resolveName';

const emulator = createAzureMlEmulator();
const faults = emulator.faults as Faults;
const guidOf = (name: string) =>
  Object.values(emulator.state.workspaces).find(w => w.name === name)!
    .properties.workspaceId as string;
const devGuid = guidOf(DEV.workspace);
const prodGuid = guidOf(PROD.workspace);
const devApi = `${devGuid}.workspace.westeurope.api.azureml.ms`;
const devNotebooks = `ml-mlw-dev-westeurope-${devGuid}.westeurope.notebooks.azure.net`;

let server: DnsServerHandle;
let resolver: dns.Resolver;

beforeAll(async () => {
  server = await startDnsServer({
    state: () => emulator.state,
    faults,
    port: 0,
  });
  resolver = new dns.Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([`127.0.0.1:${server.port}`]);
});
afterEach(() => emulator.faults.reset());
afterAll(() => server.close());

describe('DNS server over UDP on loopback', () => {
  it('answers the workspace API name: CNAME to privatelink, then the private endpoint IP', async () => {
    expect(await resolver.resolveCname(devApi)).toEqual([
      `${devGuid}.workspace.westeurope.privatelink.api.azureml.ms`,
    ]);
    expect(await resolver.resolve4(devApi)).toEqual(['10.10.2.4']);
    expect(
      await resolver.resolve4(
        `${prodGuid}.workspace.westeurope.api.azureml.ms`,
      ),
    ).toEqual(['10.20.2.4']);
  });

  it('answers notebooks, inference wildcard and compute instance names', async () => {
    expect(await resolver.resolve4(devNotebooks)).toEqual(['10.10.2.6']);
    expect(
      await resolver.resolve4(
        `my-endpoint.${devGuid}.inference.westeurope.api.azureml.ms`,
      ),
    ).toEqual(['10.10.2.7']);
    // Instances resolve to the workspace endpoint IP, under both documented suffixes.
    expect(
      await resolver.resolve4(
        `${DEV.computeInstance}.westeurope.${CENTRAL_DNS.zones.instances}`,
      ),
    ).toEqual(['10.10.2.4']);
    expect(
      await resolver.resolve4(
        `${DEV.computeInstance}.westeurope.instances.ml.azure.ms`,
      ),
    ).toEqual(['10.10.2.4']);
  });

  it('answers NXDOMAIN for unknown names and for the nxdomain fault', async () => {
    await expect(
      resolver.resolve4('nope.workspace.westeurope.api.azureml.ms'),
    ).rejects.toMatchObject({ code: 'ENOTFOUND' });
    emulator.faults.set({ dns: { nxdomain: [devApi] } });
    await expect(resolver.resolve4(devApi)).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });

  it('answers a public IP or a wrong private IP when told to', async () => {
    emulator.faults.set({
      dns: { publicIp: ['*.notebooks.azure.net'], wrongPrivateIp: [devApi] },
    });
    expect(await resolver.resolve4(devNotebooks)).toEqual([PUBLIC_AZUREML_IP]);
    expect(await resolver.resolve4(devApi)).toEqual([WRONG_PRIVATE_IP]);
  });

  it('falls back to the public answer when the zone is not linked to the VNet', async () => {
    emulator.faults.set({
      dns: {
        missingZoneLink: [
          {
            zone: CENTRAL_DNS.zones.notebooks,
            virtualNetwork: DEV.virtualNetwork,
          },
        ],
      },
    });
    expect(await resolver.resolve4(devNotebooks)).toEqual([PUBLIC_AZUREML_IP]);
    expect(await resolver.resolve4(devApi)).toEqual(['10.10.2.4']);
    expect(
      await resolver.resolve4(
        `ml-mlw-prod-westeurope-${prodGuid}.westeurope.notebooks.azure.net`,
      ),
    ).toEqual(['10.20.2.6']);
  });
});

describe('resolveName', () => {
  it('resolves the registry private-link name from the same state', () => {
    const registry = Object.values(emulator.state.privateEndpoints).find(
      p => p.name === 'pe-mlr-dev',
    )!;
    const fqdn = registry.properties.customDnsConfigs[0].fqdn;
    expect(resolveName(emulator.state, faults, fqdn)).toEqual({
      rcode: 'NOERROR',
      answers: [{ name: fqdn, type: 'A', ttl: 10, data: '10.10.2.10' }],
    });
  });
});
