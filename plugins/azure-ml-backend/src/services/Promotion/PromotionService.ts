import {
  AuditorService,
  BackstageCredentials,
  AuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  stringifyError,
} from '@backstage/errors';
import {
  azureMlModelPromotePermission,
  azureMlPromotionApprovePermission,
  azureMlPromotionRollbackPermission,
  formatPromotedFrom,
  PolicyEvaluation,
  PROMOTED_FROM_TAG,
  Promotion,
  PromotionInput,
  PromotionSettings,
  PromotionState,
  RollbackInput,
} from '@internal/plugin-azure-ml-common';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { randomUUID } from 'node:crypto';
import {
  ArmModelVersion,
  AzureMlArmClient,
  AzureMlConfig,
  definedStrings,
  EnvironmentConfig,
  isTransientArmError,
  metricsFromProperties,
  PromotionConfig,
  registryVersionStudioUrl,
} from '@internal/plugin-azure-ml-node';
import { ReadThroughCache } from '../../lib/ReadThroughCache';
import { ResponseCache } from '../../lib/ResponseCache';
import type { AzureMlEntityAccess, AzureMlReadApi } from '../refs';
import { evaluatePolicy, PolicySubject } from './evaluatePolicy';
import { PromotionNotifier } from './PromotionNotifier';
import { PromotionStore, StoredPromotion } from './PromotionStore';

/** Tag on a target version naming the request that created it (exactly-once adoption). */
export const PROMOTION_ID_TAG = 'azure-ml-portal.promotion-id';

function rawMetrics(version: ArmModelVersion): Record<string, string> {
  const metrics: Record<string, string> = {};
  for (const [key, value] of Object.entries(
    version.properties?.properties ?? {},
  )) {
    if (key.startsWith('metric.') && typeof value === 'string') {
      metrics[key.slice('metric.'.length)] = value;
    }
  }
  return metrics;
}

function subject(version: string, raw: ArmModelVersion): PolicySubject {
  return {
    version,
    rawMetrics: rawMetrics(raw),
    tags: definedStrings(raw.properties?.tags),
  };
}

/**
 * Governed promotion: policy gate → approval by someone else → exactly-once copy of the
 * version into the target registry → champion pointer moved in one write → done, each state
 * change stored (PromotionStore) and audited. Execution runs from a scheduled task
 * (`runDue`), so it survives restarts and is shared by replicas through the database.
 */
export class PromotionService {
  private readonly source: EnvironmentConfig;
  private readonly target: EnvironmentConfig;

  constructor(
    private readonly deps: {
      config: AzureMlConfig;
      promotion: PromotionConfig;
      client: AzureMlArmClient;
      store: PromotionStore;
      entityAccess: AzureMlEntityAccess;
      auth: AuthService;
      permissions: PermissionsService;
      auditor: AuditorService;
      logger: LoggerService;
      readCache: ReadThroughCache;
      readService: AzureMlReadApi;
      responses: ResponseCache;
      /** Tells approvers, requesters and owners (never fails a state change). */
      notifier?: PromotionNotifier;
      now?: () => Date;
    },
  ) {
    const byName = (name: string) => {
      const env = deps.config.environments.find(e => e.name === name);
      if (!env) throw new Error(`Unknown environment '${name}'`);
      return env;
    };
    this.source = byName(deps.promotion.from);
    this.target = byName(deps.promotion.to);
  }

  private nowIso(offsetMs = 0): string {
    const now = this.deps.now?.() ?? new Date();
    return new Date(now.getTime() + offsetMs).toISOString();
  }

  /** Where versions go and whether approval is needed (no approvers, no rules). */
  settings(): PromotionSettings {
    const { promotion } = this.deps;
    return {
      sourceEnvironment: this.source.name,
      sourceRegistry: this.source.registry,
      targetEnvironment: this.target.name,
      targetRegistry: this.target.registry,
      requireApproval: promotion.requireApproval,
      aliasTag: promotion.aliasTag,
    };
  }

  /** The policy applied to `input`, for a caller who may read the entity. */
  async evaluate(
    input: PromotionInput,
    credentials: BackstageCredentials,
  ): Promise<PolicyEvaluation> {
    await this.entityModel(input, credentials);
    return this.evaluateCandidate(input.model, input.version);
  }

  /**
   * Requests a promotion: `azure-ml.model.promote` on the entity, a passing policy, no version
   * of that name in the target yet. Answers the active request instead when there is one.
   */
  async request(
    input: PromotionInput,
    credentials: BackstageCredentials,
  ): Promise<{ promotion: Promotion; created: boolean }> {
    await this.entityModel(input, credentials);
    await this.authorize(
      azureMlModelPromotePermission,
      input.entityRef,
      credentials,
      'request promotions of',
    );
    // The policy and the target's version of that name are read at the same time.
    const [evaluation, existing] = await Promise.all([
      this.evaluateCandidate(input.model, input.version),
      this.deps.client.getRegistryModelVersionResource(
        this.target,
        input.model,
        input.version,
      ),
    ]);
    if (!evaluation.passed) {
      const failed = evaluation.rules.filter(r => !r.passed);
      throw new InputError(
        `The promotion policy blocks version ${input.version} of ${
          input.model
        }: ${failed.map(r => `${r.rule} — ${r.reason}`).join('; ')}`,
      );
    }
    const requestedBy = this.principal(credentials);
    const state: PromotionState = this.deps.promotion.requireApproval
      ? 'pending_approval'
      : 'approved';
    if (existing) {
      const tags = definedStrings(existing.properties?.tags);
      if (!tags[PROMOTION_ID_TAG]) {
        throw new ConflictError(
          `Version ${input.version} of ${input.model} already exists in registry ${this.target.registry} (${this.target.name}) and was not created by a promotion`,
        );
      }
    }
    const { promotion, created } = await this.deps.store.insertOrGetActive(
      {
        id: randomUUID(),
        kind: 'promotion',
        entityRef: input.entityRef.toLocaleLowerCase('en-US'),
        model: input.model,
        sourceEnvironment: this.source.name,
        sourceVersion: input.version,
        targetEnvironment: this.target.name,
        targetVersion: input.version,
        previousChampion: evaluation.championVersion,
        state,
        requestedBy,
        requestComment: input.comment,
        evaluation,
      },
      this.nowIso(),
    );
    if (created) {
      await this.audit(
        'promotion-requested',
        promotion,
        requestedBy,
        undefined,
        {
          policyPassed: evaluation.passed,
        },
      );
      await this.deps.notifier?.requested(promotion);
      this.startNow(promotion);
    }
    return { promotion: this.present(promotion), created };
  }

  /**
   * Requests a rollback: the target's champion goes back to the champion before the succeeded
   * request that made the current one. No approval (it undoes an approved change), carried out
   * and audited like a promotion.
   */
  async rollback(
    input: RollbackInput,
    credentials: BackstageCredentials,
  ): Promise<{ promotion: Promotion; created: boolean }> {
    await this.entityModel(input, credentials);
    await this.authorize(
      azureMlPromotionRollbackPermission,
      input.entityRef,
      credentials,
      'roll back champions of',
    );
    const tags = await this.deps.client.getModelContainerTags(
      this.target,
      input.model,
    );
    const current = tags[this.deps.promotion.aliasTag];
    const crowning = current
      ? await this.deps.store.lastThatCrowned(
          this.target.name,
          input.model,
          current,
        )
      : undefined;
    if (!current || !crowning?.previousChampion) {
      throw new ConflictError(
        current
          ? `No promotion recorded a champion of ${input.model} before version ${current} in ${this.target.name}: nothing to roll back to`
          : `${input.model} has no champion in ${this.target.name}: nothing to roll back`,
      );
    }
    const requestedBy = this.principal(credentials);
    const { promotion, created } = await this.deps.store.insertOrGetActive(
      {
        id: randomUUID(),
        kind: 'rollback',
        entityRef: input.entityRef.toLocaleLowerCase('en-US'),
        model: input.model,
        sourceEnvironment: this.target.name,
        sourceVersion: current,
        targetEnvironment: this.target.name,
        targetVersion: crowning.previousChampion,
        previousChampion: current,
        state: 'approved',
        requestedBy,
        requestComment: input.comment,
      },
      this.nowIso(),
    );
    if (created) {
      await this.audit('rollback-requested', promotion, requestedBy, undefined);
      this.startNow(promotion);
    }
    return { promotion: this.present(promotion), created };
  }

  /** Approves or rejects a pending request (`azure-ml.promotion.approve`, never one's own). */
  async decide(
    id: string,
    decision: 'approve' | 'reject',
    comment: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<Promotion> {
    const promotion = await this.visible(id, credentials);
    await this.authorize(
      azureMlPromotionApprovePermission,
      promotion.entityRef,
      credentials,
      'approve promotions of',
    );
    const decidedBy = this.principal(credentials);
    if (decidedBy === promotion.requestedBy) {
      throw new NotAllowedError(
        `You requested promotion ${id}: another person must ${decision} it`,
      );
    }
    const to: PromotionState = decision === 'approve' ? 'approved' : 'rejected';
    const updated = await this.deps.store.transition(
      id,
      'pending_approval',
      to,
      {
        decidedBy,
        decisionComment: comment,
        nextAttemptAt: decision === 'approve' ? this.nowIso() : undefined,
      },
      this.nowIso(),
    );
    if (!updated) {
      const current = await this.deps.store.get(id);
      throw new ConflictError(
        `Promotion ${id} is ${current?.state ?? 'gone'}, not pending approval`,
      );
    }
    await this.audit(
      decision === 'approve' ? 'promotion-approved' : 'promotion-rejected',
      updated,
      decidedBy,
      'pending_approval',
    );
    await this.deps.notifier?.decided(updated);
    this.startNow(updated);
    return this.present(updated);
  }

  async get(id: string, credentials: BackstageCredentials): Promise<Promotion> {
    return this.present(await this.visible(id, credentials));
  }

  /** Requests newest first; only those of entities the caller may read. */
  async list(
    query: {
      entityRef?: string;
      state?: PromotionState;
      cursor?: string;
      limit: number;
    },
    credentials: BackstageCredentials,
  ): Promise<{ items: Promotion[]; nextCursor?: string }> {
    const entityRef = query.entityRef?.toLocaleLowerCase('en-US');
    if (entityRef) {
      await this.deps.entityAccess.annotationsFor(entityRef, credentials);
    }
    const page = await this.deps.store.list({
      entityRefs: entityRef ? [entityRef] : undefined,
      state: query.state,
      cursor: query.cursor,
      limit: query.limit,
    });
    const readable = new Map<string, Promise<boolean>>();
    const mayRead = (ref: string) => {
      let answer = readable.get(ref);
      if (!answer) {
        answer = this.deps.entityAccess.annotationsFor(ref, credentials).then(
          () => true,
          () => false,
        );
        readable.set(ref, answer);
      }
      return answer;
    };
    const allowed = await Promise.all(
      page.items.map(p => mayRead(p.entityRef)),
    );
    return {
      items: page.items.filter((_, i) => allowed[i]).map(p => this.present(p)),
      nextCursor: page.nextCursor,
    };
  }

  /** Carries out the requests that are due (approved, or whose lease ran out). */
  async runDue(limit = 10): Promise<void> {
    const due = await this.deps.store.due(this.nowIso(), limit);
    await Promise.all(due.map(candidate => this.claimAndExecute(candidate)));
  }

  private async claimAndExecute(candidate: StoredPromotion): Promise<void> {
    const claimed = await this.deps.store.claim(
      candidate,
      this.nowIso(this.deps.promotion.leaseMs),
      this.nowIso(),
    );
    if (claimed) {
      await this.execute(claimed);
    }
  }

  /**
   * Starts an approved request in this replica at once instead of at the next scheduled run
   * (`startOnApproval`). The claim decides, so a scheduled run elsewhere cannot repeat it; if
   * this replica dies, the lease runs out and the scheduled task takes the request up.
   */
  private startNow(promotion: StoredPromotion) {
    if (
      !this.deps.promotion.startOnApproval ||
      promotion.state !== 'approved'
    ) {
      return;
    }
    this.claimAndExecute(promotion).catch(error =>
      this.deps.logger.error(
        `Promotion ${promotion.id} could not be started: ${stringifyError(
          error,
        )}`,
      ),
    );
  }

  private async execute(promotion: StoredPromotion): Promise<void> {
    const { promotion: settings, store, logger } = this.deps;
    try {
      const previous = await this.copyAndCrown(promotion);
      const done = await store.transition(
        promotion.id,
        'running',
        'succeeded',
        { previousChampion: previous, lastError: '' },
        this.nowIso(),
      );
      await this.dropCaches(promotion);
      if (done) {
        await this.audit(
          `${done.kind}-succeeded`,
          done,
          'azure-ml-backend',
          'running',
        );
        await this.deps.notifier?.finished(done);
      }
    } catch (error) {
      const message = stringifyError(error);
      const retry =
        isTransientArmError(error) && promotion.attempts < settings.maxAttempts;
      logger.warn(
        `Promotion ${promotion.id} attempt ${promotion.attempts} failed${
          retry ? ', will retry' : ''
        }: ${message}`,
      );
      const backoffMs = Math.min(
        60_000,
        settings.retryDelayMs * 2 ** (promotion.attempts - 1),
      );
      const updated = await store.transition(
        promotion.id,
        'running',
        retry ? 'running' : 'failed',
        {
          lastError: message,
          nextAttemptAt: retry ? this.nowIso(backoffMs) : undefined,
        },
        this.nowIso(),
      );
      if (updated && !retry) {
        await this.audit(
          `${updated.kind}-failed`,
          updated,
          'azure-ml-backend',
          'running',
          {
            error: message,
          },
        );
        await this.deps.notifier?.finished(updated);
      }
    }
  }

  /**
   * The copy (adopted if this request already made it) and the champion move. Answers the
   * champion before the move.
   */
  private async copyAndCrown(p: StoredPromotion): Promise<string | undefined> {
    const { client } = this.deps;
    if (p.kind === 'rollback') {
      const back = await client.getRegistryModelVersionResource(
        this.target,
        p.model,
        p.targetVersion,
      );
      if (!back) {
        throw new NotFoundError(
          `Version ${p.targetVersion} of ${p.model} is no longer in registry ${this.target.registry}`,
        );
      }
      return this.crown(p);
    }
    const existing = await client.getRegistryModelVersionResource(
      this.target,
      p.model,
      p.targetVersion,
    );
    if (existing) {
      const owner = definedStrings(existing.properties?.tags)[PROMOTION_ID_TAG];
      if (owner !== p.id) {
        throw new ConflictError(
          `Version ${p.targetVersion} of ${
            p.model
          } already exists in registry ${this.target.registry}${
            owner ? ` (created by promotion ${owner})` : ''
          }`,
        );
      }
    } else {
      const source = await client.getRegistryModelVersionResource(
        this.source,
        p.model,
        p.sourceVersion,
      );
      if (!source) {
        throw new NotFoundError(
          `Version ${p.sourceVersion} of ${p.model} is no longer in registry ${this.source.registry}`,
        );
      }
      const props = source.properties ?? {};
      await client.putRegistryModelVersion(
        this.target,
        p.model,
        p.targetVersion,
        {
          description: props.description,
          // The copy: the target version references the source asset (`az ml model create
          // --path azureml://registries/...`); see AZURE-NOTES for the blob-copy alternative.
          modelUri: `azureml://registries/${this.source.registry}/models/${p.model}/versions/${p.sourceVersion}`,
          modelType: props.modelType,
          flavors: props.flavors,
          jobName: props.jobName,
          properties: { ...(props.properties ?? {}) },
          tags: {
            ...definedStrings(props.tags),
            [PROMOTION_ID_TAG]: p.id,
            [PROMOTED_FROM_TAG]: formatPromotedFrom({
              registry: this.source.registry,
              model: p.model,
              version: p.sourceVersion,
            }),
          },
        },
      );
    }
    return this.crown(p);
  }

  /** Points the champion tag at the request's target version (one container write). */
  private async crown(p: StoredPromotion): Promise<string | undefined> {
    const { client, promotion: settings } = this.deps;
    const tags = await client.getModelContainerTags(this.target, p.model);
    const previous = tags[settings.aliasTag];
    if (previous !== p.targetVersion) {
      await client.putModelContainerTags(this.target, p.model, {
        ...tags,
        [settings.aliasTag]: p.targetVersion,
      });
      return previous;
    }
    return p.previousChampion;
  }

  /** What the write changed is read from ARM again, here and in the other replicas. */
  private async dropCaches(p: StoredPromotion) {
    const env = this.target.name;
    await Promise.all([
      this.deps.readCache.delete([
        `container:v1:${env}:${p.model}`,
        `version:v1:${env}:${p.model}:${p.targetVersion}`,
      ]),
      this.deps.readService.versionsChanged(env, p.model),
    ]);
    this.deps.responses.clear();
  }

  private async evaluateCandidate(
    model: string,
    version: string,
  ): Promise<PolicyEvaluation> {
    const { client, promotion } = this.deps;
    const [candidate, containerTags] = await Promise.all([
      client.getRegistryModelVersionResource(this.source, model, version),
      client.getModelContainerTags(this.target, model),
    ]);
    if (!candidate) {
      throw new NotFoundError(
        `Version ${version} of ${model} is not in registry ${this.source.registry} (${this.source.name})`,
      );
    }
    const championVersion = containerTags[promotion.aliasTag];
    const champion = championVersion
      ? await client.getRegistryModelVersionResource(
          this.target,
          model,
          championVersion,
        )
      : undefined;
    const candidateSubject = subject(version, candidate);
    const championSubject =
      championVersion && champion
        ? subject(championVersion, champion)
        : undefined;
    const rules = promotion.modelRules[model] ?? promotion.defaultRules;
    const result = evaluatePolicy(rules, candidateSubject, championSubject);
    return {
      passed: result.passed,
      model,
      candidateVersion: version,
      sourceEnvironment: this.source.name,
      targetEnvironment: this.target.name,
      championVersion: championSubject ? championVersion : undefined,
      candidateMetrics: metricsFromProperties(candidate.properties?.properties),
      championMetrics:
        championSubject && champion
          ? metricsFromProperties(champion.properties?.properties)
          : undefined,
      rules: result.rules,
      evaluatedAt: this.nowIso(),
    };
  }

  /** The entity must be readable by the caller and declare the model. */
  private async entityModel(
    input: { entityRef: string; model: string },
    credentials: BackstageCredentials,
  ) {
    const annotations = await this.deps.entityAccess.annotationsFor(
      input.entityRef,
      credentials,
    );
    if (!annotations.models.includes(input.model)) {
      throw new InputError(
        `model '${input.model}' is not one of ${
          input.entityRef
        }'s models (${annotations.models.join(', ')})`,
      );
    }
  }

  private async visible(id: string, credentials: BackstageCredentials) {
    const promotion = await this.deps.store.get(id);
    if (!promotion) {
      throw new NotFoundError(`Promotion ${id} not found`);
    }
    try {
      await this.deps.entityAccess.annotationsFor(
        promotion.entityRef,
        credentials,
      );
    } catch (error) {
      if ((error as Error).name === 'NotAllowedError') {
        throw new NotFoundError(`Promotion ${id} not found`);
      }
      throw error;
    }
    return promotion;
  }

  private async authorize(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    credentials: BackstageCredentials,
    what: string,
  ) {
    const [decision] = await this.deps.permissions.authorize(
      [{ permission, resourceRef: entityRef.toLocaleLowerCase('en-US') }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed to ${what} '${entityRef}'`);
    }
  }

  private principal(credentials: BackstageCredentials): string {
    const { auth } = this.deps;
    if (auth.isPrincipal(credentials, 'user')) {
      return credentials.principal.userEntityRef;
    }
    if (auth.isPrincipal(credentials, 'service')) {
      return `service:${credentials.principal.subject}`;
    }
    throw new NotAllowedError('Sign in to request or decide promotions');
  }

  private async audit(
    eventId: string,
    p: StoredPromotion,
    actor: string,
    from: PromotionState | undefined,
    extra: Record<string, string | boolean> = {},
  ) {
    const event = await this.deps.auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      meta: {
        promotionId: p.id,
        actor,
        entityRef: p.entityRef,
        model: p.model,
        sourceVersion: `${p.sourceEnvironment}/${p.sourceVersion}`,
        targetVersion: `${p.targetEnvironment}/${p.targetVersion}`,
        from: from ?? null,
        to: p.state,
        ...extra,
      },
    });
    await event.success();
  }

  private present(p: StoredPromotion): Promotion {
    const { nextAttemptAt: _next, ...rest } = p;
    return {
      ...rest,
      targetStudioUrl: registryVersionStudioUrl(
        this.target.registry,
        p.model,
        p.targetVersion,
      ),
    };
  }
}
