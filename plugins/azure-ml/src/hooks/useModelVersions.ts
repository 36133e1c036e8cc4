import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, ModelVersionsQuery } from '../api';

/** One page of the entity's model versions. */
export function useModelVersions(
  entityRef: CompoundEntityRef,
  { environment, cursor, limit }: ModelVersionsQuery,
) {
  const api = useApi(azureMlApiRef);
  const { kind, namespace, name } = entityRef;
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.getModelVersions(
        { kind, namespace, name },
        { environment, cursor, limit },
      ),
    [api, kind, namespace, name, environment, cursor, limit],
  );
  return { page: value, loading, error, retry };
}
