import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/**
 * backend-defaults' database service (what `startTestBackend` uses unless told otherwise: the
 * config's `backend.database`, else SQLite in memory), plus `destroy()`. Its shutdown hook
 * destroys PostgreSQL pools but leaves SQLite ones open on purpose, and each open pool's 1 s
 * reaping interval keeps the jest worker alive after the suite ("A worker process has failed
 * to exit gracefully"). A test calls `destroy()` once its backend has stopped.
 */
export function destroyableDatabase() {
  const clients = new Set<Promise<Knex>>();
  const factory = createServiceFactory({
    service: coreServices.database,
    deps: {
      config: coreServices.rootConfig,
      lifecycle: coreServices.lifecycle,
      logger: coreServices.logger,
      pluginMetadata: coreServices.pluginMetadata,
      rootLifecycle: coreServices.rootLifecycle,
      rootLogger: coreServices.rootLogger,
    },
    createRootContext({ config, rootLifecycle, rootLogger }) {
      return DatabaseManager.fromConfig(
        config.has('backend.database')
          ? config
          : mockServices.rootConfig({
              data: {
                backend: {
                  database: {
                    client: 'better-sqlite3',
                    connection: ':memory:',
                  },
                },
              },
            }),
        { rootLifecycle, rootLogger },
      );
    },
    factory({ pluginMetadata, lifecycle, logger }, manager) {
      const service = manager.forPlugin(pluginMetadata.getId(), {
        lifecycle,
        logger,
      });
      return {
        ...service,
        getClient() {
          const client = service.getClient();
          clients.add(client);
          return client;
        },
      };
    },
  });
  const destroy = async () => {
    await Promise.allSettled(
      [...clients].map(async client => (await client).destroy()),
    );
    clients.clear();
  };
  return { factory, destroy };
}
