import {
  coreServices,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  DEV,
  MODEL_NAME,
  PROD,
  seedEnvironmentsConfig,
} from '@internal/azure-ml-emulator';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';

/** Shared by the promotion tests: the emulator's environments as `azureMl.environments`. */
export const ARM = 'https://management.azure.com';

export const seedEnvironments = seedEnvironmentsConfig;

/** The ARM URL of a seed environment's registry. */
export const registryUrl = (e: typeof DEV) =>
  `${ARM}/subscriptions/${e.subscriptionId}/resourceGroups/${e.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${e.registry}`;

export const TAXI_FARE_REF = 'component:default/taxi-fare';

/** The catalog entity whose model is promoted. */
export const taxiFareEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'taxi-fare',
    namespace: 'default',
    annotations: { 'ml.azure.com/models': MODEL_NAME },
  },
  spec: { type: 'ml-model', owner: 'team-taxi', lifecycle: 'production' },
};

/**
 * A scheduler that runs nothing by itself: it hands the tasks the plugin schedules to the test,
 * which runs them when it says so.
 */
export function capturingScheduler(
  tasks: SchedulerServiceTaskInvocationDefinition[],
) {
  return createServiceFactory({
    service: coreServices.scheduler,
    deps: {},
    factory: () =>
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }),
  });
}

/**
 * A notification service that records what the plugin sends instead of calling the
 * notifications backend; `fail` makes every send throw (a notifications outage).
 */
export function recordingNotifications(
  sent: NotificationSendOptions[],
  options: { fail?: boolean } = {},
) {
  return createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (notification: NotificationSendOptions) => {
        if (options.fail) {
          throw new Error('notifications backend unavailable');
        }
        sent.push(notification);
      },
    }),
  });
}

/** msw fails on any request no emulator handler answers, except supertest's local ones. */
export { listenLocalOnly } from '@internal/azure-ml-emulator';

/** A permissions service that allows everything (for tests where authz is not the subject). */
export function allowAllPermissions() {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  }).factory;
}

/** One permission request as `permissionsAllowing` hands it to the test's rule. */
export type PermissionCheck = {
  /** The permission's name, e.g. `azure-ml.model.promote`. */
  permission: string;
  /** The caller's user entity ref; '' for a service or an unauthenticated caller. */
  user: string;
  /** The resource of a resource permission. */
  resourceRef?: string;
};

/**
 * A permissions service that answers each request ALLOW where the test's rule says so, DENY
 * elsewhere. `beforeDecision` runs inside every authorize call, before it answers (a test can
 * observe or delay the check).
 */
export function permissionsAllowing(
  allow: (check: PermissionCheck) => boolean,
  options: { beforeDecision?: () => Promise<void> | void } = {},
) {
  return mockServices.permissions.mock({
    authorize: async (requests, authorizeOptions) => {
      await options.beforeDecision?.();
      const principal = authorizeOptions?.credentials.principal as
        | { userEntityRef?: string }
        | undefined;
      const user = principal?.userEntityRef ?? '';
      return requests.map(r => ({
        result: allow({
          permission: r.permission.name,
          user,
          resourceRef: 'resourceRef' in r ? r.resourceRef : undefined,
        })
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
  }).factory;
}

/** An audit event as `recordingAuditor` records it; a failed one's id ends in `:failed`. */
export type AuditedEvent = { eventId: string; meta?: JsonObject };

/**
 * An auditor that hands each finished event to `record`: on success with the meta given to
 * `success()` laid over the event's own, on failure as `<eventId>:failed` with the event's
 * meta. `onSuccess` sees the id of each succeeded event once it is recorded.
 */
export function recordingAuditor(
  record: (event: AuditedEvent) => void,
  options: { onSuccess?: (eventId: string) => void } = {},
) {
  return mockServices.auditor.mock({
    createEvent: async ({ eventId, meta }) => ({
      success: async (successOptions?: { meta?: JsonObject }) => {
        record({
          eventId,
          meta: successOptions?.meta
            ? { ...meta, ...successOptions.meta }
            : meta,
        });
        options.onSuccess?.(eventId);
      },
      fail: async () => {
        record({ eventId: `${eventId}:failed`, meta });
      },
    }),
  }).factory;
}

/** Every version of the seed model in the prod registry, all pages, from the emulator's state. */
export async function prodRegistryVersions(): Promise<
  Array<{ name: string; properties: { tags: Record<string, string> } }>
> {
  const versions = [];
  let url: string | undefined = `${registryUrl(
    PROD,
  )}/models/${MODEL_NAME}/versions?api-version=2024-04-01`;
  while (url) {
    const page: { value: any[]; nextLink?: string } = await (
      await fetch(url)
    ).json();
    versions.push(...page.value);
    url = page.nextLink;
  }
  return versions;
}
