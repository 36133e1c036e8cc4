import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

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
export function sendRendered(
  _req: Request,
  res: Response,
  rendered: RenderedResponse,
): void {
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
  private readonly entries = new Map<
    string,
    { value: RenderedResponse; expiresAt: number }
  >();
  private readonly inFlight = new Map<string, Promise<RenderedResponse>>();

  constructor(
    private readonly options: {
      enabled: boolean;
      ttlMs?: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  get(key: string, produce: () => Promise<unknown>): Promise<RenderedResponse> {
    if (!this.options.enabled) {
      return produce().then(render);
    }
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) {
      return Promise.resolve(entry.value);
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending;
    }
    const promise = produce()
      .then(value => {
        const rendered = render(value);
        this.keep(key, rendered);
        return rendered;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Number of answers held (expired ones are dropped as new ones come in). */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets every rendered answer (after a write that changes what the routes return). */
  clear(): void {
    this.entries.clear();
  }

  private keep(key: string, value: RenderedResponse) {
    const now = this.now();
    // Maps iterate in insertion order and every entry lives equally long, so expired entries
    // sit at the head: drop them, so that memory holds only the last second's answers.
    for (const [oldest, entry] of this.entries) {
      if (entry.expiresAt > now) {
        break;
      }
      this.entries.delete(oldest);
    }
    const max = this.options.maxEntries ?? MAX_ENTRIES;
    if (this.entries.size >= max) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.delete(key);
    this.entries.set(key, {
      value,
      expiresAt: now + (this.options.ttlMs ?? RENDERED_TTL_MS),
    });
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }
}
