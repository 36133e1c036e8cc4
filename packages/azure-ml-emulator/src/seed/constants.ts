/**
 * Fixed identifiers of the seeded taxi-fare platform. Other packages (backend tests, e2e,
 * benchmarks) build against these values, so they never change.
 */
export const SEED_BASE_DATE = '2025-09-01T08:00:00.000Z';

export const LOCATION = 'westeurope';

/** Seeded Azure ML environment: a subscription with one workspace, registry and VNet. */
export interface SeedEnvironment {
  name: 'dev' | 'prod';
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  registry: string;
  location: string;
  virtualNetwork: string;
  addressPrefix: string;
  /** Second and third octet-free prefix used to build the environment's private IPs. */
  ipPrefix: string;
  computeInstance: string;
}

export const DEV: SeedEnvironment = {
  name: 'dev',
  subscriptionId: '11111111-1111-4111-8111-111111111111',
  resourceGroup: 'rg-aml-dev',
  workspace: 'mlw-dev',
  registry: 'mlr-dev',
  location: LOCATION,
  virtualNetwork: 'vnet-aml-dev',
  addressPrefix: '10.10.0.0/16',
  ipPrefix: '10.10',
  computeInstance: 'ci-dev-01',
};

export const PROD: SeedEnvironment = {
  name: 'prod',
  subscriptionId: '22222222-2222-4222-8222-222222222222',
  resourceGroup: 'rg-aml-prod',
  workspace: 'mlw-prod',
  registry: 'mlr-prod',
  location: LOCATION,
  virtualNetwork: 'vnet-aml-prod',
  addressPrefix: '10.20.0.0/16',
  ipPrefix: '10.20',
  computeInstance: 'ci-prod-01',
};

export const ENVIRONMENTS: readonly SeedEnvironment[] = [DEV, PROD];

/** The central private DNS zones live in the dev subscription, in their own resource group. */
export const CENTRAL_DNS = {
  subscriptionId: DEV.subscriptionId,
  resourceGroup: 'rg-aml-dns',
  zones: {
    api: 'privatelink.api.azureml.ms',
    notebooks: 'privatelink.notebooks.azure.net',
    instances: 'instances.azureml.ms',
  },
} as const;

export const PRIVATE_ENDPOINT_SUBNET = 'snet-private-endpoints';

export const MODEL_NAME = 'taxi-fare-model';
export const EXPERIMENT_NAME = 'taxi-fare-train';
export const CHAMPION_TAG = 'champion';
export const PIPELINE_STEPS = [
  'transform',
  'train',
  'compare',
  'register',
  'score',
] as const;

/** Tenant of every seeded resource (identities, studio links). */
export const TENANT_ID = '72f988bf-0000-4000-8000-00000000c0de';

/** The second model of the dev workspace, registered during early experiments. */
export const BASELINE_MODEL_NAME = 'taxi-fare-baseline';

/** Versions of `taxi-fare-model` in the dev registry (unless `largeRegistryVersions` says otherwise). */
export const DEV_REGISTRY_VERSIONS = 10;
/** Dev registry versions promoted to the prod registry, in promotion order. */
export const PROMOTED_VERSIONS: readonly string[] = ['5', '8'];
/** The prod version tagged as champion (on the version and on the prod container). */
export const CHAMPION_VERSION = '8';

/** The 28 dev pipeline runs, oldest first: every official job status appears. */
export const DEV_JOB_STATUSES: readonly string[] = [
  'Completed',
  'Completed',
  'Failed',
  'Completed',
  'Completed',
  'Canceled',
  'Completed',
  'Completed',
  'Failed',
  'Completed',
  'Completed',
  'Completed',
  'NotResponding',
  'Completed',
  'Completed',
  'Failed',
  'Completed',
  'Completed',
  'Paused',
  'Completed',
  'Finalizing',
  'Running',
  'CancelRequested',
  'Preparing',
  'Provisioning',
  'Starting',
  'Queued',
  'NotStarted',
];
/** The prod pipeline runs, oldest first. */
export const PROD_JOB_STATUSES: readonly string[] = [
  'Completed',
  'Completed',
  'Failed',
  'Running',
];

/** People who start manual runs and register workspace models (the first registers them). */
export const AUTHORS: readonly string[] = [
  'dana.scientist@contoso.com',
  'li.engineer@contoso.com',
  'sam.mlops@contoso.com',
];
/** The service principal of scheduled runs and of registry model versions. */
export const PIPELINE_PRINCIPAL = 'sp-aml-pipelines';

/** Counts of the default seed, for assertions in other packages. */
export const seedCounts = {
  devRegistryVersions: DEV_REGISTRY_VERSIONS,
  prodRegistryVersions: PROMOTED_VERSIONS.length,
  devPipelineRuns: DEV_JOB_STATUSES.length,
  prodPipelineRuns: PROD_JOB_STATUSES.length,
  /** Child (step) jobs per pipeline run. */
  stepsPerRun: PIPELINE_STEPS.length,
} as const;

/** Public (non private-link) address returned when a name escapes the private zones. */
export const PUBLIC_AZUREML_IP = '20.50.2.10';
/** Private address in no private endpoint: the answer of the `wrongPrivateIp` DNS fault. */
export const WRONG_PRIVATE_IP = '10.99.0.99';

/** Everything other packages may want to reference, in one object. */
export const seedConstants = {
  baseDate: SEED_BASE_DATE,
  location: LOCATION,
  environments: { dev: DEV, prod: PROD },
  centralDns: CENTRAL_DNS,
  modelName: MODEL_NAME,
  experimentName: EXPERIMENT_NAME,
  championTag: CHAMPION_TAG,
  pipelineSteps: PIPELINE_STEPS,
  publicAzureMlIp: PUBLIC_AZUREML_IP,
  wrongPrivateIp: WRONG_PRIVATE_IP,
} as const;
