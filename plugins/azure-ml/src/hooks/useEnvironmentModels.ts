import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, PageRequest } from '../api';

/** One page of the models of an environment's registry, by name. */
export function useEnvironmentModels(
  environment: string,
  { cursor, limit }: PageRequest,
) {
  const api = useApi(azureMlApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEnvironmentModels(environment, { cursor, limit }),
    [api, environment, cursor, limit],
  );
  return { page: value, loading, error, retry };
}
