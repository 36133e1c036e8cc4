import { EnvironmentConfig } from '@internal/plugin-azure-ml-node';
import { EnvironmentDnsFacts, EndpointFacts, ZoneFacts } from './DnsArmReader';
import {
  API_ZONE,
  controlPlaneFindings,
  expectedNames,
  NOTEBOOKS_ZONE,
} from './controlPlane';

const SUB = '/subscriptions/s1';
const VNET = `${SUB}/resourceGroups/rg-env/providers/Microsoft.Network/virtualNetworks/vnet-env`;
const CENTRAL = `${SUB}/resourceGroups/rg-aml-dns/providers/Microsoft.Network/privateDnsZones`;
const INSTANCES = 'instances.azureml.ms';
const env: EnvironmentConfig = {
  name: 'env',
  subscriptionId: 's1',
  resourceGroup: 'rg-env',
  workspace: 'mlw-env',
  registry: 'mlr-env',
  location: 'westeurope',
};
const options = {
  centralZoneResourceGroup: 'rg-aml-dns',
  instancesZone: INSTANCES,
};

function zone(name: string, records: Array<[string, string]>): ZoneFacts {
  return {
    zone: { id: `${CENTRAL}/${name}`, name },
    aRecords: records.map(([rel, ip]) => ({
      name: rel,
      properties: { aRecords: [{ ipv4Address: ip }] },
    })),
    links: [
      {
        name: 'link-env',
        properties: {
          virtualNetwork: { id: VNET.toUpperCase() },
          virtualNetworkLinkState: 'Completed',
        },
      },
    ],
  };
}

function endpoint(
  owner: EndpointFacts['owner'],
  names: Array<[string, string]>,
  zones: string[],
): EndpointFacts {
  return {
    owner,
    id: `${SUB}/resourceGroups/rg-env/providers/Microsoft.Network/privateEndpoints/pe-${owner}`,
    name: `pe-${owner}`,
    connectionStatus: 'Approved',
    virtualNetworkId: VNET,
    names: new Map(names),
    zoneGroups: [
      {
        name: 'default',
        properties: {
          privateDnsZoneConfigs: zones.map(z => ({
            properties: { privateDnsZoneId: `${CENTRAL}/${z}` },
          })),
        },
      },
    ],
  };
}

function healthy(): EnvironmentDnsFacts {
  return {
    endpoints: [
      endpoint(
        'workspace',
        [
          ['g1.workspace.westeurope.api.azureml.ms', '10.0.2.4'],
          [
            'ml-mlw-env-westeurope-g1.westeurope.notebooks.azure.net',
            '10.0.2.6',
          ],
        ],
        [API_ZONE, NOTEBOOKS_ZONE],
      ),
      endpoint(
        'registry',
        [['r1.registry.westeurope.privatelink.api.azureml.ms', '10.0.2.10']],
        [API_ZONE],
      ),
    ],
    computeInstances: ['ci-1'],
    centralZones: new Map([
      [
        API_ZONE,
        zone(API_ZONE, [
          ['g1.workspace.westeurope', '10.0.2.4'],
          ['r1.registry.westeurope', '10.0.2.10'],
        ]),
      ],
      [
        NOTEBOOKS_ZONE,
        zone(NOTEBOOKS_ZONE, [
          ['ml-mlw-env-westeurope-g1.westeurope', '10.0.2.6'],
        ]),
      ],
      // A wildcard answers every instance of the region.
      [INSTANCES, zone(INSTANCES, [['*.westeurope', '10.0.2.4']])],
    ]),
    duplicateZones: [],
    armReads: 0,
  };
}

const check = (facts: EnvironmentDnsFacts) =>
  controlPlaneFindings(
    env,
    facts,
    expectedNames(env, facts, options),
    options,
  ).map(f => `${f.severity} ${f.check} ${f.fqdn}`);

describe('controlPlaneFindings', () => {
  it('passes a healthy environment (ids compared case-insensitively, wildcard instance record)', () => {
    expect(check(healthy())).toEqual([]);
    expect(
      expectedNames(env, healthy(), options).find(
        n => n.source === 'computeInstance',
      ),
    ).toMatchObject({
      fqdn: 'ci-1.westeurope.instances.azureml.ms',
      expectedIp: '10.0.2.4',
    });
  });

  it('reports an endpoint that is not approved', () => {
    const facts = healthy();
    facts.endpoints[1].connectionStatus = 'Pending';
    expect(check(facts)).toEqual(['error endpoint.not-approved pe-registry']);
  });

  it('reports a zone group that points at another zone of the same name', () => {
    const facts = healthy();
    facts.endpoints[0].zoneGroups[0].properties!.privateDnsZoneConfigs![1] = {
      properties: {
        privateDnsZoneId: `${SUB}/resourceGroups/rg-env/providers/Microsoft.Network/privateDnsZones/${NOTEBOOKS_ZONE}`,
      },
    };
    expect(check(facts)).toEqual([
      `error zonegroup.not-central ${NOTEBOOKS_ZONE}`,
    ]);
  });

  it('warns about a link still in progress, and fails a missing zone', () => {
    const facts = healthy();
    facts.centralZones.get(
      API_ZONE,
    )!.links[0].properties!.virtualNetworkLinkState = 'InProgress';
    facts.centralZones.delete(NOTEBOOKS_ZONE);
    expect(check(facts)).toEqual([
      `warning zone.not-linked ${API_ZONE}`,
      `error zone.missing ${NOTEBOOKS_ZONE}`,
    ]);
  });

  it('tells a shadowing duplicate zone (error) from a left-over one (warning)', () => {
    const facts = healthy();
    const dup = (rg: string, linked: boolean) => ({
      zone: {
        id: `${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/${API_ZONE}`,
        name: API_ZONE,
      },
      links: linked
        ? [{ name: 'l', properties: { virtualNetwork: { id: VNET } } }]
        : [],
    });
    facts.duplicateZones = [
      dup('rg-other', true),
      dup('rg-env', false),
      dup('rg-unrelated', false),
    ];
    expect(check(facts)).toEqual([
      `error zone.shadowed ${API_ZONE}`,
      `warning zone.shadowed ${API_ZONE}`,
    ]);
  });

  it('prefers an exact instance record over the wildcard', () => {
    const facts = healthy();
    facts.centralZones.get(INSTANCES)!.aRecords.push({
      name: 'ci-1.westeurope',
      properties: { aRecords: [{ ipv4Address: '10.0.3.7' }] },
    });
    expect(check(facts)).toEqual([
      'error record.wrong-ip ci-1.westeurope.instances.azureml.ms',
    ]);
  });
});
