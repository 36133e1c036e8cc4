import {
  applyAliases,
  metricsFromProperties,
  normalizeTimestamp,
  toModelContainerSummary,
  toModelVersion,
  toPipelineRun,
  toWorkspaceDetails,
} from './mappers';

const env = {
  name: 'dev',
  subscriptionId: '11111111-1111-4111-8111-111111111111',
  resourceGroup: 'rg-aml-dev',
  workspace: 'mlw-dev',
  registry: 'mlr-dev',
  location: 'westeurope',
};

describe('mappers', () => {
  it('turns metric.* properties into numbers and drops the rest', () => {
    expect(
      metricsFromProperties({
        'metric.rmse': '3.25',
        'metric.mae': 'N/A',
        'metric.r2': ' 0.81 ',
        'metric.empty': '',
        'metric.null': null,
        jobName: 'job-1',
      }),
    ).toEqual({ rmse: 3.25, r2: 0.81 });
  });

  it('parses timestamps with odd offsets and 7-digit fractions into UTC', () => {
    expect(normalizeTimestamp('2024-05-01T12:00:00.1234567+05:30')).toBe(
      '2024-05-01T06:30:00.123Z',
    );
    expect(normalizeTimestamp('garbage')).toBeUndefined();
  });

  it('maps a registry model version (name is the version; model name from the id)', () => {
    const version = toModelVersion(
      {
        id: '/subscriptions/x/resourceGroups/rg-aml-dev/providers/Microsoft.MachineLearningServices/registries/mlr-dev/models/taxi-fare-model/versions/7',
        name: '7',
        systemData: { createdAt: '2024-05-01T12:00:00+00:00', createdBy: 'ci' },
        properties: {
          tags: { team: 'ml' },
          properties: { 'metric.rmse': '3.1' },
          jobName: 'train-7',
          stage: 'Development',
        },
      },
      env,
      'ignored',
    );
    expect(version).toMatchObject({
      name: 'taxi-fare-model',
      version: '7',
      environment: 'dev',
      registry: 'mlr-dev',
      createdAt: '2024-05-01T12:00:00.000Z',
      createdBy: 'ci',
      metrics: { rmse: 3.1 },
      tags: { team: 'ml' },
      stage: 'Development',
      jobName: 'train-7',
      aliases: [],
      studioUrl:
        'https://ml.azure.com/registries/mlr-dev/models/taxi-fare-model/version/7',
    });
    expect(version.jobStudioUrl).toMatch(
      /^https:\/\/ml\.azure\.com\/runs\/train-7\?wsid=/,
    );
    expect(applyAliases(version, { champion: '7' }).aliases).toEqual([
      'champion',
    ]);
    expect(applyAliases(version, { champion: '6' }).aliases).toEqual([]);
  });

  it('reads network isolation from a 2024-04-01 workspace', () => {
    expect(
      toWorkspaceDetails({
        properties: {
          workspaceId: 'guid-1',
          publicNetworkAccess: 'Disabled',
          managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
        },
      }),
    ).toEqual({
      workspaceId: 'guid-1',
      networkMode: 'private',
      managedNetworkIsolation: 'AllowOnlyApprovedOutbound',
    });
    // Without managedNetwork (as 2022-10-01 answers) the isolation is unknown, not invented.
    expect(
      toWorkspaceDetails({ properties: { publicNetworkAccess: 'Enabled' } }),
    ).toEqual({ networkMode: 'public', managedNetworkIsolation: undefined });
  });

  it('maps a pipeline job to its status, systemData times and defined steps only', () => {
    const run = toPipelineRun(
      {
        name: 'sincere_tail_1',
        systemData: { createdAt: '2026-11-20T10:00:00+01:00', createdBy: 'ci' },
        properties: {
          jobType: 'Pipeline',
          status: 'Running',
          experimentName: 'taxi-fare-train',
          jobs: {
            transform: { type: 'command', name: 'transform' },
            train: { type: 'command', display_name: 'Train model' },
          },
        },
      },
      env,
    );
    expect(run).toMatchObject({
      id: 'sincere_tail_1',
      status: 'Running',
      createdAt: '2026-11-20T09:00:00.000Z',
      createdBy: 'ci',
      steps: [
        { name: 'transform' },
        { name: 'train', displayName: 'Train model' },
      ],
    });
    expect(run).not.toHaveProperty('durationMs');
    expect(
      toPipelineRun({ name: 'j', properties: { status: 'Weird' } }, env).status,
    ).toBe('Unknown');
  });

  it('maps a model container: string tags only, not archived unless ARM says so', () => {
    expect(
      toModelContainerSummary({
        name: 'taxi-fare-model',
        properties: {
          description: 'Fares',
          tags: { owner: 'team-taxi', champion: null },
          latestVersion: '12',
        },
      }),
    ).toEqual({
      name: 'taxi-fare-model',
      description: 'Fares',
      tags: { owner: 'team-taxi' },
      latestVersion: '12',
      isArchived: false,
    });
    expect(
      toModelContainerSummary({
        name: 'old',
        properties: { isArchived: true },
      }),
    ).toEqual({ name: 'old', tags: {}, isArchived: true });
  });
});
