import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  AZURE_ML_ENVIRONMENTS_ANNOTATION,
  AZURE_ML_EXPERIMENT_ANNOTATION,
  AzureMlAnnotations,
  AzureMlEnvironment,
  AzureMlRegistry,
  ModelVersion,
  Page,
  PipelineRun,
  PipelineRunStatus,
  RegistryModel,
} from '@internal/plugin-azure-ml-common';
import {
  applyAliases,
  AzureMlArmClient,
  AzureMlConfig,
  EnvironmentConfig,
  environmentEntityRef,
  modelEntityRef,
  registryStudioUrl,
  workspaceStudioUrl,
} from '@internal/plugin-azure-ml-node';
import { CursorSigner } from '../../lib/CursorSigner';
import { ReadThroughCache } from '../../lib/ReadThroughCache';
import { PagedSource, readMergedPage } from './pagedMerge';

/**
 * Container tags that name a version, shown as aliases of that version. The champion pointer
 * is one tag on the model container (a single write), see AZURE-NOTES.
 */
const ALIAS_TAGS = ['champion'];

/** Generations outlive every page they name (the longest TTL is a day). */
const GENERATION_TTL_MS = 2 * 86_400_000;
const versionsGenerationKey = (environment: string, model: string) =>
  `versions-generation:v1:${environment}:${model}`;
const containersKey = (environment: string) => `containers:v1:${environment}`;

/**
 * The most ARM pages of model containers one registry listing reads (ARM pages hold about a
 * hundred containers): the listing is sorted by name, so it is read whole, then cached.
 */
const MAX_CONTAINER_PAGES = 20;

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'en', { numeric: true });

function byNewest(
  a: { createdAt?: string; version?: string; id?: string },
  b: { createdAt?: string; version?: string; id?: string },
): number {
  const byTime = (b.createdAt ?? '').localeCompare(a.createdAt ?? '');
  if (byTime !== 0) {
    return byTime;
  }
  // Same instant: the higher version first, numerically when both are numbers.
  const left = a.version ?? a.id ?? '';
  const right = b.version ?? b.id ?? '';
  return right.localeCompare(left, 'en', { numeric: true });
}

function sameUrlPrefix(link: string, prefix: string): boolean {
  try {
    const url = new URL(link);
    const base = new URL(prefix);
    return (
      url.protocol === base.protocol &&
      url.host.toLowerCase() === base.host.toLowerCase() &&
      url.pathname.toLowerCase() === base.pathname.toLowerCase()
    );
  } catch {
    return false;
  }
}

/**
 * The read side of the plugin: environments, registries, and an entity's model versions and
 * pipeline runs. Every ARM read goes through the read-through cache (TTL per kind of data,
 * single-flight), and environments are read in parallel.
 */
export class AzureMlReadService {
  private readonly environments: Map<string, EnvironmentConfig>;

  constructor(
    private readonly deps: {
      config: AzureMlConfig;
      client: AzureMlArmClient;
      cache: ReadThroughCache;
      logger: LoggerService;
      /** Signs the paging cursors (their ARM links are followed only if this API wrote them). */
      cursorSigner: CursorSigner;
    },
  ) {
    this.environments = new Map(
      deps.config.environments.map(env => [env.name, env]),
    );
  }

  async listEnvironments(): Promise<AzureMlEnvironment[]> {
    const { client, cache, config, logger } = this.deps;
    return Promise.all(
      config.environments.map(async env => {
        const base: AzureMlEnvironment = {
          name: env.name,
          subscriptionId: env.subscriptionId,
          resourceGroup: env.resourceGroup,
          workspace: env.workspace,
          registry: env.registry,
          location: env.location,
          studioUrl: workspaceStudioUrl(env),
          entityRef: environmentEntityRef(env.name),
        };
        try {
          const details = await cache.get(
            `workspace:v1:${env.name}`,
            config.cache.ttl.workspaces,
            () => client.getWorkspaceDetails(env),
          );
          return { ...base, ...details };
        } catch (error) {
          // The environment list stays useful when one workspace cannot be read.
          logger.warn(`Could not read workspace of environment ${env.name}`, {
            error: String(error),
          });
          return base;
        }
      }),
    );
  }

  async listRegistries(): Promise<AzureMlRegistry[]> {
    const { client, cache, config } = this.deps;
    return Promise.all(
      config.environments.map(env =>
        cache.get(`registry:v1:${env.name}`, config.cache.ttl.registries, () =>
          client.getRegistry(env),
        ),
      ),
    );
  }

  /** The entity's model versions across its environments (or one), newest first. */
  async listModelVersions(options: {
    annotations: AzureMlAnnotations;
    environment?: string;
    cursor?: string;
    limit: number;
  }): Promise<Page<ModelVersion>> {
    const { annotations, limit } = options;
    const envs = this.entityEnvironments(annotations, options.environment);
    const targets = envs.flatMap(env =>
      annotations.models.map(model => ({ env, model })),
    );
    const sources = targets.map(({ env, model }) =>
      this.modelVersionSource(env, model, limit),
    );
    const [page, aliases] = await Promise.all([
      readMergedPage({
        query: `models:${sources.map(s => s.key).join(',')}`,
        sources,
        cursor: options.cursor,
        limit,
        compare: byNewest,
        signer: this.deps.cursorSigner,
      }),
      Promise.all(targets.map(({ env, model }) => this.aliases(env, model))),
    ]);
    const aliasesBySource = new Map(
      targets.map(({ env, model }, index) => [
        `${env.name}/${model}`,
        aliases[index],
      ]),
    );
    return {
      ...page,
      items: page.items.map(version =>
        applyAliases(
          version,
          aliasesBySource.get(`${version.environment}/${version.name}`) ?? {},
        ),
      ),
    };
  }

  async getModelVersion(options: {
    annotations: AzureMlAnnotations;
    environment: string;
    model: string;
    version: string;
  }): Promise<ModelVersion> {
    const { annotations, model, version } = options;
    const [env] = this.entityEnvironments(annotations, options.environment);
    if (!annotations.models.includes(model)) {
      throw new NotFoundError(
        `Model '${model}' is not one of the entity's models (${annotations.models.join(
          ', ',
        )})`,
      );
    }
    const { client, cache, config } = this.deps;
    const [found, aliases] = await Promise.all([
      cache.get(
        `version:v1:${env.name}:${model}:${version}`,
        config.cache.ttl.modelVersions,
        async () => (await client.getModelVersion(env, model, version)) ?? null,
      ),
      this.aliases(env, model),
    ]);
    if (!found) {
      throw new NotFoundError(
        `Version '${version}' of model '${model}' is not in registry '${env.registry}' (${env.name})`,
      );
    }
    return applyAliases(found, aliases);
  }

  /** A configured environment by key; 404 naming it when there is none. */
  environment(name: string): EnvironmentConfig {
    const env = this.environments.get(name);
    if (!env) {
      throw new NotFoundError(
        `Environment '${name}' is not configured; configured: ${[
          ...this.environments.keys(),
        ].join(', ')}`,
      );
    }
    return env;
  }

  /**
   * The models (containers) of the environment's registry, by name, each with its newest
   * version, its champion (the container tag `championTag`) and the ref of the `ai-model`
   * Resource the catalog module names after it. The containers are read whole (every ARM
   * page, cached like the champion pointers) because ARM's order is not by name; the pages
   * handed out are cut from that list with the signed cursor of the other lists.
   */
  async listRegistryModels(options: {
    environment: string;
    championTag: string;
    cursor?: string;
    limit: number;
  }): Promise<Page<RegistryModel>> {
    const env = this.environment(options.environment);
    const { client, cache, config, logger } = this.deps;
    const source: PagedSource<RegistryModel> = {
      key: env.name,
      // One page holds every container: a cursor never carries an ARM link.
      isOwnLink: () => false,
      load: async () => {
        const containers = await cache.get(
          containersKey(env.name),
          config.cache.ttl.modelContainers,
          async () => {
            const { items, truncated } = await client.listAllModelContainers(
              env,
              { maxPages: MAX_CONTAINER_PAGES },
            );
            if (truncated) {
              logger.warn(
                `Registry ${env.registry} (${env.name}) has more than ${MAX_CONTAINER_PAGES} pages of models; listing the first ones`,
              );
            }
            return items.filter(c => !c.isArchived).sort(byName);
          },
        );
        return {
          items: containers.map(c => {
            const champion = c.tags[options.championTag];
            return {
              name: c.name,
              environment: env.name,
              registry: env.registry,
              ...(c.description ? { description: c.description } : {}),
              ...(c.latestVersion ? { latestVersion: c.latestVersion } : {}),
              ...(champion ? { champion } : {}),
              tags: c.tags,
              entityRef: modelEntityRef(c.name),
              studioUrl: `${registryStudioUrl(
                env.registry,
              )}/${encodeURIComponent(c.name)}`,
            };
          }),
        };
      },
    };
    return readMergedPage({
      query: `registry-models:${env.name}:${options.championTag}`,
      sources: [source],
      cursor: options.cursor,
      limit: options.limit,
      compare: byName,
      signer: this.deps.cursorSigner,
    });
  }

  /**
   * The pipeline runs of the environment's workspace across all experiments (or one),
   * newest first: the same ARM list (Jobs_List, `jobType=Pipeline`) and cache as an entity's
   * runs, without the entity's experiment filter.
   */
  async listWorkspaceRuns(options: {
    environment: string;
    experiment?: string;
    status?: PipelineRunStatus;
    cursor?: string;
    limit: number;
  }): Promise<Page<PipelineRun>> {
    const env = this.environment(options.environment);
    const { experiment, status } = options;
    const source = this.jobSource(env);
    return readMergedPage({
      query: `workspace-runs:${env.name}:${experiment ?? '*'}:${status ?? '*'}`,
      sources: [source],
      cursor: options.cursor,
      limit: options.limit,
      compare: byNewest,
      signer: this.deps.cursorSigner,
      accept: run =>
        (!experiment || run.experiment === experiment) &&
        (!status || run.status === status),
    });
  }

  /** Pipeline runs of the entity's experiment across its environments, newest first. */
  async listPipelineRuns(options: {
    annotations: AzureMlAnnotations;
    environment?: string;
    status?: PipelineRunStatus;
    cursor?: string;
    limit: number;
  }): Promise<Page<PipelineRun>> {
    const { annotations, status, limit } = options;
    const experiment = annotations.experiment;
    if (!experiment) {
      throw new InputError(
        `The entity has no '${AZURE_ML_EXPERIMENT_ANNOTATION}' annotation; add e.g. '${AZURE_ML_EXPERIMENT_ANNOTATION}: taxi-fare-train' to list its pipeline runs`,
      );
    }
    const envs = this.entityEnvironments(annotations, options.environment);
    const sources = envs.map(env => this.jobSource(env));
    return readMergedPage({
      query: `runs:${experiment}:${status ?? '*'}:${sources
        .map(s => s.key)
        .join(',')}`,
      sources,
      cursor: options.cursor,
      limit,
      compare: byNewest,
      signer: this.deps.cursorSigner,
      accept: run =>
        run.experiment === experiment && (!status || run.status === status),
    });
  }

  private modelVersionSource(
    env: EnvironmentConfig,
    model: string,
    top: number,
  ): PagedSource<ModelVersion> {
    const { client, cache, config } = this.deps;
    const prefix = client.modelVersionsUrl(env, model);
    return {
      key: `${env.name}/${model}`,
      isOwnLink: link => sameUrlPrefix(link, prefix),
      load: async link =>
        cache.get(
          `versions:v2:${env.name}:${model}:${await this.versionsGeneration(
            env,
            model,
          )}:${link ?? `first:${top}`}`,
          config.cache.ttl.modelVersions,
          async () => {
            const page = await client.listModelVersions(env, model, {
              top,
              nextLink: link,
            });
            // ARM sorts server-side; sorting again keeps the merge exact if it does not.
            return { ...page, items: [...page.items].sort(byNewest) };
          },
        ),
    };
  }

  /**
   * The generation of a model's cached version pages in one environment: part of their keys,
   * moved on by {@link AzureMlReadService.versionsChanged} after a write, so every cached page
   * of the model is left behind at once (in every replica that shares the cache service).
   */
  private versionsGeneration(env: EnvironmentConfig, model: string) {
    return this.deps.cache.get(
      versionsGenerationKey(env.name, model),
      GENERATION_TTL_MS,
      async () => 0,
    );
  }

  /** After a write to a model's versions in an environment: cached pages are stale. */
  async versionsChanged(environment: string, model: string): Promise<void> {
    await Promise.all([
      this.deps.cache.set(
        versionsGenerationKey(environment, model),
        Date.now(),
        GENERATION_TTL_MS,
      ),
      // The registry's model list holds the champion and latest version of every model.
      this.deps.cache.delete([containersKey(environment)]),
    ]);
  }

  private jobSource(env: EnvironmentConfig): PagedSource<PipelineRun> {
    const { client, cache, config } = this.deps;
    const prefix = client.jobsUrl(env);
    return {
      key: env.name,
      isOwnLink: link => sameUrlPrefix(link, prefix),
      load: link =>
        cache.get(
          `jobs:v1:${env.name}:${link ?? 'first'}`,
          config.cache.ttl.jobs,
          async () => {
            const page = await client.listPipelineJobs(env, { nextLink: link });
            return { ...page, items: [...page.items].sort(byNewest) };
          },
        ),
    };
  }

  private aliases(
    env: EnvironmentConfig,
    model: string,
  ): Promise<Record<string, string>> {
    const { client, cache, config } = this.deps;
    return cache.get(
      `container:v1:${env.name}:${model}`,
      config.cache.ttl.modelContainers,
      async () => {
        const tags = await client.getModelContainerTags(env, model);
        const aliases: Record<string, string> = {};
        for (const alias of ALIAS_TAGS) {
          if (tags[alias]) {
            aliases[alias] = tags[alias];
          }
        }
        return aliases;
      },
    );
  }

  /**
   * The environments an entity's data is read from: the `ml.azure.com/environments` subset of
   * the configured ones (all when absent), or the single `environment` asked for.
   */
  private entityEnvironments(
    annotations: AzureMlAnnotations,
    environment?: string,
  ): EnvironmentConfig[] {
    const names = annotations.environments ?? [...this.environments.keys()];
    const unknown = names.filter(name => !this.environments.has(name));
    if (unknown.length > 0) {
      throw new InputError(
        `Annotation '${AZURE_ML_ENVIRONMENTS_ANNOTATION}' names environment(s) ${unknown
          .map(name => `'${name}'`)
          .join(', ')} that are not configured; configured: ${[
          ...this.environments.keys(),
        ].join(', ')}`,
      );
    }
    if (environment === undefined) {
      return names.map(name => this.environments.get(name)!);
    }
    if (!names.includes(environment)) {
      throw new InputError(
        `Invalid 'environment' parameter '${environment}'; the entity's environments are: ${names.join(
          ', ',
        )}`,
      );
    }
    return [this.environments.get(environment)!];
  }
}
