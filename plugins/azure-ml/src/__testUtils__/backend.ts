import { http, HttpResponse } from 'msw';
import {
  AzureMlEnvironment,
  AzureMlRegistry,
  ModelVersion,
  PipelineRun,
  Promotion,
  PromotionSettings,
} from '@internal/plugin-azure-ml-common';
import { environments, registries } from './fixtures';

/** Where the test apps' discovery API puts the azure-ml backend (`backend.baseUrl` + `/api/azure-ml`). */
export const azureMlBaseUrl = 'http://localhost:7007/api/azure-ml';

/**
 * msw handlers standing in for the azure-ml backend: the same HTTP contract the real
 * `AzureMlClient` reads, answering the fixtures (or `data`) for entity `component:default/taxi-fare`.
 */
export function azureMlBackend(
  data: {
    environments?: AzureMlEnvironment[];
    registries?: AzureMlRegistry[];
    modelVersions?: ModelVersion[];
    pipelineRuns?: PipelineRun[];
    /** Absent: promotion is not configured (404), as on a portal without azureMl.promotion. */
    promotionSettings?: PromotionSettings;
    promotions?: Promotion[];
  } = {},
  baseUrl = azureMlBaseUrl,
) {
  const entity = `${baseUrl}/entities/component/default/taxi-fare`;
  return [
    http.get(`${baseUrl}/environments`, () =>
      HttpResponse.json({ items: data.environments ?? environments }),
    ),
    http.get(`${baseUrl}/environments/:environment/dns-validations`, () =>
      HttpResponse.json({ history: [] }),
    ),
    http.get(`${baseUrl}/registries`, () =>
      HttpResponse.json({ items: data.registries ?? registries }),
    ),
    http.get(`${entity}/models`, ({ request }) => {
      const environment = new URL(request.url).searchParams.get('environment');
      const items = (data.modelVersions ?? []).filter(
        v => !environment || v.environment === environment,
      );
      return HttpResponse.json({ items });
    }),
    http.get(`${entity}/runs`, () =>
      HttpResponse.json({ items: data.pipelineRuns ?? [] }),
    ),
    http.get(`${baseUrl}/promotion-settings`, () =>
      data.promotionSettings
        ? HttpResponse.json(data.promotionSettings)
        : HttpResponse.json(
            {
              error: {
                name: 'NotFoundError',
                message:
                  'Promotion is not configured on this portal (azureMl.promotion)',
              },
            },
            { status: 404 },
          ),
    ),
    http.get(`${baseUrl}/promotions`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const items = (data.promotions ?? []).filter(
        p =>
          (!query.get('entityRef') || p.entityRef === query.get('entityRef')) &&
          (!query.get('state') || p.state === query.get('state')),
      );
      return HttpResponse.json({ items });
    }),
  ];
}
