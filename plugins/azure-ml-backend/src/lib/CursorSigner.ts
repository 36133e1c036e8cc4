import { DatabaseService } from '@backstage/backend-plugin-api';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { migratedClient } from './migratedClient';

const SECRETS_TABLE = 'azure_ml_secrets';
const CURSOR_KEY_NAME = 'cursor-hmac';

/**
 * Signs paging cursors (HMAC-SHA256) so that the read API follows only the ARM links it handed
 * out itself: a cursor whose link was changed (`$top`, `$orderBy`, another api-version) or made
 * up fails the check and never reaches ARM or the cache.
 *
 * The key is generated once and kept in the plugin's database (`azure_ml_secrets`), not in
 * config: Backstage has no shared secret by default, and a per-process key would make a cursor
 * issued by one replica fail on another. Every replica on the same database reads the same
 * key, so cursors work across replicas and restarts without configuration.
 */
export class CursorSigner {
  private constructor(private readonly key: Buffer) {}

  /** The signer with the key of this database, created by the first replica that asks. */
  static async fromDatabase(database: DatabaseService): Promise<CursorSigner> {
    const db = await migratedClient(database);
    // Two replicas starting at once both try; the first insert wins, both read it.
    await db(SECRETS_TABLE)
      .insert({
        name: CURSOR_KEY_NAME,
        secret: randomBytes(32).toString('base64'),
        created_at: new Date().toISOString(),
      })
      .onConflict('name')
      .ignore();
    const row = await db(SECRETS_TABLE)
      .where({ name: CURSOR_KEY_NAME })
      .first('secret');
    return new CursorSigner(Buffer.from(row.secret, 'base64'));
  }

  /** A signer with a key of its own (tests, tools). */
  static withKey(key: Buffer): CursorSigner {
    return new CursorSigner(key);
  }

  /** `payload` (any text) as an opaque, URL-safe, signed token. */
  sign(payload: string): string {
    const body = Buffer.from(payload).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The payload of a token this key signed; undefined for anything else. */
  verify(token: string): string | undefined {
    const dot = token.indexOf('.');
    if (dot < 0) {
      return undefined;
    }
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = this.mac(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return undefined;
    }
    return Buffer.from(body, 'base64url').toString('utf8');
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
