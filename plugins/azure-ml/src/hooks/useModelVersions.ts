import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, ModelVersionsQuery } from '../api';
import { usePromotionEvents } from '../components/Promotion/PromotionEvents';

/** One page of the entity's model versions. */
export function useModelVersions(
  entityRef: CompoundEntityRef,
  { environment, cursor, limit }: ModelVersionsQuery,
) {
  const api = useApi(azureMlApiRef);
  const { kind, namespace, name } = entityRef;
  // Read again when a promotion on this page ended (a new prod version, a moved champion).
  const { generation } = usePromotionEvents();
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.getModelVersions(
        { kind, namespace, name },
        { environment, cursor, limit },
      ),
    [api, kind, namespace, name, environment, cursor, limit, generation],
  );
  return { page: value, loading, error, retry };
}
