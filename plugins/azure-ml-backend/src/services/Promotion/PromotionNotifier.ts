import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { StoredPromotion } from './PromotionStore';

/** Topic of every promotion notification (users can mute it in their notification settings). */
export const PROMOTION_NOTIFICATION_TOPIC = 'azure-ml-promotion';

/** The portal page where approvers decide (the azure-ml frontend plugin's approvals page). */
export const APPROVALS_PAGE_PATH = '/azure-ml/approvals';

/** The entity's Azure ML tab (packages/app EntityPage, route `/azure-ml`). */
export function azureMlTabPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/azure-ml`;
}

const isUserRef = (ref: string) => ref.startsWith('user:');

/** Names people read for entity refs (refs it cannot name are left out). */
export type EntityNames = (refs: string[]) => Promise<Map<string, string>>;

/**
 * A ref as a person reads it when the catalog has no better name: `guest` for
 * `user:default/guest`, `component taxi-fare` for `component:default/taxi-fare`, the namespace
 * only when it is not the default one; a ref that does not parse (a service principal such as
 * `service:external:ci`) stays as it is.
 */
export function humanizeRef(ref: string): string {
  // Only a full entity ref (kind:namespace/name) is an entity; a service principal is not.
  const match = /^([^:/]+):([^:/]+)\/([^:/]+)$/.exec(ref);
  if (!match) {
    return ref;
  }
  const [, kind, namespace, name] = match;
  const named = namespace === 'default' ? name : `${namespace}/${name}`;
  const lowerKind = kind.toLocaleLowerCase('en-US');
  return lowerKind === 'user' ? named : `${lowerKind} ${named}`;
}

function displayName(entity: Entity): string | undefined {
  const profile = (entity.spec as { profile?: { displayName?: unknown } })
    ?.profile;
  const name =
    typeof profile?.displayName === 'string'
      ? profile.displayName
      : entity.metadata.title;
  return name?.trim() || undefined;
}

/**
 * Names from the catalog with the backend's own credentials: a User's or Group's
 * `spec.profile.displayName`, else any entity's `metadata.title`.
 */
export function catalogEntityNames(deps: {
  catalog: CatalogService;
  auth: AuthService;
}): EntityNames {
  return async refs => {
    const names = new Map<string, string>();
    const unique = [...new Set(refs.filter(ref => ref.includes(':')))];
    if (unique.length === 0) {
      return names;
    }
    const { items } = await deps.catalog.getEntitiesByRefs(
      {
        entityRefs: unique,
        fields: ['kind', 'metadata', 'spec.profile.displayName'],
      },
      { credentials: await deps.auth.getOwnServiceCredentials() },
    );
    for (const entity of items) {
      const name = entity && displayName(entity);
      if (entity && name) {
        names.set(stringifyEntityRef(entity), name);
      }
    }
    return names;
  };
}

/**
 * Tells people about promotions through the notifications plugin: approvers of a new request,
 * the requester of the decision and of the result, the entity's owners of a new champion.
 *
 * A notification is a courtesy: a failed send is logged and never fails or undoes the state
 * change it reports. One `scope` per request, so each person keeps one notification per
 * request that shows its latest news (unread again when it changes).
 */
export class PromotionNotifier {
  constructor(
    private readonly deps: {
      /** Absent when the backend runs without the notifications service. */
      notifications?: NotificationService;
      logger: LoggerService;
      /** `azureMl.promotion.approvers`: user or group refs (groups resolve to members). */
      approvers: string[];
      /**
       * Names of the people and entities a text mentions (catalog display names); without it,
       * or when it fails, refs are humanized (`guest`, `component taxi-fare`).
       */
      names?: EntityNames;
    },
  ) {}

  /** A request waits for approval: the approvers are told, except the requester. */
  requested(p: StoredPromotion): Promise<void> {
    return this.send(p, name => {
      if (p.state !== 'pending_approval' || this.deps.approvers.length === 0) {
        return undefined;
      }
      const evaluation = p.evaluation;
      return {
        recipients: {
          type: 'entity',
          entityRef: this.deps.approvers,
          excludeEntityRef: isUserRef(p.requestedBy)
            ? p.requestedBy
            : undefined,
        },
        payload: {
          title: `Approve promotion of ${p.model} version ${p.sourceVersion} to ${p.targetEnvironment}`,
          description: [
            `${name(p.requestedBy)} requests to promote ${p.model} version ${
              p.sourceVersion
            } of ${name(p.entityRef)} from ${p.sourceEnvironment} to ${
              p.targetEnvironment
            }.`,
            evaluation &&
              `Policy ${
                evaluation.passed ? 'passed' : 'failed'
              }: ${evaluation.rules
                .map(r => `${r.rule} (${r.reason})`)
                .join('; ')}.`,
            p.requestComment && `Comment: ${p.requestComment}`,
          ]
            .filter(Boolean)
            .join(' '),
          link: APPROVALS_PAGE_PATH,
          severity: 'normal',
        },
      };
    });
  }

  /** A request was approved or rejected: the requester is told by whom, and why. */
  decided(p: StoredPromotion): Promise<void> {
    return this.send(p, name => {
      if (!isUserRef(p.requestedBy)) {
        return undefined;
      }
      const verdict = p.state === 'rejected' ? 'rejected' : 'approved';
      return {
        recipients: { type: 'entity', entityRef: p.requestedBy },
        payload: {
          title: `Promotion of ${p.model} version ${p.sourceVersion} to ${p.targetEnvironment} ${verdict}`,
          description: [
            `${
              p.decidedBy ? name(p.decidedBy) : 'An approver'
            } ${verdict} your request${
              verdict === 'approved' ? '; it is being carried out.' : '.'
            }`,
            p.decisionComment && `Comment: ${p.decisionComment}`,
          ]
            .filter(Boolean)
            .join(' '),
          link: azureMlTabPath(p.entityRef),
          severity: 'normal',
        },
      };
    });
  }

  /**
   * A promotion or rollback ended. Succeeded: the requester and the entity's owners (the
   * notifications plugin resolves a component to its owner) learn of the new champion.
   * Failed: the requester learns why.
   */
  finished(p: StoredPromotion): Promise<void> {
    return this.send(p, name => {
      const requester = isUserRef(p.requestedBy) ? [p.requestedBy] : [];
      const what =
        p.kind === 'rollback'
          ? `Rollback of ${p.model} in ${p.targetEnvironment} to version ${p.targetVersion}`
          : `Promotion of ${p.model} version ${p.sourceVersion} to ${p.targetEnvironment}`;
      if (p.state === 'succeeded') {
        return {
          recipients: {
            type: 'entity',
            entityRef: [...requester, p.entityRef],
          },
          payload: {
            title: `${p.model} version ${p.targetVersion} is the ${p.targetEnvironment} champion`,
            description: `${what} succeeded for ${name(
              p.entityRef,
            )} (requested by ${name(p.requestedBy)}${
              p.decidedBy ? `, approved by ${name(p.decidedBy)}` : ''
            }).${
              p.previousChampion
                ? ` The previous champion was version ${p.previousChampion}.`
                : ''
            }`,
            link: azureMlTabPath(p.entityRef),
            severity: 'normal',
          },
        };
      }
      if (p.state === 'failed' && requester.length > 0) {
        return {
          recipients: { type: 'entity', entityRef: requester },
          payload: {
            title: `${what} failed`,
            description: `After ${p.attempts} attempt${
              p.attempts === 1 ? '' : 's'
            }: ${p.lastError ?? 'unknown error'}`,
            link: azureMlTabPath(p.entityRef),
            severity: 'high',
          },
        };
      }
      return undefined;
    });
  }

  /**
   * Builds and sends one notification; whatever goes wrong is logged, never thrown. `build`
   * names refs through the catalog; a failed look-up falls back to humanized refs.
   */
  private async send(
    p: StoredPromotion,
    build: (
      name: (ref: string) => string,
    ) => NotificationSendOptions | undefined,
  ): Promise<void> {
    const { notifications, logger } = this.deps;
    if (!notifications) {
      return;
    }
    try {
      const names = await this.lookUpNames(p);
      const options = build(ref => names.get(ref) ?? humanizeRef(ref));
      if (!options) {
        return;
      }
      await notifications.send({
        recipients: options.recipients,
        payload: {
          ...options.payload,
          topic: PROMOTION_NOTIFICATION_TOPIC,
          scope: `azure-ml-promotion:${p.id}`,
        },
      });
    } catch (error) {
      logger.warn(
        `Could not send the notification about ${p.kind} ${p.id} (${
          p.state
        }): ${stringifyError(error)}`,
      );
    }
  }

  private async lookUpNames(p: StoredPromotion): Promise<Map<string, string>> {
    const refs = [p.requestedBy, p.decidedBy, p.entityRef].filter(
      (ref): ref is string => Boolean(ref),
    );
    try {
      return (await this.deps.names?.(refs)) ?? new Map();
    } catch (error) {
      this.deps.logger.warn(
        `Could not read the names of ${refs.join(
          ', ',
        )} from the catalog for a promotion notification; using refs: ${stringifyError(
          error,
        )}`,
      );
      return new Map();
    }
  }
}
