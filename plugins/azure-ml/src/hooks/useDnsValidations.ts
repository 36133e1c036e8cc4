import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { azureMlApiRef } from '../api';

/** Runs kept in the card's pass/fail history. */
export const DNS_HISTORY_LENGTH = 30;

/**
 * The environment's latest DNS validation and history, plus `validate()` that runs one now
 * and reloads (`running` while it runs, `runError` when it failed).
 */
export function useDnsValidations(environment: string) {
  const api = useApi(azureMlApiRef);
  const state = useAsyncRetry(
    () => api.getDnsValidations(environment, { limit: DNS_HISTORY_LENGTH }),
    [api, environment],
  );
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<Error | undefined>();
  const { retry } = state;
  const validate = useCallback(async () => {
    setRunning(true);
    setRunError(undefined);
    try {
      await api.runDnsValidation(environment);
      retry();
    } catch (error) {
      setRunError(error as Error);
    } finally {
      setRunning(false);
    }
  }, [api, environment, retry]);
  return {
    validations: state.value,
    loading: state.loading,
    error: state.error,
    validate,
    running,
    runError,
  };
}
