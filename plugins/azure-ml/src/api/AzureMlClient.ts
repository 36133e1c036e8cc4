import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AzureMlApiPaths,
  AzureMlEnvironment,
  AzureMlRegistry,
  DnsValidation,
  DnsValidations,
  ModelVersion,
  Page,
  PipelineRun,
  PolicyEvaluation,
  Promotion,
  PromotionInput,
  PromotionSettings,
  RegistryModel,
  RollbackInput,
} from '@internal/plugin-azure-ml-common';
import {
  AzureMlApi,
  EnvironmentRunsQuery,
  ModelVersionsQuery,
  PageRequest,
  PipelineRunsQuery,
  PromotionResult,
  PromotionsQuery,
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
        environment: query.environment,
        status: query.status,
        cursor: query.cursor,
        limit: query.limit?.toString(),
      },
    });
  }

  getEnvironmentModels(
    environment: string,
    query: PageRequest = {},
  ): Promise<Page<RegistryModel>> {
    return this.get('/environments/{environment}/models', {
      path: { environment },
      query: { cursor: query.cursor, limit: query.limit?.toString() },
    });
  }

  getEnvironmentRuns(
    environment: string,
    query: EnvironmentRunsQuery = {},
  ): Promise<Page<PipelineRun>> {
    return this.get('/environments/{environment}/runs', {
      path: { environment },
      query: {
        experiment: query.experiment,
        status: query.status,
        cursor: query.cursor,
        limit: query.limit?.toString(),
      },
    });
  }

  async getPromotionSettings(): Promise<PromotionSettings | undefined> {
    const response = await this.send('GET', '/promotion-settings');
    if (response.status === 404) {
      return undefined;
    }
    return this.json(response);
  }

  async evaluatePromotion(input: PromotionInput): Promise<PolicyEvaluation> {
    return this.json(
      await this.send('POST', '/promotions/evaluate', { body: input }),
    );
  }

  async requestPromotion(input: PromotionInput): Promise<PromotionResult> {
    const response = await this.send('POST', '/promotions', { body: input });
    return {
      promotion: await this.json(response),
      created: response.status === 201,
    };
  }

  listPromotions(query: PromotionsQuery = {}): Promise<Page<Promotion>> {
    return this.get('/promotions', {
      query: {
        entityRef: query.entityRef?.toLocaleLowerCase('en-US'),
        state: query.state,
        cursor: query.cursor,
        limit: query.limit?.toString(),
      },
    });
  }

  getPromotion(id: string): Promise<Promotion> {
    return this.get('/promotions/{id}', { path: { id } });
  }

  async approvePromotion(id: string, comment?: string): Promise<Promotion> {
    return this.json(
      await this.send('POST', `/promotions/${encodeURIComponent(id)}/approve`, {
        body: comment ? { comment } : {},
      }),
    );
  }

  async rejectPromotion(id: string, comment?: string): Promise<Promotion> {
    return this.json(
      await this.send('POST', `/promotions/${encodeURIComponent(id)}/reject`, {
        body: comment ? { comment } : {},
      }),
    );
  }

  async rollback(input: RollbackInput): Promise<PromotionResult> {
    const response = await this.send('POST', '/rollbacks', { body: input });
    return {
      promotion: await this.json(response),
      created: response.status === 201,
    };
  }

  getDnsValidations(
    environment: string,
    query: { limit?: number } = {},
  ): Promise<DnsValidations> {
    return this.get('/environments/{environment}/dns-validations', {
      path: { environment },
      query: { limit: query.limit?.toString() },
    });
  }

  async runDnsValidation(environment: string): Promise<DnsValidation> {
    return this.json(
      await this.send(
        'POST',
        `/environments/${encodeURIComponent(environment)}/dns-validations`,
      ),
    );
  }

  /** GET of a route of the API contract, typed by the generated OpenAPI types. */
  private async get<P extends GetPath>(
    path: P,
    params: RequestParams<P>,
  ): Promise<OkBody<P>> {
    const pathParams: Record<string, string> = params.path ?? {};
    const resolved = path.replace(/\{(\w+)\}/g, (_, key: string) =>
      encodeURIComponent(pathParams[key]),
    );
    return this.json(
      await this.send('GET', resolved, {
        query: params.query as Record<string, string | undefined>,
      }),
    );
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    options: { query?: Record<string, string | undefined>; body?: object } = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('azure-ml');
    const url = new URL(`${baseUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') {
        url.searchParams.set(key, value);
      }
    }
    return this.fetchApi.fetch(url.toString(), {
      method,
      ...(options.body && {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options.body),
      }),
    });
  }

  private async json(response: Response) {
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
