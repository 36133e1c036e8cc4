import { useApi } from '@backstage/core-plugin-api';
import { TERMINAL_PROMOTION_STATES } from '@internal/plugin-azure-ml-common';
import { useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef, PromotionsQuery } from '../api';
import { usePromotionEvents } from '../components/Promotion/PromotionEvents';

/** How often a list holding a request that has not ended is read again. */
export const PROMOTIONS_REFRESH_MS = 5000;

/**
 * One page of promotion requests. While a request on it has not ended the page is read again
 * every {@link PROMOTIONS_REFRESH_MS}, so states move on without a reload.
 */
export function usePromotions(query: PromotionsQuery) {
  const api = useApi(azureMlApiRef);
  const { entityRef, state, cursor, limit } = query;
  const { generation, changed } = usePromotionEvents();
  const result = useAsyncRetry(
    () => api.listPromotions({ entityRef, state, cursor, limit }),
    [api, entityRef, state, cursor, limit, generation],
  );
  const { value, retry } = result;
  // A request seen running that has now ended changed the registries: tell the other cards.
  const running = useRef(new Set<string>());
  useEffect(() => {
    if (!value) return;
    let ended = false;
    for (const p of value.items) {
      const isRunning = !TERMINAL_PROMOTION_STATES.includes(p.state);
      if (!isRunning && running.current.has(p.id)) ended = true;
      if (isRunning) running.current.add(p.id);
      else running.current.delete(p.id);
    }
    if (ended) changed();
  }, [value, changed]);
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
