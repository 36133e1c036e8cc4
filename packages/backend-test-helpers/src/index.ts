/**
 * Test helpers shared by the backend packages' jest suites (packages/backend,
 * plugins/azure-ml-backend, plugins/catalog-backend-module-azure-ml). Tests only.
 */
// First: a test file's `jest.mock('@keyv/redis', ...)` factory reads it from this module while
// `sqliteDatabases` (through backend-test-utils) is still loading `@keyv/redis`.
export { disconnectRedisStores, trackedKeyvRedis } from './redisStores';
export { sqliteDatabases } from './sqliteDatabases';
