import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, PipelineRunsQuery } from '../api';

/** One page of the pipeline runs of the entity's experiment. */
export function usePipelineRuns(
  entityRef: CompoundEntityRef,
  { environment, status, cursor, limit }: PipelineRunsQuery,
) {
  const api = useApi(azureMlApiRef);
  const { kind, namespace, name } = entityRef;
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.getPipelineRuns(
        { kind, namespace, name },
        { environment, status, cursor, limit },
      ),
    [api, kind, namespace, name, environment, status, cursor, limit],
  );
  return { page: value, loading, error, retry };
}
