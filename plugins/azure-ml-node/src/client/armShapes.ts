/*
 * What an ARM answer must look like before anything maps or caches it. A proxy or gateway can
 * answer HTTP 200 with an error body or an HTML page; mapped blindly that becomes an empty list
 * that is cached for the TTL. These checks say what is wrong (the caller answers 502).
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `body` is not an ARM resource (a JSON object that is not ARM's error body), if it is not. */
export function resourceShapeProblem(body: unknown): string | undefined {
  if (!isObject(body)) {
    return `expected a JSON object, got ${
      Array.isArray(body) ? 'an array' : typeof body
    }`;
  }
  if ('error' in body && isObject(body.error)) {
    const { code, message } = body.error;
    return `an error body (${String(code ?? 'no code')}: ${String(
      message ?? 'no message',
    )})`;
  }
  return undefined;
}

/** Why `body` is not an ARM list page (`{ value: object[], nextLink?: string }`), if it is not. */
export function listShapeProblem(body: unknown): string | undefined {
  const problem = resourceShapeProblem(body);
  if (problem) {
    return problem;
  }
  const { value, nextLink } = body as Record<string, unknown>;
  if (!Array.isArray(value)) {
    return "no 'value' array";
  }
  if (!value.every(isObject)) {
    return "'value' holds something that is not an object";
  }
  if (
    nextLink !== undefined &&
    nextLink !== null &&
    typeof nextLink !== 'string'
  ) {
    return "'nextLink' is not a string";
  }
  return undefined;
}
