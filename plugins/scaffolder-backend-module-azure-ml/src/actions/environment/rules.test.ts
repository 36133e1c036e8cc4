import {
  deriveNames,
  existingEnvironmentsFrom,
  normalizeOwner,
  validateAddressing,
  validateEnvironment,
  validateTags,
} from './rules';
import { stagingEnvironment } from './validate.examples';

const seed = [
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
];

describe('environment rules', () => {
  it('accepts the staging example beside dev and prod', () => {
    expect(validateEnvironment(stagingEnvironment, seed).problems).toEqual([]);
  });

  it('writes inputs normalized: canonical CIDRs, the owner as a full entity ref', () => {
    const { problems, values } = validateEnvironment(
      {
        ...stagingEnvironment,
        addressSpace: '10.30.0.0/16\n',
        subnets: {
          privateEndpoints: ' 10.30.1.0/24',
          bastion: '10.30.2.0/26\r\n',
          jumpbox: '10.30.3.0/24 ',
        },
        owner: 'ml-platform',
      },
      seed,
    );
    expect(problems).toEqual([]);
    expect(values).toMatchObject({
      addressSpace: '10.30.0.0/16',
      subnets: {
        privateEndpoints: '10.30.1.0/24',
        bastion: '10.30.2.0/26',
        jumpbox: '10.30.3.0/24',
      },
      owner: 'group:default/ml-platform',
    });
  });

  it.each([
    ['ml-platform', 'group:default/ml-platform'],
    ['user:default/guest', 'user:default/guest'],
    [' group:team/ml-platform\n', 'group:team/ml-platform'],
    ['component:default/x', undefined],
    ['group:default/ml platform', undefined],
    ['group:default/"x"\nevil: true', undefined],
    ['', undefined],
  ])('normalizes the owner %j to %j', (owner, expected) => {
    expect(normalizeOwner(owner)).toBe(expected);
  });

  it('names an owner that is not an entity ref', () => {
    expect(
      validateEnvironment({ ...stagingEnvironment, owner: 'a b' }, seed)
        .problems,
    ).toEqual([
      'Owner "a b" is not a valid entity ref of a group or user (e.g. group:default/ml-platform)',
    ]);
  });

  it('derives names that satisfy Azure naming rules and mirror the Terraform locals', () => {
    const names = deriveNames('nlp-dev12345', 'westeurope');
    expect(names.storageAccount).toMatch(/^stnlpdev12345[a-z0-9]{5}$/);
    expect(names.storageAccount.length).toBeLessThanOrEqual(24);
    expect(names.keyVault).toMatch(/^kv-nlp-dev12345-[a-z0-9]{5}$/);
    expect(names.workspace).toBe('mlw-nlp-dev12345');
    expect(deriveNames('nlp-dev12345', 'westeurope')).toEqual(names);
  });

  it.each([
    ['Staging', 'uppercase'],
    ['1env', 'leading digit'],
    ['a', 'too short'],
    ['verylongname13', 'too long'],
    ['dev-', 'trailing hyphen'],
    ['nlp--dev', 'double hyphen'],
    ['dev_1', 'underscore'],
  ])('rejects the invalid name %s (%s)', name => {
    const { problems } = validateEnvironment(
      { ...stagingEnvironment, name },
      seed,
    );
    expect(problems).toEqual([
      expect.stringContaining(
        `Environment name "${name}" is invalid: use 2-12 lowercase letters`,
      ),
    ]);
  });

  it('rejects an address space that overlaps an existing environment, naming it', () => {
    const problems = validateAddressing(
      '10.20.128.0/17',
      {
        privateEndpoints: '10.20.129.0/24',
        bastion: '10.20.130.0/26',
        jumpbox: '10.20.131.0/24',
      },
      seed,
    );
    expect(problems).toEqual([
      'VNet address space 10.20.128.0/17 overlaps environment "prod" (resource:default/aml-env-prod, 10.20.0.0/16); pick a range outside every existing environment',
    ]);
    // A supernet of an existing environment overlaps too.
    expect(
      validateAddressing(
        '10.0.0.0/8',
        {
          privateEndpoints: '10.30.1.0/24',
          bastion: '10.30.2.0/26',
          jumpbox: '10.30.3.0/24',
        },
        seed,
      ),
    ).toHaveLength(2);
  });

  it('rejects bad CIDR syntax, subnets outside the VNet, overlapping and undersized subnets', () => {
    const problems = validateAddressing(
      '10.30.0.0/16',
      {
        privateEndpoints: '10.31.1.0/24',
        bastion: '10.30.2.0/27',
        jumpbox: '10.30.2.0/24',
      },
      [],
    );
    expect(problems).toEqual([
      'Private endpoint subnet 10.31.1.0/24 is not inside the VNet address space 10.30.0.0/16',
      'Bastion subnet 10.30.2.0/27 is too small: Azure Bastion needs /26 or larger',
      'Bastion subnet 10.30.2.0/27 overlaps jumpbox subnet 10.30.2.0/24',
    ]);
    expect(
      validateAddressing('10.30.0.0/33', stagingEnvironment.subnets, []),
    ).toEqual([
      'VNet address space "10.30.0.0/33" is not valid CIDR notation (e.g. 10.30.0.0/16)',
    ]);
    expect(
      validateAddressing('10.30.0.1/16', stagingEnvironment.subnets, []),
    ).toEqual([
      'VNet address space "10.30.0.1/16" has host bits set; did you mean 10.30.0.0/16?',
    ]);
    expect(
      validateAddressing(
        '8.8.0.0/16',
        {
          privateEndpoints: '8.8.1.0/24',
          bastion: '8.8.2.0/26',
          jumpbox: '8.8.3.0/24',
        },
        [],
      ),
    ).toEqual([expect.stringContaining('is not a private (RFC 1918) range')]);
  });

  it.each([
    [{ team: 'ml" }\nresource "x" "y" {' }, 'contains a double quote (")'],
    [{ team: '${path.module}' }, 'contains a "${" interpolation'],
    [
      { team: '%{ for x in y }x%{ endfor }' },
      'contains a "%{" template directive',
    ],
    [{ team: 'line\nbreak' }, 'contains a line break'],
    [{ 'a"b': 'ok' }, 'Tag key "a"b" contains a double quote'],
    [{ team: 'back\\slash' }, 'contains a backslash'],
  ])('rejects HCL injection in tags: %j', (tags, message) => {
    const problems = validateTags(tags as Record<string, string>);
    expect(problems).toEqual([expect.stringContaining(message)]);
    expect(problems[0]).toContain('could inject Terraform code');
  });

  it('reads environments from catalog Resource entities', () => {
    expect(
      existingEnvironmentsFrom([
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'aml-env-dev',
            annotations: { 'ml.azure.com/address-space': '10.10.0.0/16' },
          },
          spec: { type: 'azure-ml-environment' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'no-address' },
          spec: { type: 'azure-ml-environment' },
        },
      ]),
    ).toEqual([
      {
        entityRef: 'resource:default/aml-env-dev',
        name: 'dev',
        addressSpace: '10.10.0.0/16',
      },
    ]);
  });

  it('checks every prefix of an environment, and reports an environment once', () => {
    const existing = existingEnvironmentsFrom([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'aml-env-staging',
          annotations: {
            'ml.azure.com/address-space': '10.30.0.0/16,10.31.0.0/24,fd00::/8',
          },
        },
        spec: { type: 'azure-ml-environment' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'aml-env-staging-definition',
          annotations: {
            'ml.azure.com/address-space': '10.31.0.0/24',
            'ml.azure.com/environment-ref': 'resource:default/aml-env-staging',
          },
        },
        spec: { type: 'azure-ml-environment-definition' },
      },
    ]);
    expect(existing.map(e => e.name)).toEqual(['staging', 'staging']);
    expect(
      validateAddressing(
        '10.31.0.0/16',
        {
          privateEndpoints: '10.31.1.0/24',
          bastion: '10.31.2.0/26',
          jumpbox: '10.31.3.0/24',
        },
        existing,
      ),
    ).toEqual([
      'VNet address space 10.31.0.0/16 overlaps environment "staging" (resource:default/aml-env-staging, 10.31.0.0/24); pick a range outside every existing environment',
    ]);
    // Between the prefixes: no overlap.
    expect(
      validateAddressing(
        '10.32.0.0/16',
        {
          privateEndpoints: '10.32.1.0/24',
          bastion: '10.32.2.0/26',
          jumpbox: '10.32.3.0/24',
        },
        existing,
      ),
    ).toEqual([]);
  });

  it('counts a registered definition as its environment: its range and its name are taken', () => {
    const definition = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'aml-env-nlp-definition',
        annotations: {
          'ml.azure.com/address-space': '10.40.0.0/16',
          'ml.azure.com/environment-ref': 'resource:default/aml-env-nlp',
        },
      },
      spec: { type: 'azure-ml-environment-definition' },
    };
    const existing = existingEnvironmentsFrom([definition]);
    expect(existing).toEqual([
      {
        entityRef: 'resource:default/aml-env-nlp-definition',
        name: 'nlp',
        addressSpace: '10.40.0.0/16',
      },
    ]);
    const { problems } = validateEnvironment(
      {
        ...stagingEnvironment,
        name: 'nlp',
        addressSpace: '10.40.0.0/16',
        subnets: {
          privateEndpoints: '10.40.1.0/24',
          bastion: '10.40.2.0/26',
          jumpbox: '10.40.3.0/24',
        },
      },
      existing,
    );
    expect(problems).toEqual([
      'Environment "nlp" already exists (resource:default/aml-env-nlp-definition)',
      'VNet address space 10.40.0.0/16 overlaps environment "nlp" (resource:default/aml-env-nlp-definition, 10.40.0.0/16); pick a range outside every existing environment',
    ]);
  });
});
