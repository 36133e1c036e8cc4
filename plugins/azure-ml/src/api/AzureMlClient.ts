import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AzureMlApiPaths,
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
    return this.get('/environments', {});
  }

  getRegistries(): Promise<{ items: AzureMlRegistry[] }> {
    return this.get('/registries', {});
  }

  getModelVersions(
    entity: CompoundEntityRef,
    query: ModelVersionsQuery = {},
  ): Promise<Page<ModelVersion>> {
    return this.get('/entities/{kind}/{namespace}/{name}/models', {
      path: entityPathParams(entity),
      query: {
        environment: query.environment,
        cursor: query.cursor,
        limit: query.limit?.toString(),
      },
    });
  }

  getPipelineRuns(
    entity: CompoundEntityRef,
    query: PipelineRunsQuery = {},
  ): Promise<Page<PipelineRun>> {
    return this.get('/entities/{kind}/{namespace}/{name}/runs', {
      path: entityPathParams(entity),
      query: {
        status: query.status,
        cursor: query.cursor,
        limit: query.limit?.toString(),
      },
    });
  }

  /** GET of a route of the API contract, typed by the generated OpenAPI types. */
  private async get<P extends GetPath>(
    path: P,
    params: RequestParams<P>,
  ): Promise<OkBody<P>> {
    const baseUrl = await this.discoveryApi.getBaseUrl('azure-ml');
    const pathParams: Record<string, string> = params.path ?? {};
    const resolved = path.replace(/\{(\w+)\}/g, (_, key: string) =>
      encodeURIComponent(pathParams[key]),
    );
    const url = new URL(`${baseUrl}${resolved}`);
    const query: Record<string, string | undefined> = params.query ?? {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        url.searchParams.set(key, value);
      }
    }
    const response = await this.fetchApi.fetch(url.toString());
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}

type GetPath = {
  [P in keyof AzureMlApiPaths]: AzureMlApiPaths[P]['get'] extends object
    ? P
    : never;
}[keyof AzureMlApiPaths];
type GetOperation<P extends GetPath> = AzureMlApiPaths[P]['get'];
type RequestParams<P extends GetPath> = {
  path?: GetOperation<P>['parameters']['path'];
  query?: GetOperation<P>['parameters']['query'];
};
type OkBody<P extends GetPath> =
  GetOperation<P>['responses'][200]['content']['application/json'];

/** Entity refs are case-insensitive; the lower-case form keeps one cache entry per entity. */
function entityPathParams({ kind, namespace, name }: CompoundEntityRef) {
  return {
    kind: kind.toLocaleLowerCase('en-US'),
    namespace: namespace.toLocaleLowerCase('en-US'),
    name: name.toLocaleLowerCase('en-US'),
  };
}
