/**
 * Local, ARM-compatible Azure ML control plane + private DNS server, seeded with the taxi-fare
 * platform. A development and test tool: never a production dependency.
 *
 * @packageDocumentation
 */
export { createAzureMlEmulator } from './createAzureMlEmulator';
export type { AzureMlEmulator, AzureMlEmulatorOptions } from './createAzureMlEmulator';
export { startEmulatorServer } from './startEmulatorServer';
export type { EmulatorServer, EmulatorServerOptions } from './startEmulatorServer';
export { startDnsServer } from './dns/startDnsServer';
export type { DnsServerHandle } from './dns/startDnsServer';
export { resolveName } from './dns/resolveName';
export type { DnsAnswer, DnsResult } from './dns/resolveName';
export type { FaultConfig, RouteFaults, DnsFaults, FaultsController } from './faults';
export type { EmulatorStats } from './stats';
export type { EmulatorState, ArmResource, MlScope, ModelRecord, PrivateDnsZoneRecord, SystemData } from './state/types';
export { createSeedState } from './seed/createSeedState';
export { seedConstants, DEV, PROD, CENTRAL_DNS, MODEL_NAME, EXPERIMENT_NAME, CHAMPION_TAG, PIPELINE_STEPS } from './seed/constants';
export type { SeedEnvironment } from './seed/constants';
export { PIPELINE_RUN_PROPERTY } from './routes/jobs';
