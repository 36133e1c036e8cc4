import { promises as dns } from 'node:dns';
import { setupServer } from 'msw/node';
import { createAzureMlEmulator } from '../createAzureMlEmulator';
import { Faults } from '../faults';
import { CENTRAL_DNS, DEV, PROD } from '../seed/constants';
import { DnsServerHandle, startDnsServer } from './startDnsServer';

const ARM = 'https://management.azure.com';
const emulator = createAzureMlEmulator();
const server = setupServer(...emulator.handlers);
const devGuid = Object.values(emulator.state.workspaces).find(
  w => w.name === DEV.workspace,
)!.properties.workspaceId as string;
const devApiRecord = `${devGuid}.workspace.westeurope.privatelink.api.azureml.ms`;
const devApi = `${devGuid}.workspace.westeurope.api.azureml.ms`;
const devInstance = `${DEV.computeInstance}.westeurope.${CENTRAL_DNS.zones.instances}`;
const zonesRg = `/subscriptions/${CENTRAL_DNS.subscriptionId}/resourceGroups/${CENTRAL_DNS.resourceGroup}/providers/Microsoft.Network/privateDnsZones`;
const DNS_API = 'api-version=2024-06-01';

let dnsServer: DnsServerHandle;
let resolver: dns.Resolver;

const getJson = async (path: string) => {
  const res = await fetch(`${ARM}${path}`);
  return { status: res.status, body: await res.json() };
};
const aRecords = async (zone: string) =>
  (await getJson(`${zonesRg}/${zone}/A?${DNS_API}`)).body.value as any[];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  dnsServer = await startDnsServer({
    state: () => emulator.state,
    faults: emulator.faults as Faults,
    port: 0,
  });
  resolver = new dns.Resolver({ timeout: 300, tries: 1 });
  resolver.setServers([`127.0.0.1:${dnsServer.port}`]);
});
afterEach(() => emulator.faults.reset());
afterAll(async () => {
  server.close();
  await dnsServer.close();
});

describe('workspace children read by DNS validation', () => {
  const ws = `/subscriptions/${DEV.subscriptionId}/resourceGroups/${DEV.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${DEV.workspace}`;

  it('lists the private endpoint connections (one page, no nextLink)', async () => {
    const { status, body } = await getJson(
      `${ws}/privateEndpointConnections?api-version=2024-04-01`,
    );
    expect(status).toBe(200);
    expect(body.nextLink).toBeUndefined();
    expect(body.value).toHaveLength(1);
    expect(body.value[0].properties.privateEndpoint.id).toMatch(
      /\/privateEndpoints\/pe-mlw-dev$/,
    );
    const one = await getJson(
      `${ws}/privateEndpointConnections/${body.value[0].name}?api-version=2024-04-01`,
    );
    expect(one.body.id).toBe(body.value[0].id);
  });

  it('lists the compute instance', async () => {
    const { body } = await getJson(`${ws}/computes?api-version=2024-04-01`);
    expect(
      body.value.map((c: any) => [c.name, c.properties.computeType]),
    ).toEqual([[DEV.computeInstance, 'ComputeInstance']]);
  });
});

describe('control-plane DNS faults: ARM and the DNS server agree', () => {
  it('missingRecord removes the A record set and the name stops resolving', async () => {
    emulator.faults.set({ dns: { missingRecord: [devApiRecord] } });
    const names = (await aRecords(CENTRAL_DNS.zones.api)).map(r => r.name);
    expect(names).not.toContain(`${devGuid}.workspace.westeurope`);
    await expect(resolver.resolve4(devApi)).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });

  it('wrongRecordIp changes the record and the answer', async () => {
    emulator.faults.set({ dns: { wrongRecordIp: [devApiRecord] } });
    const record = (await aRecords(CENTRAL_DNS.zones.api)).find(
      r => r.name === `${devGuid}.workspace.westeurope`,
    );
    expect(record.properties.aRecords).toEqual([
      { ipv4Address: '10.10.2.250' },
    ]);
    expect(await resolver.resolve4(devApi)).toEqual(['10.10.2.250']);
  });

  it('emptyZone empties the instances zone', async () => {
    expect(await resolver.resolve4(devInstance)).toEqual(['10.10.2.4']);
    emulator.faults.set({ dns: { emptyZone: [CENTRAL_DNS.zones.instances] } });
    expect(await aRecords(CENTRAL_DNS.zones.instances)).toEqual([]);
    const zone = await getJson(
      `${zonesRg}/${CENTRAL_DNS.zones.instances}?${DNS_API}`,
    );
    expect(zone.body.properties.numberOfRecordSets).toBe(1); // the SOA
    await expect(resolver.resolve4(devInstance)).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });

  it('shadowZone adds a per-environment copy of a central zone', async () => {
    emulator.faults.set({
      dns: {
        shadowZone: [
          { zone: CENTRAL_DNS.zones.notebooks, environment: 'prod' },
        ],
      },
    });
    const list = await getJson(
      `/subscriptions/${PROD.subscriptionId}/providers/Microsoft.Network/privateDnsZones?${DNS_API}`,
    );
    expect(list.body.value.map((z: any) => z.id)).toEqual([
      `/subscriptions/${PROD.subscriptionId}/resourceGroups/${PROD.resourceGroup}/providers/Microsoft.Network/privateDnsZones/${CENTRAL_DNS.zones.notebooks}`,
    ]);
    const links = await getJson(
      `/subscriptions/${PROD.subscriptionId}/resourceGroups/${PROD.resourceGroup}/providers/Microsoft.Network/privateDnsZones/${CENTRAL_DNS.zones.notebooks}/virtualNetworkLinks?${DNS_API}`,
    );
    expect(links.body.value[0].properties.virtualNetwork.id).toMatch(
      /vnet-aml-prod$/,
    );
  });

  it('timeout: the DNS server does not answer', async () => {
    emulator.faults.set({ dns: { timeout: [devApi] } });
    await expect(resolver.resolve4(devApi)).rejects.toMatchObject({
      code: 'ETIMEOUT',
    });
  });
});
