import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
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
    },
  ) {}

  /** A request waits for approval: the approvers are told, except the requester. */
  requested(p: StoredPromotion): Promise<void> {
    return this.send(p, () => {
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
            `${p.requestedBy} requests to promote ${p.model} version ${p.sourceVersion} of ${p.entityRef} from ${p.sourceEnvironment} to ${p.targetEnvironment}.`,
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
    return this.send(p, () => {
      if (!isUserRef(p.requestedBy)) {
        return undefined;
      }
      const verdict = p.state === 'rejected' ? 'rejected' : 'approved';
      return {
        recipients: { type: 'entity', entityRef: p.requestedBy },
        payload: {
          title: `Promotion of ${p.model} version ${p.sourceVersion} to ${p.targetEnvironment} ${verdict}`,
          description: [
            `${p.decidedBy ?? 'An approver'} ${verdict} your request${
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
    return this.send(p, () => {
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
            description: `${what} succeeded (requested by ${p.requestedBy}${
              p.decidedBy ? `, approved by ${p.decidedBy}` : ''
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

  /** Builds and sends one notification; whatever goes wrong is logged, never thrown. */
  private async send(
    p: StoredPromotion,
    build: () => NotificationSendOptions | undefined,
  ): Promise<void> {
    const { notifications, logger } = this.deps;
    if (!notifications) {
      return;
    }
    try {
      const options = build();
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
}
