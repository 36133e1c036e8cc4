/**
 * Node library of the azure-ml plugin: the `azureMl` config and the one Azure Resource
 * Manager client, as root-scoped service refs that the backend plugin and the catalog module
 * share (one read budget).
 *
 * @packageDocumentation
 */
export { azureMlArmClientServiceRef, azureMlConfigServiceRef } from './refs';
export {
  AzureMlClient,
  ArmThrottledError,
  isTransientArmError,
} from './client/AzureMlClient';
export type { AzureMlArmClient } from './client/AzureMlClient';
export { readAzureMlConfig } from './config';
export {
  azureMlEntityNames,
  environmentEntityRef,
  modelEntityRef,
} from './entityRefs';
export type {
  AzureMlConfig,
  DnsConfig,
  EnvironmentConfig,
  PolicyRule,
  PromotionConfig,
} from './config';
export {
  applyAliases,
  definedStrings,
  metricsFromProperties,
  registryStudioUrl,
  registryVersionStudioUrl,
  workspaceResourceId,
  workspaceStudioUrl,
} from './client/mappers';
export type { ModelContainerSummary } from './client/mappers';
export type { ArmModelVersion } from './client/armTypes';
