import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';

/**
 * A database service that gives each plugin of each test backend its own in-memory SQLite,
 * destroyed after the suite by TestDatabases. The test backend's default (backend-defaults'
 * database service) leaves SQLite pools open when the backend stops, and each pool's 1 s
 * reaping interval keeps the jest worker alive ("A worker process has failed to exit
 * gracefully"). Call it at the top level of a test file: it registers jest hooks.
 */
export function sqliteDatabases() {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  return createServiceFactory({
    service: coreServices.database,
    deps: {},
    factory: async () =>
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
  });
}
