import {
  Entity,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AZURE_ML_RESOURCE_ANNOTATIONS,
  AZURE_ML_RESOURCE_TYPES,
} from '@internal/plugin-azure-ml-common';
import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/**
 * Rules for a new Azure ML environment: names that satisfy Azure's naming rules, address
 * space that fits and does not collide, and tags that cannot break out of an HCL string.
 * The derived names mirror the locals of terraform/modules (keep them in step).
 */

/**
 * Entity spec.type of an environment Resource as the catalog module discovers it from the
 * configured environments and ARM (`aml-env-<name>`).
 */
export const ENVIRONMENT_RESOURCE_TYPE = AZURE_ML_RESOURCE_TYPES.environment;
/**
 * Entity spec.type of the Resource this template registers for a new environment: its
 * Terraform definition (`aml-env-<name>-definition`), which holds the requested range until
 * the environment is applied and configured, and after that stays part of it.
 */
export const ENVIRONMENT_DEFINITION_TYPE =
  AZURE_ML_RESOURCE_TYPES.environmentDefinition;
/**
 * Annotation carrying an environment's VNet address space: one CIDR, or every prefix of its
 * VNets comma-separated (`10.10.0.0/16,10.11.0.0/24`).
 */
export const ADDRESS_SPACE_ANNOTATION =
  AZURE_ML_RESOURCE_ANNOTATIONS.addressSpace;
/** Annotation of a definition naming the environment entity it defines. */
export const ENVIRONMENT_REF_ANNOTATION =
  AZURE_ML_RESOURCE_ANNOTATIONS.environmentRef;

/** Regions offering Azure ML registries, workspaces with managed VNet and Bastion. */
export const AZURE_REGIONS = [
  'australiaeast',
  'brazilsouth',
  'canadacentral',
  'centralindia',
  'centralus',
  'eastus',
  'eastus2',
  'francecentral',
  'germanywestcentral',
  'japaneast',
  'koreacentral',
  'northeurope',
  'norwayeast',
  'southcentralus',
  'swedencentral',
  'switzerlandnorth',
  'uksouth',
  'westeurope',
  'westus2',
  'westus3',
] as const;

export interface SubnetCidrs {
  privateEndpoints: string;
  bastion: string;
  jumpbox: string;
}

export interface EnvironmentInput {
  name: string;
  location: string;
  addressSpace: string;
  subnets: SubnetCidrs;
  tags: Record<string, string>;
  dnsResourceGroup: string;
}

/** What the files are rendered from: the inputs after {@link normalizeEnvironment}. */
export interface NormalizedEnvironment extends EnvironmentInput {
  owner: string;
}

/** A CIDR in canonical form (`10.30.0.0/16`), or the trimmed text when it does not parse. */
function canonicalCidr(value: string): string {
  const text = value.trim();
  try {
    const [address, prefix] = ipaddr.parseCIDR(text);
    return `${address.toString()}/${prefix}`;
  } catch {
    return text;
  }
}

/** Kinds that may own an environment, and the default when the ref names none. */
const OWNER_KINDS = ['group', 'user'];
const entityNames = makeValidator();

/**
 * The owner as a full entity ref (`ml-platform` → `group:default/ml-platform`); undefined
 * when it is not a valid ref of a group or user.
 */
export function normalizeOwner(owner: string): string | undefined {
  let ref;
  try {
    ref = parseEntityRef(owner.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
  const valid =
    OWNER_KINDS.includes(ref.kind.toLocaleLowerCase('en-US')) &&
    entityNames.isValidNamespace(ref.namespace) &&
    entityNames.isValidEntityName(ref.name);
  return valid ? stringifyEntityRef(ref) : undefined;
}

/**
 * The template's inputs as every file is written from them: CIDRs in canonical form (a
 * trailing newline or stray spaces would otherwise land raw in terraform.tfvars and
 * catalog-info.yaml), the owner as a full entity ref. Validation checks these same values;
 * names, region and resource group are matched exactly and need no normalizing.
 */
export function normalizeEnvironment(
  input: EnvironmentInput & { owner: string },
): { values: NormalizedEnvironment; problems: string[] } {
  const owner = normalizeOwner(input.owner);
  const problems = owner
    ? []
    : [
        `Owner "${input.owner}" is not a valid entity ref of a group or user (e.g. group:default/ml-platform)`,
      ];
  return {
    values: {
      ...input,
      addressSpace: canonicalCidr(input.addressSpace),
      subnets: {
        privateEndpoints: canonicalCidr(input.subnets.privateEndpoints),
        bastion: canonicalCidr(input.subnets.bastion),
        jumpbox: canonicalCidr(input.subnets.jumpbox),
      },
      owner: owner ?? input.owner,
    },
    problems,
  };
}

export interface ExistingEnvironment {
  entityRef: string;
  name: string;
  addressSpace: string;
}

export interface DerivedNames {
  resourceGroup: string;
  networkResourceGroup: string;
  virtualNetwork: string;
  workspace: string;
  registry: string;
  storageAccount: string;
  keyVault: string;
  containerRegistry: string;
  nameSuffix: string;
}

const NAME_PATTERN = /^[a-z][a-z0-9-]{0,10}[a-z0-9]$/;

/**
 * Suffix for globally unique names, stable for one environment definition so that a re-run
 * renders the same Terraform.
 */
export function nameSuffixFor(name: string, location: string): string {
  const digest = createHash('sha256').update(`${name}|${location}`).digest();
  return digest.readUInt32BE(0).toString(36).padStart(7, '0').slice(0, 5);
}

/** Names Terraform derives from the environment name (see the modules' locals). */
export function deriveNames(name: string, location: string): DerivedNames {
  const nameSuffix = nameSuffixFor(name, location);
  const compact = name.replace(/-/g, '');
  return {
    resourceGroup: `rg-aml-${name}`,
    networkResourceGroup: `rg-aml-${name}-network`,
    virtualNetwork: `vnet-aml-${name}`,
    workspace: `mlw-${name}`,
    registry: `mlr-${name}`,
    storageAccount: `st${compact}${nameSuffix}`,
    keyVault: `kv-${name}-${nameSuffix}`,
    containerRegistry: `cr${compact}${nameSuffix}`,
    nameSuffix,
  };
}

/** Azure naming rules of each derived resource, as [label, pattern, rule text]. */
const AZURE_NAME_RULES: [keyof DerivedNames, RegExp, string][] = [
  [
    'resourceGroup',
    /^[-\w.()]{1,89}[-\w()]$/,
    '1-90 letters, digits, -_.() and not ending in "."',
  ],
  [
    'workspace',
    /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
    '3-33 letters, digits, - or _',
  ],
  [
    'registry',
    /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
    '3-33 letters, digits, - or _',
  ],
  ['storageAccount', /^[a-z0-9]{3,24}$/, '3-24 lowercase letters or digits'],
  [
    'keyVault',
    /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
    '3-24 letters, digits and single hyphens, starting with a letter',
  ],
  ['containerRegistry', /^[a-zA-Z0-9]{5,50}$/, '5-50 letters or digits'],
];

export function validateName(name: string): string[] {
  if (!NAME_PATTERN.test(name) || name.includes('--')) {
    return [
      `Environment name "${name}" is invalid: use 2-12 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen (it becomes part of Azure resource names such as the storage account, which allows no more)`,
    ];
  }
  return [];
}

export function validateDerivedNames(names: DerivedNames): string[] {
  return AZURE_NAME_RULES.filter(
    ([key, pattern]) => !pattern.test(names[key]),
  ).map(
    ([key, , rule]) =>
      `Derived ${key} name "${names[key]}" breaks the Azure naming rule: ${rule}`,
  );
}

function parseIpv4Cidr(
  label: string,
  cidr: string,
  problems: string[],
): [ipaddr.IPv4, number] | undefined {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(cidr.trim());
  } catch {
    problems.push(
      `${label} "${cidr}" is not valid CIDR notation (e.g. 10.30.0.0/16)`,
    );
    return undefined;
  }
  const [address, prefix] = parsed;
  if (address.kind() !== 'ipv4') {
    problems.push(`${label} "${cidr}" must be IPv4`);
    return undefined;
  }
  const network = ipaddr.IPv4.networkAddressFromCIDR(cidr.trim());
  if (network.toString() !== address.toString()) {
    problems.push(
      `${label} "${cidr}" has host bits set; did you mean ${network.toString()}/${prefix}?`,
    );
    return undefined;
  }
  return [address as ipaddr.IPv4, prefix];
}

/** Whether two parsed IPv4 CIDRs share any address. */
function overlaps(a: [ipaddr.IPv4, number], b: [ipaddr.IPv4, number]) {
  return a[0].match(b) || b[0].match(a);
}

const SUBNET_LABELS: Record<keyof SubnetCidrs, string> = {
  privateEndpoints: 'Private endpoint subnet',
  bastion: 'Bastion subnet',
  jumpbox: 'Jumpbox subnet',
};

export function validateAddressing(
  addressSpace: string,
  subnets: SubnetCidrs,
  existing: ExistingEnvironment[],
): string[] {
  const problems: string[] = [];
  const vnet = parseIpv4Cidr('VNet address space', addressSpace, problems);
  if (vnet) {
    if (vnet[0].range() !== 'private') {
      problems.push(
        `VNet address space ${addressSpace} is not a private (RFC 1918) range; use 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16`,
      );
    }
    if (vnet[1] > 24) {
      problems.push(
        `VNet address space ${addressSpace} is too small: use /24 or larger`,
      );
    }
  }

  const parsedSubnets: [keyof SubnetCidrs, [ipaddr.IPv4, number]][] = [];
  for (const key of Object.keys(SUBNET_LABELS) as (keyof SubnetCidrs)[]) {
    const label = SUBNET_LABELS[key];
    const subnet = parseIpv4Cidr(label, subnets[key], problems);
    if (!subnet) continue;
    parsedSubnets.push([key, subnet]);
    if (vnet && !(subnet[0].match(vnet) && subnet[1] >= vnet[1])) {
      problems.push(
        `${label} ${subnets[key]} is not inside the VNet address space ${addressSpace}`,
      );
    }
    if (subnet[1] > 29) {
      problems.push(
        `${label} ${subnets[key]} is too small: Azure subnets must be /29 or larger`,
      );
    }
    if (key === 'bastion' && subnet[1] > 26) {
      problems.push(
        `Bastion subnet ${subnets.bastion} is too small: Azure Bastion needs /26 or larger`,
      );
    }
  }
  parsedSubnets.forEach(([keyA, a], i) =>
    parsedSubnets.slice(i + 1).forEach(([keyB, b]) => {
      if (overlaps(a, b)) {
        problems.push(
          `${SUBNET_LABELS[keyA]} ${subnets[keyA]} overlaps ${SUBNET_LABELS[
            keyB
          ].toLowerCase()} ${subnets[keyB]}`,
        );
      }
    }),
  );

  if (vnet) {
    // One problem per environment, although its discovered entity and its definition may
    // both carry an overlapping range.
    const reported = new Set<string>();
    for (const environment of existing) {
      const overlapping = environment.addressSpace
        .split(',')
        .map(cidr => cidr.trim())
        .find(cidr => {
          // An IPv6 prefix of a dual-stack VNet cannot overlap an IPv4 range: skipped.
          const other = parseIpv4Cidr('Address space', cidr, []);
          return other && overlaps(vnet, other);
        });
      if (overlapping && !reported.has(environment.name)) {
        reported.add(environment.name);
        problems.push(
          `VNet address space ${addressSpace} overlaps environment "${environment.name}" (${environment.entityRef}, ${overlapping}); pick a range outside every existing environment`,
        );
      }
    }
  }
  return problems;
}

/** Characters that would end or interpolate inside an HCL quoted string. */
const HCL_UNSAFE = [
  { pattern: /"/, what: 'a double quote (")' },
  { pattern: /\\/, what: 'a backslash' },
  { pattern: /\$\{/, what: 'a "${" interpolation' },
  { pattern: /%\{/, what: 'a "%{" template directive' },
  { pattern: /[\r\n]/, what: 'a line break' },
  // eslint-disable-next-line no-control-regex
  { pattern: /[\u0000-\u001f\u007f]/, what: 'a control character' },
];

export function validateTags(tags: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(tags)) {
    if (typeof value !== 'string') {
      problems.push(`Tag "${key}" must have a string value`);
      continue;
    }
    for (const [label, text] of [
      [`Tag key "${key}"`, key],
      [`Value of tag "${key}"`, value],
    ]) {
      const unsafe = HCL_UNSAFE.find(({ pattern }) => pattern.test(text));
      if (unsafe) {
        problems.push(
          `${label} contains ${unsafe.what}, which is not allowed in tags (it could inject Terraform code into the generated terraform.tfvars)`,
        );
      }
    }
    if (!key || key.length > 512 || /[<>%&?/]/.test(key)) {
      problems.push(
        `Tag key "${key}" breaks Azure's tag rules: 1-512 characters without < > % & ? /`,
      );
    }
    if (value.length > 256) {
      problems.push(
        `Value of tag "${key}" is longer than Azure's 256 characters`,
      );
    }
  }
  return problems;
}

export function validateEnvironment(
  raw: EnvironmentInput & { owner: string },
  existing: ExistingEnvironment[],
): { problems: string[]; names: DerivedNames; values: NormalizedEnvironment } {
  const { values: input, problems } = normalizeEnvironment(raw);
  const names = deriveNames(input.name, input.location);
  const nameProblems = validateName(input.name);
  problems.push(...nameProblems);
  if (nameProblems.length === 0) {
    problems.push(...validateDerivedNames(names));
  }
  const duplicate = existing.find(e => e.name === input.name);
  if (duplicate) {
    problems.push(
      `Environment "${input.name}" already exists (${duplicate.entityRef})`,
    );
  }
  if (!(AZURE_REGIONS as readonly string[]).includes(input.location)) {
    problems.push(
      `Location "${
        input.location
      }" is not one of the supported regions: ${AZURE_REGIONS.join(', ')}`,
    );
  }
  if (!/^[-\w.()]{1,89}[-\w()]$/.test(input.dnsResourceGroup)) {
    problems.push(
      `Central DNS resource group "${input.dnsResourceGroup}" is not a valid resource group name`,
    );
  }
  problems.push(
    ...validateAddressing(input.addressSpace, input.subnets, existing),
  );
  problems.push(...validateTags(input.tags));
  return { problems, names, values: input };
}

/**
 * Environments from catalog Resources: the discovered ones (`azure-ml-environment`, named
 * `aml-env-<name>`) and the definitions the template registered
 * (`azure-ml-environment-definition`, naming their environment in
 * `ml.azure.com/environment-ref`). One environment may have both.
 */
export function existingEnvironmentsFrom(
  entities: Entity[],
): ExistingEnvironment[] {
  return entities.flatMap(entity => {
    const addressSpace =
      entity.metadata.annotations?.[ADDRESS_SPACE_ANNOTATION] ??
      (entity.spec?.addressSpace as string | undefined);
    if (!addressSpace) return [];
    const namespace = entity.metadata.namespace ?? 'default';
    let environmentEntityName = entity.metadata.name;
    if (entity.spec?.type === ENVIRONMENT_DEFINITION_TYPE) {
      const defined = entity.metadata.annotations?.[ENVIRONMENT_REF_ANNOTATION];
      try {
        if (defined) environmentEntityName = parseEntityRef(defined).name;
      } catch {
        // A malformed ref: the definition still reserves its range under its own name.
      }
    }
    return [
      {
        entityRef: `resource:${namespace}/${entity.metadata.name}`,
        name: environmentEntityName.replace(/^aml-env-/, ''),
        addressSpace,
      },
    ];
  });
}
