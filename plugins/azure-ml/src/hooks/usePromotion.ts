import { useApi } from '@backstage/core-plugin-api';
import {
  Promotion,
  TERMINAL_PROMOTION_STATES,
} from '@internal/plugin-azure-ml-common';
import { useEffect, useState } from 'react';
import { azureMlApiRef } from '../api';

/** How often a request that has not ended is read again. */
export const PROMOTION_POLL_MS = 2000;

/**
 * Follows a request from `initial` until it ends (succeeded, failed, rejected, cancelled),
 * reading it again every {@link PROMOTION_POLL_MS}. A read that fails is retried at the next
 * tick and reported in `error` meanwhile.
 */
export function usePromotion(initial: Promotion | undefined) {
  const api = useApi(azureMlApiRef);
  const [promotion, setPromotion] = useState(initial);
  const [error, setError] = useState<Error>();
  useEffect(() => setPromotion(initial), [initial]);
  const id = promotion?.id;
  const ended = promotion
    ? TERMINAL_PROMOTION_STATES.includes(promotion.state)
    : true;
  useEffect(() => {
    if (!id || ended) return undefined;
    const timer = setInterval(() => {
      api.getPromotion(id).then(next => {
        setPromotion(next);
        setError(undefined);
      }, setError);
    }, PROMOTION_POLL_MS);
    return () => clearInterval(timer);
  }, [api, id, ended]);
  return { promotion, error, ended };
}
