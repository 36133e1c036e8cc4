import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { azureMlApiRef } from '../api';

/**
 * The configured Azure ML environments (dev, prod, ...), in configuration order, limited to
 * `only` (the entity's `ml.azure.com/environments`) when given.
 */
export function useEnvironments(only?: string[]) {
  const api = useApi(azureMlApiRef);
  const onlyKey = only?.join(',');
  const { value, loading, error } = useAsync(async () => {
    const { items } = await api.getEnvironments();
    const subset = onlyKey?.split(',');
    return subset ? items.filter(e => subset.includes(e.name)) : items;
  }, [api, onlyKey]);
  return { environments: value, loading, error };
}
