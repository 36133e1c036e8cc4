import { Entity } from '@backstage/catalog-model';
import {
  PromotionSettings,
  AzureMlEnvironment,
  AzureMlRegistry,
  ModelVersion,
  PipelineRun,
} from '@internal/plugin-azure-ml-common';
import { AzureMlApi } from '../api';

export const taxiFareEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'taxi-fare',
    namespace: 'default',
    annotations: {
      'ml.azure.com/models': 'taxi-fare-model',
      'ml.azure.com/experiment': 'taxi-fare-train',
    },
  },
  spec: { type: 'ml-model', owner: 'ml-engineers', lifecycle: 'production' },
};

/**
 * A Resource as plugins/catalog-backend-module-azure-ml writes it for `environment` (dev by
 * default): `type` is its `spec.type`, `annotations` add to or replace the module's.
 */
export function platformResource(
  name: string,
  type: string,
  annotations: Record<string, string> = {},
  environment = 'dev',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'ml.azure.com/subscription-id': '11111111-1111-4111-8111-111111111111',
        'ml.azure.com/resource-group': `rg-aml-${environment}`,
        'ml.azure.com/workspace': `mlw-${environment}`,
        'ml.azure.com/registry': `mlr-${environment}`,
        ...annotations,
      },
    },
    spec: { type, owner: 'group:default/ml-platform' },
  };
}

export const taxiFareRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'taxi-fare',
};

export const environments: AzureMlEnvironment[] = ['dev', 'prod'].map(name => ({
  name,
  subscriptionId: '11111111-1111-4111-8111-111111111111',
  resourceGroup: `rg-aml-${name}`,
  workspace: `mlw-${name}`,
  registry: `mlr-${name}`,
  location: 'westeurope',
  networkMode: 'private',
  managedNetworkIsolation: 'AllowOnlyApprovedOutbound',
  studioUrl: `https://ml.azure.com/?wsid=${name}`,
}));

export const registries: AzureMlRegistry[] = [
  {
    name: 'mlr-dev',
    environment: 'dev',
    location: 'westeurope',
    regions: ['westeurope', 'northeurope'],
    publicNetworkAccess: 'Disabled',
    privateEndpoints: [{ name: 'pe-mlr-dev', status: 'Approved' }],
    studioUrl: 'https://ml.azure.com/registries/mlr-dev',
  },
  {
    name: 'mlr-prod',
    environment: 'prod',
    location: 'westeurope',
    regions: ['westeurope'],
    publicNetworkAccess: 'Enabled',
    privateEndpoints: [{ name: 'pe-mlr-prod', status: 'Pending' }],
    studioUrl: 'https://ml.azure.com/registries/mlr-prod',
  },
];

export function modelVersion(
  overrides: Partial<ModelVersion> & Pick<ModelVersion, 'version'>,
): ModelVersion {
  const environment = overrides.environment ?? 'dev';
  return {
    name: 'taxi-fare-model',
    environment,
    registry: `mlr-${environment}`,
    createdAt: `2026-11-${String(10 + Number(overrides.version)).padStart(
      2,
      '0',
    )}T10:00:00Z`,
    createdBy: 'ml-pipeline',
    tags: {},
    metrics: { rmse: 3.5, mae: 2.1, r2: 0.81 },
    aliases: [],
    jobName: `taxi-fare-train-${overrides.version}`,
    jobStudioUrl: `https://ml.azure.com/runs/taxi-fare-train-${overrides.version}`,
    studioUrl: `https://ml.azure.com/models/${environment}/${overrides.version}`,
    ...overrides,
  };
}

/** Promotion from dev (mlr-dev) to prod (mlr-prod) with approval, champion alias `champion`. */
export const promotionSettings: PromotionSettings = {
  sourceEnvironment: 'dev',
  sourceRegistry: 'mlr-dev',
  targetEnvironment: 'prod',
  targetRegistry: 'mlr-prod',
  requireApproval: true,
  aliasTag: 'champion',
};

/** The prod champion: rmse 3.0, mae 2.0, r2 0.85. */
export const champion = modelVersion({
  version: '2',
  environment: 'prod',
  aliases: ['champion'],
  metrics: { rmse: 3.0, mae: 2.0, r2: 0.85 },
});

export const devVersions: ModelVersion[] = [
  modelVersion({
    version: '9',
    metrics: { rmse: 2.8, mae: 2.2, r2: 0.87 },
  }),
  modelVersion({ version: '8', metrics: { rmse: 3.4, mae: 1.9, r2: 0.8 } }),
];

export function pipelineRun(
  overrides: Partial<PipelineRun> & Pick<PipelineRun, 'id'>,
): PipelineRun {
  return {
    displayName: overrides.id,
    status: 'Completed',
    experiment: 'taxi-fare-train',
    environment: 'dev',
    createdAt: '2026-11-20T10:00:00Z',
    steps: ['transform', 'train', 'compare', 'register', 'score'].map(name => ({
      name,
    })),
    studioUrl: `https://ml.azure.com/runs/${overrides.id}`,
    ...overrides,
  };
}

/**
 * An AzureMlApi whose methods are jest mocks, all answering empty lists; promotion is not
 * configured and its writes fail unless a test says otherwise.
 */
export function mockAzureMlApi(): jest.Mocked<AzureMlApi> {
  const notMocked = (name: string) =>
    jest
      .fn()
      .mockRejectedValue(new Error(`${name} is not mocked in this test`));
  return {
    getEnvironments: jest.fn().mockResolvedValue({ items: environments }),
    getRegistries: jest.fn().mockResolvedValue({ items: registries }),
    getModelVersions: jest.fn().mockResolvedValue({ items: [] }),
    getPipelineRuns: jest.fn().mockResolvedValue({ items: [] }),
    getEnvironmentModels: jest.fn().mockResolvedValue({ items: [] }),
    getEnvironmentRuns: jest.fn().mockResolvedValue({ items: [] }),
    getPromotionSettings: jest.fn().mockResolvedValue(undefined),
    listPromotions: jest.fn().mockResolvedValue({ items: [] }),
    evaluatePromotion: notMocked('evaluatePromotion'),
    requestPromotion: notMocked('requestPromotion'),
    getPromotion: notMocked('getPromotion'),
    approvePromotion: notMocked('approvePromotion'),
    rejectPromotion: notMocked('rejectPromotion'),
    rollback: notMocked('rollback'),
    getDnsValidations: jest.fn().mockResolvedValue({ history: [] }),
    runDnsValidation: notMocked('runDnsValidation'),
  };
}
