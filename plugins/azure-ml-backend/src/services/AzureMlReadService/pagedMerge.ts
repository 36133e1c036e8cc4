import { InputError } from '@backstage/errors';
import { CursorSigner } from '../../lib/CursorSigner';

/** Where one source (e.g. one model in one registry) stands between two pages. */
export interface SourceState {
  /** ARM URL of the page being read; absent for the first page. */
  link?: string;
  /** Items of that page already returned. */
  offset: number;
  /** The source has nothing more. */
  done?: boolean;
}

/** One ARM list that takes part in a merged, newest-first listing. */
export interface PagedSource<T> {
  /** Stable identity of the source within the query (e.g. `dev/taxi-fare-model`). */
  key: string;
  /** Reads the page at `link` (the first page when absent). */
  load(link?: string): Promise<{ items: T[]; nextLink?: string }>;
  /** Only links under this URL are followed (cursors come from clients). */
  isOwnLink(link: string): boolean;
}

/** The most pages one request reads from one source to find items that pass the filter. */
const MAX_PAGES_PER_SOURCE = 10;

interface Cursor {
  /** Fingerprint of the query the cursor belongs to. */
  q: string;
  s: SourceState[];
}

/** A signed cursor: ARM links in it are followed only because this API wrote them. */
export function encodeCursor(
  signer: CursorSigner,
  query: string,
  states: SourceState[],
): string {
  return signer.sign(JSON.stringify({ q: query, s: states }));
}

export function decodeCursor(
  signer: CursorSigner,
  cursor: string | undefined,
  query: string,
  sources: PagedSource<unknown>[],
): SourceState[] {
  if (cursor === undefined) {
    return sources.map(() => ({ offset: 0 }));
  }
  const payload = signer.verify(cursor);
  if (payload === undefined) {
    throw new InputError(
      "Invalid 'cursor' parameter: not a cursor of this API; pass the nextCursor of a previous page unchanged",
    );
  }
  let parsed: Cursor;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw new InputError(
      "Invalid 'cursor' parameter: not a cursor of this API",
    );
  }
  if (parsed?.q !== query || !Array.isArray(parsed.s)) {
    throw new InputError(
      "Invalid 'cursor' parameter: it belongs to a different query; pass the nextCursor of the same query",
    );
  }
  if (parsed.s.length !== sources.length) {
    throw new InputError("Invalid 'cursor' parameter: wrong number of sources");
  }
  return parsed.s.map((state, index) => {
    const valid =
      state &&
      Number.isInteger(state.offset) &&
      state.offset >= 0 &&
      (state.link === undefined ||
        (typeof state.link === 'string' &&
          sources[index].isOwnLink(state.link)));
    if (!valid) {
      throw new InputError(
        "Invalid 'cursor' parameter: malformed source state",
      );
    }
    return {
      link: state.link,
      offset: state.offset,
      done: Boolean(state.done),
    };
  });
}

/**
 * Reads one page of up to `limit` items, newest first, from several ARM lists at once: each
 * source is read from where the cursor left it (in parallel), then the sources are merged. The
 * merge stops early rather than skip ahead of a source whose buffered page ran out, so the
 * global order is exact and no item is returned twice or skipped.
 */
export async function readMergedPage<T>(options: {
  query: string;
  sources: PagedSource<T>[];
  cursor?: string;
  limit: number;
  compare: (a: T, b: T) => number;
  accept?: (item: T) => boolean;
  /** Signs the cursors handed out and checks the one given. */
  signer: CursorSigner;
}): Promise<{ items: T[]; nextCursor?: string }> {
  const { sources, limit, compare, query, signer } = options;
  const accept = options.accept ?? (() => true);
  const states = decodeCursor(signer, options.cursor, query, sources);
  const buffers = await Promise.all(
    sources.map((source, index) => fillTracked(source, states[index], accept)),
  );

  const items: T[] = [];
  while (items.length < limit) {
    let best = -1;
    let blocked = false;
    buffers.forEach((buffer, index) => {
      if (buffer.position >= buffer.entries.length) {
        blocked ||= Boolean(buffer.nextLink);
        return;
      }
      if (
        best < 0 ||
        compare(
          buffer.entries[buffer.position].item,
          buffers[best].entries[buffers[best].position].item,
        ) < 0
      ) {
        best = index;
      }
    });
    if (best < 0 || blocked) {
      break;
    }
    items.push(buffers[best].entries[buffers[best].position].item);
    buffers[best].position += 1;
  }

  const next = buffers.map(nextState);
  const more = next.some(state => !state.done);
  return {
    items,
    nextCursor: more ? encodeCursor(signer, query, next) : undefined,
  };
}

interface TrackedBuffer<T> {
  /** Accepted items with their index in the ARM page at `link`. */
  entries: Array<{ item: T; index: number }>;
  position: number;
  link?: string;
  nextLink?: string;
  pageLength: number;
  done: boolean;
}

async function fillTracked<T>(
  source: PagedSource<T>,
  state: SourceState,
  accept: (item: T) => boolean,
): Promise<TrackedBuffer<T>> {
  if (state.done) {
    return { entries: [], position: 0, pageLength: 0, done: true };
  }
  let link = state.link;
  let offset = state.offset;
  for (let pages = 1; ; pages++) {
    const page = await source.load(link);
    const from = offset;
    const entries = page.items
      .map((item, index) => ({ item, index }))
      .filter(entry => entry.index >= from && accept(entry.item));
    if (entries.length > 0 || !page.nextLink || pages >= MAX_PAGES_PER_SOURCE) {
      return {
        entries,
        position: 0,
        link,
        nextLink: page.nextLink,
        pageLength: page.items.length,
        done: false,
      };
    }
    link = page.nextLink;
    offset = 0;
  }
}

function nextState<T>(buffer: TrackedBuffer<T>): SourceState {
  if (buffer.done) {
    return { offset: 0, done: true };
  }
  if (buffer.position < buffer.entries.length) {
    // Resume at the first item not returned yet.
    return { link: buffer.link, offset: buffer.entries[buffer.position].index };
  }
  if (buffer.nextLink) {
    return { link: buffer.nextLink, offset: 0 };
  }
  return { offset: 0, done: true };
}
