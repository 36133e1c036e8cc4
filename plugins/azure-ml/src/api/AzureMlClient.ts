import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AzureMlEnvironment,
  AzureMlRegistry,
  ModelVersion,
  Page,
  PipelineRun,
} from '@internal/plugin-azure-ml-common';
import {
  AzureMlApi,
  ModelVersionsQuery,
  PipelineRunsQuery,
} from './AzureMlApi';

/** Client of the Azure ML backend over `discoveryApi` and `fetchApi`. @public */
export class AzureMlClient implements AzureMlApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEnvironments(): Promise<{ items: AzureMlEnvironment[] }> {
    return this.get('environments');
  }

  getRegistries(): Promise<{ items: AzureMlRegistry[] }> {
    return this.get('registries');
  }

  getModelVersions(
    entity: CompoundEntityRef,
    query: ModelVersionsQuery = {},
  ): Promise<Page<ModelVersion>> {
    return this.get(`${entityPath(entity)}/models`, {
      environment: query.environment,
      cursor: query.cursor,
      limit: query.limit?.toString(),
    });
  }

  getPipelineRuns(
    entity: CompoundEntityRef,
    query: PipelineRunsQuery = {},
  ): Promise<Page<PipelineRun>> {
    return this.get(`${entityPath(entity)}/runs`, {
      status: query.status,
      cursor: query.cursor,
      limit: query.limit?.toString(),
    });
  }

  private async get<T>(
    path: string,
    params: Record<string, string | undefined> = {},
  ): Promise<T> {
    const baseUrl = `${await this.discoveryApi.getBaseUrl('azure-ml')}/`;
    const url = new URL(path, baseUrl);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') {
        url.searchParams.set(key, value);
      }
    }
    const response = await this.fetchApi.fetch(url.toString());
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return ['entities', kind, namespace, name]
    .map(segment => encodeURIComponent(segment.toLocaleLowerCase('en-US')))
    .join('/');
}
