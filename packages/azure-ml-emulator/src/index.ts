/**
 * Local, ARM-compatible Azure ML control plane + private DNS server, seeded with the taxi-fare
 * platform. A development and test tool: never a production dependency.
 *
 * @packageDocumentation
 */
export { createAzureMlEmulator } from './createAzureMlEmulator';
export type {
  AzureMlEmulator,
  AzureMlEmulatorOptions,
} from './createAzureMlEmulator';
export { startEmulatorServer } from './startEmulatorServer';
export {
  environmentConfig,
  listenLocalOnly,
  seedEnvironmentsConfig,
} from './testing';
export type {
  EmulatorServer,
  EmulatorServerOptions,
} from './startEmulatorServer';
export { startDnsServer } from './dns/startDnsServer';
export type { DnsServerHandle } from './dns/startDnsServer';
export { resolveName } from './dns/resolveName';
export type { DnsAnswer, DnsResult } from './dns/resolveName';
export type {
  FaultConfig,
  RouteFaults,
  DnsFaults,
  FaultsController,
} from './faults';
export type { EmulatorStats } from './stats';
export type {
  EmulatorState,
  ArmResource,
  MlScope,
  ModelRecord,
  PrivateDnsZoneRecord,
  SystemData,
} from './state/types';
export { createSeedState } from './seed/createSeedState';
export type { SeedOptions } from './seed/createSeedState';
export {
  seedConstants,
  seedCounts,
  SEED_BASE_DATE,
  LOCATION,
  TENANT_ID,
  DEV,
  PROD,
  ENVIRONMENTS,
  CENTRAL_DNS,
  PRIVATE_ENDPOINT_SUBNET,
  MODEL_NAME,
  BASELINE_MODEL_NAME,
  EXPERIMENT_NAME,
  CHAMPION_TAG,
  CHAMPION_VERSION,
  PROMOTED_VERSIONS,
  DEV_REGISTRY_VERSIONS,
  DEV_JOB_STATUSES,
  PROD_JOB_STATUSES,
  PIPELINE_STEPS,
  PIPELINE_PRINCIPAL,
  AUTHORS,
  PUBLIC_AZUREML_IP,
  WRONG_PRIVATE_IP,
} from './seed/constants';
export type { SeedEnvironment } from './seed/constants';
export { PIPELINE_RUN_PROPERTY } from './routes/jobs';
