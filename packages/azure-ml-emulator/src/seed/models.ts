import {
  AUTHORS,
  BASELINE_MODEL_NAME,
  CHAMPION_TAG,
  CHAMPION_VERSION,
  DEV,
  DEV_REGISTRY_VERSIONS,
  EXPERIMENT_NAME,
  MODEL_NAME,
  PIPELINE_PRINCIPAL,
  PROD,
  PROMOTED_VERSIONS,
} from './constants';
import { SeededJob } from './jobs';
import { SeededRandom } from './random';
import { DAY, HOUR, formatTimestamp, zulu } from './timestamps';
import { EmulatorState, MlScope } from '../state/types';
import { key, mlResourceId } from '../state/ids';
import {
  buildModelContainer,
  buildModelVersion,
  putModelVersion,
  refreshContainerVersions,
  systemData,
} from '../state/mlResources';

/* Model containers and versions: the dev and prod registries, and the dev workspace. */

function metricsFor(version: number, random: SeededRandom) {
  const rmse = 4.6 - Math.min(version, 40) * 0.12 + (random.next() - 0.5) * 0.3;
  const mae = rmse * (0.66 + random.next() * 0.05);
  const r2 = Math.min(
    0.95,
    0.6 + Math.min(version, 40) * 0.022 + (random.next() - 0.5) * 0.04,
  );
  return { rmse: rmse.toFixed(4), mae: mae.toFixed(4), r2: r2.toFixed(4) };
}

/** Offsets of the seeded versions' timestamps: real data mixes `Z`, `+00:00` and odd offsets. */
const VERSION_OFFSETS: Record<number, number> = {
  3: 0,
  5: 120,
  7: 40,
  9: -300,
};

export function addRegistryModels(
  state: EmulatorState,
  devJobs: SeededJob[],
  random: SeededRandom,
  base: number,
  total: number,
) {
  const registryId = mlResourceId(
    DEV.subscriptionId,
    DEV.resourceGroup,
    'registries',
    DEV.registry,
  );
  const devScope = state.ml[key(registryId)];
  const completed = devJobs.filter(j => j.status === 'Completed');
  const created: Record<
    string,
    { props: Record<string, string>; jobName: string; at: number }
  > = {};
  for (let v = 1; v <= Math.max(total, 1); v++) {
    const seeded = v <= DEV_REGISTRY_VERSIONS;
    const job = seeded
      ? completed[v - 1]
      : completed[(v - 1) % completed.length];
    const at = seeded
      ? job.createdAt + 50 * 60_000 + random.int(0, 20 * 60_000)
      : base + 40 * DAY + v * 60_000;
    const metrics = metricsFor(v, random);
    const props: Record<string, string> = {
      'metric.rmse': metrics.rmse,
      'metric.mae': metrics.mae,
      'metric.r2': metrics.r2,
      'azureml.datasetVersion': 'taxi-raw-data:1',
    };
    // Real data is messy: one metric is not a number, another is missing.
    if (v === 4) props['metric.r2'] = 'N/A';
    if (v === 6) delete props['metric.mae'];
    const createdAt =
      v === 3 ? zulu(at) : formatTimestamp(at, VERSION_OFFSETS[v] ?? 0, 7);
    devScope.models[MODEL_NAME] ??= {
      container: buildModelContainer(
        devScope,
        MODEL_NAME,
        {
          description: 'NYC taxi fare regression model',
          // The owner tag the catalog module reads: the example org's ML Engineers
          // (examples/org.yaml), who own the taxi-fare component too.
          tags: { owner: 'ml-engineers' },
        },
        systemData(zulu(at), PIPELINE_PRINCIPAL, 'Application'),
      ),
      versions: {},
    };
    devScope.models[MODEL_NAME].versions[String(v)] = buildModelVersion(
      devScope,
      MODEL_NAME,
      String(v),
      {
        description: `Trained by pipeline ${job.name}`,
        tags: { trigger: 'pipeline', experiment: EXPERIMENT_NAME },
        properties: props,
        flavors: {
          python_function: { data: { loader_module: 'mlflow.sklearn' } },
        },
        modelType: 'mlflow_model',
        modelUri: `https://${DEV.registry.replace(
          /-/g,
          '',
        )}sa.blob.core.windows.net/${random.guid()}/model`,
        jobName: job.name,
      },
      {
        createdAt,
        createdBy: PIPELINE_PRINCIPAL,
        createdByType: 'Application',
        lastModifiedAt: createdAt,
        lastModifiedBy: PIPELINE_PRINCIPAL,
        lastModifiedByType: 'Application',
      },
    );
    created[String(v)] = { props, jobName: job.name, at };
  }
  refreshContainerVersions(devScope.models[MODEL_NAME]);

  const prodId = mlResourceId(
    PROD.subscriptionId,
    PROD.resourceGroup,
    'registries',
    PROD.registry,
  );
  const prodScope = state.ml[key(prodId)];
  PROMOTED_VERSIONS.forEach((version, index) => {
    const source = created[version];
    const at = zulu(source.at + (index + 2) * DAY);
    const sourceUri = `azureml://registries/${DEV.registry}/models/${MODEL_NAME}/versions/${version}`;
    const resource = buildModelVersion(
      prodScope,
      MODEL_NAME,
      version,
      {
        description: `Promoted from ${sourceUri}`,
        tags: {
          promotedFrom: sourceUri,
          ...(version === CHAMPION_VERSION ? { [CHAMPION_TAG]: 'true' } : {}),
        },
        properties: { ...source.props },
        flavors: {
          python_function: { data: { loader_module: 'mlflow.sklearn' } },
        },
        modelType: 'mlflow_model',
        modelUri: sourceUri,
        jobName: source.jobName,
      },
      systemData(at, 'sam.mlops@contoso.com'),
    );
    putModelVersion(
      prodScope,
      MODEL_NAME,
      resource,
      at,
      'sam.mlops@contoso.com',
    );
  });
  const prodContainer = prodScope.models[MODEL_NAME].container;
  prodContainer.properties.description =
    'NYC taxi fare regression model (production)';
  prodContainer.properties.tags = {
    owner: 'ml-engineers',
    [CHAMPION_TAG]: CHAMPION_VERSION,
  };
}

export function addWorkspaceModels(state: EmulatorState, devJobs: SeededJob[]) {
  const workspaceId = mlResourceId(
    DEV.subscriptionId,
    DEV.resourceGroup,
    'workspaces',
    DEV.workspace,
  );
  const scope: MlScope = state.ml[key(workspaceId)];
  const completed = devJobs.filter(j => j.status === 'Completed');
  const entries: Array<[string, number, Record<string, string>]> = [
    [
      MODEL_NAME,
      1,
      {
        'metric.rmse': '5.1022',
        'metric.mae': '3.5120',
        'metric.r2': '0.5811',
      },
    ],
    [
      MODEL_NAME,
      2,
      {
        'metric.rmse': '4.8801',
        'metric.mae': '3.3307',
        'metric.r2': '0.6140',
      },
    ],
    [
      MODEL_NAME,
      3,
      {
        'metric.rmse': '4.7012',
        'metric.mae': '3.2001',
        'metric.r2': '0.6405',
      },
    ],
    [
      BASELINE_MODEL_NAME,
      1,
      {
        'metric.rmse': '6.0003',
        'metric.mae': '4.1000',
        'metric.r2': '0.4102',
      },
    ],
  ];
  entries.forEach(([model, version, props], index) => {
    const job = completed[index];
    const at = zulu(job.createdAt + 2 * HOUR);
    putModelVersion(
      scope,
      model,
      buildModelVersion(
        scope,
        model,
        String(version),
        {
          description: 'Registered in the workspace during early experiments',
          tags: { stage: 'experiment' },
          properties: props,
          modelType: 'custom_model',
          modelUri: `azureml://subscriptions/${DEV.subscriptionId}/resourcegroups/${DEV.resourceGroup}/workspaces/${DEV.workspace}/datastores/workspaceartifactstore/paths/ExperimentRun/dcid.${job.name}/model`,
          jobName: job.name,
        },
        systemData(at, AUTHORS[0]),
      ),
      at,
      AUTHORS[0],
    );
  });
}
