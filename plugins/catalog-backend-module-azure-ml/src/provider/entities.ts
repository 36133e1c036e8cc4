import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  Entity,
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  AZURE_ML_ENVIRONMENTS_ANNOTATION,
  AZURE_ML_MODELS_ANNOTATION,
  AZURE_ML_RESOURCE_ANNOTATIONS,
  AZURE_ML_RESOURCE_TYPES,
} from '@internal/plugin-azure-ml-common';
import {
  azureMlEntityNames,
  registryStudioUrl,
  workspaceResourceId,
  workspaceStudioUrl,
} from '@internal/plugin-azure-ml-node';
import { EnvironmentFacts, PlatformFacts } from './readPlatform';

/** `spec.type` of the discovered Resources (shared with the frontend and the template). */
export const RESOURCE_TYPES = AZURE_ML_RESOURCE_TYPES;

/** Annotations the provider writes (besides the `ml.azure.com/*` ones the plugin reads). */
export const ANNOTATIONS = AZURE_ML_RESOURCE_ANNOTATIONS;

const STUDIO = 'https://ml.azure.com';

/**
 * Entity names of the discovered Resources (environments: the template's `aml-env-<name>`;
 * models: the -node naming the backend's routes use for their `entityRef`).
 */
export const entityNames = {
  ...azureMlEntityNames,
  dns: 'aml-dns-central',
};

const ref = (name: string) => `resource:default/${name}`;

export interface EntityOptions {
  /** Owner of the platform entities, and of models without the owner tag. */
  owner: string;
  /** Per environment, an owner instead of {@link owner}. */
  environmentOwners: Record<string, string>;
  /** Model container tag that names the model's owner. */
  ownerTag: string;
  /** Model container tag that names the champion version. */
  championTag: string;
  /** ARM endpoint: the location annotations point at the ARM resources. */
  armEndpoint: string;
  providerName: string;
}

/** The catalog entities of the platform: environments, workspaces, registries, DNS, models. */
export function platformEntities(
  facts: PlatformFacts,
  options: EntityOptions,
): Entity[] {
  const entity = (
    armPath: string,
    metadata: ResourceMetadata,
    spec: Entity['spec'],
  ): Entity => {
    const location = `url:${options.armEndpoint}${armPath}`;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        ...metadata,
        namespace: 'default',
        annotations: {
          [ANNOTATION_LOCATION]: location,
          [ANNOTATION_ORIGIN_LOCATION]: location,
          ...metadata.annotations,
        },
        tags: ['azure-ml', ...(metadata.tags ?? [])],
      },
      spec,
    };
  };

  const dnsPath = `/subscriptions/${facts.dns.subscriptionId}/resourceGroups/${facts.dns.resourceGroup}`;
  const dnsEntity = entity(
    dnsPath,
    {
      name: entityNames.dns,
      title: 'Azure ML central private DNS zones',
      description: `Central private DNS zones of the Azure ML platform in ${
        facts.dns.resourceGroup
      }: ${facts.dns.zones.join(', ') || '(none found)'}`,
      annotations: {
        [ANNOTATIONS.subscription]: facts.dns.subscriptionId,
        [ANNOTATIONS.resourceGroup]: facts.dns.resourceGroup,
      },
      tags: ['dns'],
    },
    { type: RESOURCE_TYPES.dns, owner: options.owner },
  );

  const platform = facts.environments.flatMap(e =>
    environmentEntities(e, options, entity),
  );
  return [dnsEntity, ...platform, ...modelEntities(facts, options, entity)];
}

interface ResourceMetadata {
  name: string;
  title: string;
  description: string;
  annotations: Record<string, string>;
  tags?: string[];
  links?: Array<{ url: string; title: string }>;
}

type EntityBuilder = (
  armPath: string,
  metadata: ResourceMetadata,
  spec: Entity['spec'],
) => Entity;

function environmentEntities(
  facts: EnvironmentFacts,
  options: EntityOptions,
  entity: EntityBuilder,
): Entity[] {
  const { env, workspace, registry, virtualNetworks } = facts;
  const owner = options.environmentOwners[env.name] ?? options.owner;
  const group = `/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}`;
  const prefixes = [
    ...new Set(virtualNetworks.flatMap(n => n.addressPrefixes)),
  ];
  const common = {
    [ANNOTATIONS.subscription]: env.subscriptionId,
    [ANNOTATIONS.resourceGroup]: env.resourceGroup,
    [ANNOTATIONS.location]: env.location,
    [ANNOTATIONS.workspace]: env.workspace,
    [ANNOTATIONS.registry]: env.registry,
  };
  const environmentRef = ref(entityNames.environment(env.name));
  const networks =
    virtualNetworks
      .map(n => `${n.name} ${n.addressPrefixes.join(', ')}`)
      .join('; ') || 'no VNet in the resource group';

  return [
    entity(
      group,
      {
        name: entityNames.environment(env.name),
        title: `Azure ML environment ${env.name}`,
        description: `Environment ${env.name} in ${env.resourceGroup} (${env.location}): workspace ${env.workspace}, registry ${env.registry}, ${networks}.`,
        annotations: {
          ...common,
          ...(prefixes.length
            ? { [ANNOTATIONS.addressSpace]: prefixes.join(',') }
            : {}),
          [ANNOTATION_VIEW_URL]: workspaceStudioUrl(env),
        },
        links: [
          {
            url: workspaceStudioUrl(env),
            title: `Workspace ${env.workspace} in Azure ML studio`,
          },
          {
            url: registryStudioUrl(env.registry),
            title: `Registry ${env.registry} in Azure ML studio`,
          },
        ],
      },
      {
        type: RESOURCE_TYPES.environment,
        owner,
        dependsOn: [ref(entityNames.dns)],
      },
    ),
    entity(
      workspaceResourceId(env),
      {
        name: entityNames.workspace(env.name),
        title: `Azure ML workspace ${env.workspace} (${env.name})`,
        description: `Workspace ${env.workspace} of environment ${env.name}${
          workspace.networkMode ? `, network ${workspace.networkMode}` : ''
        }.`,
        annotations: {
          ...common,
          [ANNOTATIONS.environmentRef]: environmentRef,
          [ANNOTATION_VIEW_URL]: workspaceStudioUrl(env),
          ...(workspace.workspaceId
            ? { 'ml.azure.com/workspace-id': workspace.workspaceId }
            : {}),
        },
        links: [
          { url: workspaceStudioUrl(env), title: 'Open in Azure ML studio' },
        ],
      },
      {
        type: RESOURCE_TYPES.workspace,
        owner,
        dependsOn: [ref(entityNames.registry(env.name)), ref(entityNames.dns)],
      },
    ),
    entity(
      `${group}/providers/Microsoft.MachineLearningServices/registries/${env.registry}`,
      {
        name: entityNames.registry(env.name),
        title: `Azure ML registry ${env.registry} (${env.name})`,
        description: `Registry ${env.registry} of environment ${env.name}: ${
          facts.models.length
        } model(s), regions ${
          registry.regions.join(', ') || env.location
        }, public network access ${registry.publicNetworkAccess}.`,
        annotations: {
          ...common,
          [ANNOTATIONS.environmentRef]: environmentRef,
          [ANNOTATION_VIEW_URL]: registryStudioUrl(env.registry),
        },
        links: [
          {
            url: registryStudioUrl(env.registry),
            title: 'Open in Azure ML studio',
          },
        ],
      },
      {
        type: RESOURCE_TYPES.registry,
        owner,
        dependsOn: [ref(entityNames.dns)],
      },
    ),
  ];
}

/** One `ai-model` Resource per model name, across the registries that hold it. */
function modelEntities(
  facts: PlatformFacts,
  options: EntityOptions,
  entity: EntityBuilder,
): Entity[] {
  const byName = new Map<
    string,
    Array<{ facts: EnvironmentFacts; model: EnvironmentFacts['models'][0] }>
  >();
  for (const e of facts.environments) {
    for (const model of e.models) {
      byName.set(model.name, [
        ...(byName.get(model.name) ?? []),
        { facts: e, model },
      ]);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, places]) => {
      const first = places[0];
      const annotations: Record<string, string> = {
        [AZURE_ML_MODELS_ANNOTATION]: name,
        [AZURE_ML_ENVIRONMENTS_ANNOTATION]: places
          .map(p => p.facts.env.name)
          .join(','),
        [ANNOTATION_VIEW_URL]: modelStudioUrl(first.facts.env.registry, name),
      };
      for (const { facts: e, model } of places) {
        if (model.latestVersion) {
          annotations[ANNOTATIONS.latestVersion(e.env.name)] =
            model.latestVersion;
        }
        const champion = model.tags[options.championTag];
        if (champion) annotations[ANNOTATIONS.champion(e.env.name)] = champion;
      }
      const taggedOwner = places
        .map(p => p.model.tags[options.ownerTag])
        .find(isOwnerRef);
      const description =
        places.map(p => p.model.description).find(Boolean) ??
        `Azure ML model ${name} in ${places
          .map(p => `${p.facts.env.registry} (${p.facts.env.name})`)
          .join(', ')}.`;
      return entity(
        `/subscriptions/${first.facts.env.subscriptionId}/resourceGroups/${first.facts.env.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${first.facts.env.registry}/models/${name}`,
        {
          name: entityNames.model(name),
          title: `Model ${name}`,
          description,
          annotations,
          tags: ['ai-model'],
          links: places.map(p => ({
            url: modelStudioUrl(p.facts.env.registry, name),
            title: `${name} in registry ${p.facts.env.registry} (${p.facts.env.name})`,
          })),
        },
        {
          type: RESOURCE_TYPES.model,
          owner: taggedOwner ?? options.owner,
          dependsOn: places.map(p =>
            ref(entityNames.registry(p.facts.env.name)),
          ),
        },
      );
    });
}

/** A tag value usable as `spec.owner` (`team-taxi`, `group:default/team-taxi`). */
function isOwnerRef(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const { name, namespace } = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return (
      KubernetesValidatorFunctions.isValidObjectName(name) &&
      KubernetesValidatorFunctions.isValidNamespace(namespace)
    );
  } catch {
    return false;
  }
}

function modelStudioUrl(registry: string, model: string) {
  return `${STUDIO}/registries/${encodeURIComponent(
    registry,
  )}/models/${encodeURIComponent(model)}`;
}
