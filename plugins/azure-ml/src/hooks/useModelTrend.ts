import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { azureMlApiRef } from '../api';
import { findChampions } from '../lib/metrics';

/** Versions per environment that the trend chart plots (the newest ones). */
export const TREND_VERSIONS_PER_ENVIRONMENT = 50;

/**
 * The newest versions of each environment, and the champion of each model among them.
 * One request per environment, so a large dev registry cannot crowd prod out of the sample.
 */
export function useModelTrend(
  entityRef: CompoundEntityRef,
  environments: string[] | undefined,
) {
  const api = useApi(azureMlApiRef);
  const { kind, namespace, name } = entityRef;
  const key = environments?.join(',');
  const { value, loading, error } = useAsync(async () => {
    if (!environments) {
      return undefined;
    }
    const pages = await Promise.all(
      environments.map(environment =>
        api.getModelVersions(
          { kind, namespace, name },
          { environment, limit: TREND_VERSIONS_PER_ENVIRONMENT },
        ),
      ),
    );
    const versions = pages.flatMap(page => page.items);
    return { versions, champions: findChampions(versions, environments) };
    // `key` stands for `environments`, whose identity changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, kind, namespace, name, key]);
  return {
    versions: value?.versions,
    champions: value?.champions,
    loading: loading || !environments,
    error,
  };
}
