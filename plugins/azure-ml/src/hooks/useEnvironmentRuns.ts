import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, EnvironmentRunsQuery } from '../api';

/** One page of the pipeline runs of an environment's workspace, newest first. */
export function useEnvironmentRuns(
  environment: string,
  { experiment, status, cursor, limit }: EnvironmentRunsQuery,
) {
  const api = useApi(azureMlApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.getEnvironmentRuns(environment, {
        experiment,
        status,
        cursor,
        limit,
      }),
    [api, environment, experiment, status, cursor, limit],
  );
  return { page: value, loading, error, retry };
}
