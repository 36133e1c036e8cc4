import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { azureMlApiRef } from '../api';

/** How the portal promotes; `settings` is undefined when promotion is not configured. */
export function usePromotionSettings() {
  const api = useApi(azureMlApiRef);
  const { value, loading, error } = useAsync(
    () => api.getPromotionSettings(),
    [api],
  );
  return { settings: value, loading, error };
}
