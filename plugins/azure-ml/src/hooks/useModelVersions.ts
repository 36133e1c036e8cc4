import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, ModelVersionsQuery } from '../api';
import { usePromotionEvents } from '../components/Promotion/PromotionEvents';

/** One page of the entity's model versions; nothing is read while `skip` is set. */
export function useModelVersions(
  entityRef: CompoundEntityRef,
  { environment, cursor, limit }: ModelVersionsQuery,
  options: { skip?: boolean } = {},
) {
  const { skip = false } = options;
  const api = useApi(azureMlApiRef);
  const { kind, namespace, name } = entityRef;
  // Read again when a promotion on this page ended (a new prod version, a moved champion).
  const { generation } = usePromotionEvents();
  const { value, loading, error, retry } = useAsyncRetry(
    async () =>
      skip
        ? undefined
        : api.getModelVersions(
            { kind, namespace, name },
            { environment, cursor, limit },
          ),
    [api, kind, namespace, name, environment, cursor, limit, generation, skip],
  );
  return { page: value, loading, error, retry };
}
