import { seedEnvironmentsConfig } from '@internal/azure-ml-emulator';

/** The ARM origin the tests' emulator answers on. */
export const ARM = 'https://management.azure.com';

/** The emulator's seed environments as `azureMl.environments`. */
export const seedEnvironments = seedEnvironmentsConfig;

/** msw fails on any request no emulator handler answers, except supertest's local ones. */
export { listenLocalOnly } from '@internal/azure-ml-emulator';

/** Per-suite in-memory SQLite for each plugin of each test backend. */
export { sqliteDatabases } from '@internal/backend-test-helpers';
