import { useApi } from '@backstage/core-plugin-api';
import { TERMINAL_PROMOTION_STATES } from '@internal/plugin-azure-ml-common';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, PromotionsQuery } from '../api';

/** How often a list holding a request that has not ended is read again. */
export const PROMOTIONS_REFRESH_MS = 5000;

/**
 * One page of promotion requests. While a request on it has not ended the page is read again
 * every {@link PROMOTIONS_REFRESH_MS}, so states move on without a reload.
 */
export function usePromotions(query: PromotionsQuery) {
  const api = useApi(azureMlApiRef);
  const { entityRef, state, cursor, limit } = query;
  const result = useAsyncRetry(
    () => api.listPromotions({ entityRef, state, cursor, limit }),
    [api, entityRef, state, cursor, limit],
  );
  const { value, retry } = result;
  const active = value?.items.some(
    p => !TERMINAL_PROMOTION_STATES.includes(p.state),
  );
  useEffect(() => {
    if (!active) return undefined;
    const timer = setTimeout(retry, PROMOTIONS_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [active, retry, value]);
  return {
    page: value,
    // A background refresh keeps the rows on screen instead of a spinner.
    loading: result.loading && !value,
    error: result.error,
    retry,
  };
}
