import {
  DatabaseService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  PolicyEvaluation,
  Promotion,
  PromotionState,
  TERMINAL_PROMOTION_STATES,
} from '@internal/plugin-azure-ml-common';
import { Knex } from 'knex';
import { migratedClient } from '../../lib/migratedClient';

const TABLE = 'azure_ml_promotions';

interface Row {
  id: string;
  kind: Promotion['kind'];
  entity_ref: string;
  model: string;
  source_env: string;
  source_version: string;
  target_env: string;
  target_version: string;
  previous_champion: string | null;
  state: PromotionState;
  requested_by: string;
  request_comment: string | null;
  decided_by: string | null;
  decision_comment: string | null;
  evaluation: string | null;
  attempts: number;
  last_error: string | null;
  active_key: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A stored request: the API's Promotion without what is derived when answering. */
export type StoredPromotion = Omit<Promotion, 'targetStudioUrl'> & {
  nextAttemptAt?: string;
};

/** What a new request is made of. */
export type NewPromotion = Pick<
  StoredPromotion,
  | 'id'
  | 'kind'
  | 'entityRef'
  | 'model'
  | 'sourceEnvironment'
  | 'sourceVersion'
  | 'targetEnvironment'
  | 'targetVersion'
  | 'state'
  | 'requestedBy'
  | 'requestComment'
  | 'evaluation'
  | 'previousChampion'
>;

function fromRow(row: Row): StoredPromotion {
  const optional = <T>(value: T | null) => (value === null ? undefined : value);
  return {
    id: row.id,
    kind: row.kind,
    entityRef: row.entity_ref,
    model: row.model,
    sourceEnvironment: row.source_env,
    sourceVersion: row.source_version,
    targetEnvironment: row.target_env,
    targetVersion: row.target_version,
    previousChampion: optional(row.previous_champion),
    state: row.state,
    requestedBy: row.requested_by,
    requestComment: optional(row.request_comment),
    decidedBy: optional(row.decided_by),
    decisionComment: optional(row.decision_comment),
    evaluation: row.evaluation
      ? (JSON.parse(row.evaluation) as PolicyEvaluation)
      : undefined,
    attempts: Number(row.attempts),
    lastError: optional(row.last_error),
    nextAttemptAt: optional(row.next_attempt_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The key that at most one unfinished request may hold. */
function activeKey(p: NewPromotion): string {
  return [p.targetEnvironment, p.model, p.kind, p.sourceVersion].join('|');
}

function encodeCursor(row: { created_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.created_at, row.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every(v => typeof v === 'string')
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw new InputError('cursor is not a cursor of this list');
}

/** Changes a state transition makes besides the state. */
export type PromotionChanges = Partial<
  Pick<
    StoredPromotion,
    | 'decidedBy'
    | 'decisionComment'
    | 'targetVersion'
    | 'previousChampion'
    | 'lastError'
    | 'attempts'
    | 'nextAttemptAt'
  >
>;

/**
 * Promotion requests in the plugin's database (SQLite or PostgreSQL, knex migrations in
 * `migrations/`). Every state change is one conditional UPDATE (`WHERE state = <expected>`),
 * so two callers or two replicas racing on one request cannot both win.
 */
export class PromotionStore {
  static async create(database: DatabaseService): Promise<PromotionStore> {
    return new PromotionStore(await migratedClient(database));
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Inserts a request, or answers the unfinished one for the same target, model, kind and
   * source version (`created: false`). Decided by the unique index, not a read-then-write.
   */
  async insertOrGetActive(
    promotion: NewPromotion,
    now: string,
  ): Promise<{ promotion: StoredPromotion; created: boolean }> {
    const key = activeKey(promotion);
    try {
      await this.db<Row>(TABLE).insert({
        id: promotion.id,
        kind: promotion.kind,
        entity_ref: promotion.entityRef,
        model: promotion.model,
        source_env: promotion.sourceEnvironment,
        source_version: promotion.sourceVersion,
        target_env: promotion.targetEnvironment,
        target_version: promotion.targetVersion,
        previous_champion: promotion.previousChampion ?? null,
        state: promotion.state,
        requested_by: promotion.requestedBy,
        request_comment: promotion.requestComment ?? null,
        evaluation: promotion.evaluation
          ? JSON.stringify(promotion.evaluation)
          : null,
        attempts: 0,
        active_key: key,
        next_attempt_at: promotion.state === 'approved' ? now : null,
        created_at: now,
        updated_at: now,
      });
      const stored = await this.get(promotion.id);
      if (!stored) {
        throw new Error(
          `Promotion ${promotion.id} was inserted but cannot be read`,
        );
      }
      return { promotion: stored, created: true };
    } catch (error) {
      if (!isDatabaseConflictError(error)) {
        throw error;
      }
      const existing = await this.db<Row>(TABLE)
        .where({ active_key: key })
        .first();
      if (!existing) {
        // Finished between the failed insert and this read: try once more.
        return this.insertOrGetActive(promotion, now);
      }
      return { promotion: fromRow(existing), created: false };
    }
  }

  async get(id: string): Promise<StoredPromotion | undefined> {
    const row = await this.db<Row>(TABLE).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  /** Newest first, keyset-paged. */
  async list(options: {
    entityRefs?: string[];
    state?: PromotionState;
    cursor?: string;
    limit: number;
  }): Promise<{ items: StoredPromotion[]; nextCursor?: string }> {
    let query = this.db<Row>(TABLE)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit + 1);
    if (options.entityRefs) {
      query = query.whereIn('entity_ref', options.entityRefs);
    }
    if (options.state) {
      query = query.where({ state: options.state });
    }
    if (options.cursor) {
      const [createdAt, id] = decodeCursor(options.cursor);
      query = query.where(inner =>
        inner
          .where('created_at', '<', createdAt)
          .orWhere(same =>
            same.where('created_at', '=', createdAt).andWhere('id', '<', id),
          ),
      );
    }
    const rows = await query;
    const page = rows.slice(0, options.limit);
    return {
      items: page.map(fromRow),
      nextCursor:
        rows.length > options.limit
          ? encodeCursor(page[page.length - 1])
          : undefined,
    };
  }

  /**
   * Moves a request from `from` to `to` with the given changes; answers the updated request,
   * or undefined when it was not in `from` (someone else moved it first).
   */
  async transition(
    id: string,
    from: PromotionState,
    to: PromotionState,
    changes: PromotionChanges,
    now: string,
  ): Promise<StoredPromotion | undefined> {
    const update: Partial<Row> = { state: to, updated_at: now };
    if (changes.decidedBy !== undefined) update.decided_by = changes.decidedBy;
    if (changes.decisionComment !== undefined)
      update.decision_comment = changes.decisionComment;
    if (changes.targetVersion !== undefined)
      update.target_version = changes.targetVersion;
    if (changes.previousChampion !== undefined)
      update.previous_champion = changes.previousChampion;
    if (changes.lastError !== undefined) update.last_error = changes.lastError;
    if (changes.attempts !== undefined) update.attempts = changes.attempts;
    if (changes.nextAttemptAt !== undefined)
      update.next_attempt_at = changes.nextAttemptAt;
    if (TERMINAL_PROMOTION_STATES.includes(to)) {
      update.active_key = null;
      update.next_attempt_at = null;
    }
    const count = await this.db<Row>(TABLE)
      .where({ id, state: from })
      .update(update);
    return count === 1 ? this.get(id) : undefined;
  }

  /** The latest succeeded request that made `targetVersion` the champion of a model. */
  async lastThatCrowned(
    targetEnvironment: string,
    model: string,
    targetVersion: string,
  ): Promise<StoredPromotion | undefined> {
    const row = await this.db<Row>(TABLE)
      .where({
        target_env: targetEnvironment,
        model,
        target_version: targetVersion,
        state: 'succeeded',
      })
      .whereNotNull('previous_champion')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? fromRow(row) : undefined;
  }

  /** Requests due for execution (`approved`, or `running` whose lease ran out), oldest first. */
  async due(now: string, limit: number): Promise<StoredPromotion[]> {
    const rows = await this.db<Row>(TABLE)
      .whereIn('state', ['approved', 'running'])
      .andWhere('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at', 'asc')
      .limit(limit);
    return rows.map(fromRow);
  }

  /**
   * Takes a due request for one attempt: one conditional UPDATE on (state, next_attempt_at,
   * attempts), so of several replicas exactly one gets it. The lease (`leaseUntil`) makes it
   * due again if this replica dies during the attempt.
   */
  async claim(
    promotion: StoredPromotion,
    leaseUntil: string,
    now: string,
  ): Promise<StoredPromotion | undefined> {
    const count = await this.db<Row>(TABLE)
      .where({
        id: promotion.id,
        state: promotion.state,
        attempts: promotion.attempts,
      })
      .update({
        state: 'running',
        attempts: promotion.attempts + 1,
        next_attempt_at: leaseUntil,
        updated_at: now,
      });
    return count === 1 ? this.get(promotion.id) : undefined;
  }
}
