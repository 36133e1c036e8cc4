import { createHash } from 'node:crypto';
import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { AzureMlConfig } from '@internal/plugin-azure-ml-node';
import { EntityOptions, platformEntities } from './entities';
import { AzureMlArmReader, readPlatform } from './readPlatform';

/** What the provider reads and how it names and owns what it emits. */
export interface AzureMlEntityProviderOptions
  extends Omit<EntityOptions, 'armEndpoint' | 'championTag' | 'providerName'> {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Per environment, the resource groups whose VNets are its address space. */
  networkResourceGroups: Record<string, string[]>;
}

/**
 * Emits the Azure ML platform as catalog entities: one full mutation per refresh, skipped when
 * nothing changed since the last one. A refresh that cannot read everything emits nothing, so
 * the catalog keeps the last good set.
 */
export class AzureMlEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private lastApplied?: string;

  constructor(
    private readonly deps: {
      client: AzureMlArmReader;
      config: AzureMlConfig;
      logger: LoggerService;
      scheduler: SchedulerService;
      options: AzureMlEntityProviderOptions;
    },
  ) {}

  getProviderName(): string {
    return 'azure-ml';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.deps.scheduler.scheduleTask({
      id: `${this.getProviderName()}:refresh`,
      ...this.deps.options.schedule,
      fn: () => this.refresh(),
    });
  }

  /** Reads the platform and applies it; on failure logs and leaves the catalog as it is. */
  async refresh(): Promise<void> {
    const { client, config, logger, options } = this.deps;
    if (!this.connection) {
      throw new Error('The azure-ml entity provider is not connected');
    }
    const started = Date.now();
    let facts;
    try {
      facts = await readPlatform(client, config, options.networkResourceGroups);
    } catch (error) {
      logger.warn(
        'Azure ML catalog refresh failed; the catalog keeps the entities of the last good refresh',
        { error: String(error) },
      );
      return;
    }
    const entities = platformEntities(facts, {
      ...options,
      armEndpoint: config.arm.endpoint,
      championTag: config.promotion?.aliasTag ?? 'champion',
      providerName: this.getProviderName(),
    });
    const digest = createHash('sha256')
      .update(JSON.stringify(entities))
      .digest('hex');
    if (digest === this.lastApplied) {
      logger.debug('Azure ML catalog refresh: nothing changed');
      return;
    }
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: `${this.getProviderName()}-provider:${
          config.arm.endpoint
        }`,
      })),
    });
    this.lastApplied = digest;
    logger.info(
      `Azure ML catalog refresh: ${entities.length} entities from ${
        facts.armReads
      } ARM reads in ${Date.now() - started} ms`,
    );
  }
}
