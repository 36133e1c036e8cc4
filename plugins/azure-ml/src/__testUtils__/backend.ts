import { http, HttpResponse } from 'msw';
import {
  AzureMlEnvironment,
  AzureMlRegistry,
  ModelVersion,
  PipelineRun,
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
  } = {},
  baseUrl = azureMlBaseUrl,
) {
  const entity = `${baseUrl}/entities/component/default/taxi-fare`;
  return [
    http.get(`${baseUrl}/environments`, () =>
      HttpResponse.json({ items: data.environments ?? environments }),
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
  ];
}
