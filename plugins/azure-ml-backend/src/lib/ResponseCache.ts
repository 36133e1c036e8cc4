import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { LocalCache } from './LocalCache';

/** A JSON answer serialized once, with its entity tag. */
export interface RenderedResponse {
  body: Buffer;
  etag: string;
}

/** How long a rendered answer is reused; short, because the data below it has its own TTLs. */
export const RENDERED_TTL_MS = 1000;
const MAX_ENTRIES = 500;

/** Serializes a value and tags it with a strong ETag over the bytes. */
export function render(value: unknown): RenderedResponse {
  const body = Buffer.from(JSON.stringify(value));
  const hash = createHash('sha1').update(body).digest('base64url');
  return { body, etag: `"${body.length.toString(16)}-${hash}"` };
}

/**
 * Sends a rendered answer. Express answers 304 Not Modified by itself when the request's
 * `If-None-Match` matches the ETag, so a polling page costs no body at all.
 */
export function sendRendered(res: Response, rendered: RenderedResponse): void {
  res.setHeader('ETag', rendered.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.type('application/json');
  res.send(rendered.body);
}

/**
 * Keeps the serialized answers of the read routes for about a second, keyed by everything the
 * answer depends on (route, the entity's annotations, query parameters) and never by caller:
 * authorization happens before an answer is looked up. A page that many people have open
 * then costs a map lookup per request instead of a merge, a JSON serialization and an ETag
 * hash; concurrent identical requests share one rendering (single-flight).
 */
export class ResponseCache {
  private readonly local: LocalCache<RenderedResponse>;

  constructor(
    private readonly options: {
      enabled: boolean;
      ttlMs?: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {
    this.local = new LocalCache({
      maxEntries: options.maxEntries ?? MAX_ENTRIES,
      now: options.now,
    });
  }

  get(key: string, produce: () => Promise<unknown>): Promise<RenderedResponse> {
    if (!this.options.enabled) {
      return produce().then(render);
    }
    const kept = this.local.get(key);
    if (kept) {
      return Promise.resolve(kept);
    }
    return this.local.once(key, async () => {
      const rendered = render(await produce());
      this.local.set(key, rendered, this.options.ttlMs ?? RENDERED_TTL_MS);
      return rendered;
    });
  }

  /** Number of answers held (expired ones are dropped as new ones come in). */
  get size(): number {
    return this.local.size;
  }

  /** Forgets every rendered answer (after a write that changes what the routes return). */
  clear(): void {
    this.local.clear();
  }
}
