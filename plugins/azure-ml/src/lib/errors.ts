import { ResponseError } from '@backstage/errors';

/** The backend's own message for a failed call (it names the bad input), else the error's. */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const body = (error as ResponseError).body;
    if (body?.error?.message) return body.error.message;
  }
  return error.message;
}
