import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { azureMlApiRef } from '../api';

/** The Azure ML registries of the configured environments. */
export function useRegistries() {
  const api = useApi(azureMlApiRef);
  const { value, loading, error } = useAsync(
    async () => (await api.getRegistries()).items,
    [api],
  );
  return { registries: value, loading, error };
}
