import {
  DEV,
  DEV_JOB_STATUSES,
  DEV_REGISTRY_VERSIONS,
  ENVIRONMENTS,
  PROD,
  PROD_JOB_STATUSES,
  SEED_BASE_DATE,
} from './constants';
import { createCentralZones, finishZones } from './dnsZones';
import { addComputeInstance } from './computes';
import { addPipelineJobs } from './jobs';
import { addRegistryModels, addWorkspaceModels } from './models';
import {
  addRegistryNetworking,
  addVirtualNetwork,
  addWorkspaceNetworking,
} from './network';
import { SeededRandom } from './random';
import { addRegistry } from './registries';
import { DAY } from './timestamps';
import { addWorkspace } from './workspaces';
import { EmulatorState } from '../state/types';

export interface SeedOptions {
  /** Total number of `taxi-fare-model` versions in the dev registry (default 10, the seed). */
  largeRegistryVersions?: number;
}

/**
 * Builds the deterministic taxi-fare platform. Same options → byte-identical state.
 * One random sequence feeds every step, so the order of the steps below is part of the seed:
 * reordering them changes every generated GUID and name.
 */
export function createSeedState(options: SeedOptions = {}): EmulatorState {
  const random = new SeededRandom(20250901);
  const base = Date.parse(SEED_BASE_DATE);
  const state: EmulatorState = {
    workspaces: {},
    registries: {},
    ml: {},
    virtualNetworks: {},
    privateEndpoints: {},
    networkInterfaces: {},
    privateDnsZoneGroups: {},
    privateDnsZones: {},
    operations: {},
    computes: {},
  };

  const guids = new Map<string, string>();
  for (const env of ENVIRONMENTS) {
    guids.set(`${env.name}.workspace`, random.guid());
    guids.set(`${env.name}.registry`, random.guid());
  }

  createCentralZones(state, random);
  for (const env of ENVIRONMENTS) {
    const workspaceGuid = guids.get(`${env.name}.workspace`)!;
    const registryGuid = guids.get(`${env.name}.registry`)!;
    addVirtualNetwork(state, env, random);
    addWorkspace(state, env, workspaceGuid, random, base);
    addRegistry(state, env, registryGuid, random, base);
    addWorkspaceNetworking(state, env, workspaceGuid, random);
    addRegistryNetworking(state, env, registryGuid, random);
  }
  finishZones(state);
  for (const env of ENVIRONMENTS) addComputeInstance(state, env, base);

  const devJobs = addPipelineJobs(state, DEV, DEV_JOB_STATUSES, random, base);
  addPipelineJobs(state, PROD, PROD_JOB_STATUSES, random, base + 20 * DAY);
  addWorkspaceModels(state, devJobs);
  addRegistryModels(
    state,
    devJobs,
    random,
    base,
    options.largeRegistryVersions ?? DEV_REGISTRY_VERSIONS,
  );
  return state;
}
