import {
  PipelinePolicy,
  PipelineRequest,
  RestError,
} from '@azure/core-rest-pipeline';

/** Names of the pipeline policies, for `pipeline.removePolicy` / diagnostics. */
export const armAttemptTimeoutPolicyName = 'azureMlArmAttemptTimeout';
export const armDeadlinePolicyName = 'azureMlArmDeadline';

/** The overall deadline of one ARM call ran out (retries and waits included). */
export class ArmDeadlineExceeded extends Error {
  name = 'ArmDeadlineExceeded';
  constructor(readonly deadlineMs: number) {
    super(`no answer within the ${deadlineMs} ms deadline`);
  }
}

/**
 * Runs `next` with an abort signal that fires after `ms` (or when the request's own signal
 * does) and tells whether the timer fired.
 */
async function withTimer<T>(
  request: PipelineRequest,
  ms: number,
  run: () => Promise<T>,
  onTimeout: (error: unknown) => Error,
): Promise<T> {
  const outer = request.abortSignal;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  const forward = () => controller.abort();
  outer?.addEventListener('abort', forward);
  if (outer?.aborted) {
    controller.abort();
  }
  request.abortSignal = controller.signal;
  try {
    return await run();
  } catch (error) {
    throw timedOut ? onTimeout(error) : error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
    request.abortSignal = outer;
  }
}

/**
 * Abandons one attempt after `ms` without an answer. The timeout is raised as a network-level
 * `ETIMEDOUT`, which the retry policy retries like any lost connection (add it with
 * `afterPhase: 'Retry'`, after the read budget, so waiting for a token does not count).
 */
export function armAttemptTimeoutPolicy(ms: number): PipelinePolicy {
  return {
    name: armAttemptTimeoutPolicyName,
    sendRequest: (request, next) =>
      withTimer(
        request,
        ms,
        () => next(request),
        () =>
          new RestError(`no answer within ${ms} ms`, {
            code: 'ETIMEDOUT',
            request,
          }),
      ),
  };
}

/**
 * Stops one ARM call, retries and `Retry-After` waits included, after `ms` (add it without a
 * phase: it runs once around the retry policy).
 */
export function armDeadlinePolicy(ms: number): PipelinePolicy {
  return {
    name: armDeadlinePolicyName,
    sendRequest: (request, next) =>
      withTimer(
        request,
        ms,
        () => next(request),
        () => new ArmDeadlineExceeded(ms),
      ),
  };
}
