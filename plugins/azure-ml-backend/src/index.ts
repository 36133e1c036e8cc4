/**
 * The azure-ml backend plugin: Azure ML read API (and, later, promotion and DNS validation).
 *
 * @packageDocumentation
 */
export { azureMlPlugin as default } from './plugin';

/*
 * What the catalog module (@internal/plugin-catalog-backend-module-azure-ml) reads through: the
 * same config parsing and ARM client class, instantiated by the catalog plugin's own services.
 */
export {
  azureMlArmClientServiceRef,
  azureMlConfigServiceRef,
} from './services/refs';
export type { AzureMlArmClient } from './services/refs';
export type { AzureMlConfig, EnvironmentConfig } from './config';
export {
  registryStudioUrl,
  workspaceResourceId,
  workspaceStudioUrl,
} from './services/AzureMlClient/mappers';
export { REGISTRY_API_VERSION } from './services/AzureMlClient/AzureMlClient';
