import { badRequest } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

function encodeToken(offset: number) {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw badRequest(
    `The continuation token '${token}' is not valid.`,
    'InvalidSkipToken',
  );
}

/** Reads a query parameter whatever its casing (ARM treats names case-insensitively). */
export function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [k, v] of url.searchParams) {
    if (k.toLowerCase() === wanted) return v;
  }
  return null;
}

export function parseTop(url: URL): number | undefined {
  const raw = queryParam(url, '$top');
  if (raw === null) return undefined;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1) {
    throw badRequest(
      `The value '${raw}' of query parameter '$top' is not valid: expected a positive integer.`,
      'InvalidTop',
    );
  }
  return Math.min(top, MAX_PAGE_SIZE);
}

/**
 * One page of an already filtered and sorted list, ARM style: `{ value, nextLink }`, the
 * nextLink being this request's URL with `$skipToken` (every other parameter kept). The token is
 * an offset into the stable order, so each item is returned exactly once while data is unchanged.
 */
export function pageOf<T>(items: T[], url: URL, pageSize: number) {
  const token = queryParam(url, '$skipToken') ?? queryParam(url, '$skip');
  const offset = token ? decodeToken(token) : 0;
  const value = items.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  if (next >= items.length) {
    return { value };
  }
  const nextUrl = new URL(url.toString());
  for (const k of [...nextUrl.searchParams.keys()]) {
    if (['$skiptoken', '$skip'].includes(k.toLowerCase()))
      nextUrl.searchParams.delete(k);
  }
  nextUrl.searchParams.set('$skipToken', encodeToken(next));
  return { value, nextLink: nextUrl.toString() };
}
