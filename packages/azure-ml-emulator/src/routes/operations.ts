import { randomUUID } from 'node:crypto';
import {
  ArmContext,
  ArmResult,
  ArmRoute,
  EmulatorRuntime,
} from '../arm/router';
import { resourceNotFound } from '../arm/errors';
import { zulu } from '../seed/timestamps';
import { ArmResource, AsyncOperation, MlScope } from '../state/types';
import { key } from '../state/ids';
import { applyContainer, applyVersion } from '../state/mlResources';
import { own } from '../state/own';

const OPERATIONS =
  '/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/locations/{location}';
const RETRY_AFTER_SECONDS = '1';

function operationUrls(ctx: ArmContext, op: AsyncOperation) {
  const base = `${ctx.url.origin}/subscriptions/${op.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${op.location}`;
  const apiVersion = encodeURIComponent(ctx.query('api-version') ?? '');
  return {
    status: `${base}/mfeOperationsStatus/${op.id}?api-version=${apiVersion}`,
    result: `${base}/mfeOperationResults/${op.id}?api-version=${apiVersion}`,
  };
}

/**
 * Starts a registry write the way Azure ML does: 201 with `Azure-AsyncOperation` and `Location`.
 * The resource lands when the operation settles: after `lroPolls` in-progress answers, or
 * `lroSettleMs` after the start for clients that do not poll. The `lroFailure` fault makes it fail.
 */
export function startOperation(
  ctx: ArmContext,
  scope: MlScope,
  target: { modelName: string; version?: string },
  resource: ArmResource,
  existed: boolean,
): ArmResult {
  const { runtime } = ctx;
  const location = (ctx.state.registries[key(scope.id)]?.location ??
    'westeurope') as string;
  const op: AsyncOperation = {
    id: randomUUID(),
    status: 'InProgress',
    startTime: zulu(Date.now()),
    pollsRemaining: runtime.lroPolls,
    deadline: Date.now() + runtime.lroSettleMs,
    subscriptionId: ctx.params.subscriptionId,
    location,
    willFail: Boolean(runtime.faults.forRoute(ctx.operationId).lroFailure),
    target: { scopeId: scope.id, ...target },
    resource,
  };
  ctx.state.operations[op.id] = op;
  runtime.onMutation();
  const urls = operationUrls(ctx, op);
  return {
    status: 201,
    body: {
      ...resource,
      properties: {
        ...resource.properties,
        provisioningState: existed ? 'Updating' : 'Creating',
      },
    },
    headers: {
      'Azure-AsyncOperation': urls.status,
      Location: urls.result,
      'Retry-After': RETRY_AFTER_SECONDS,
      'x-ms-async-operation-timeout': 'PT1H',
    },
  };
}

function settle(runtime: EmulatorRuntime, op: AsyncOperation) {
  if (op.status !== 'InProgress') return;
  op.endTime = zulu(Date.now());
  const scope = runtime.state.ml[key(op.target.scopeId)];
  if (op.willFail || !scope) {
    op.status = 'Failed';
    op.error = {
      code: 'OperationFailed',
      message: `The long-running operation for '${op.resource.id}' failed${
        op.willFail ? ' (lroFailure fault injected by the emulator)' : ''
      }.`,
    };
  } else {
    op.resource.properties.provisioningState = 'Succeeded';
    if (op.target.version) {
      applyVersion(scope, op.target.modelName, op.resource);
    } else {
      op.resource = applyContainer(scope, op.resource);
    }
    op.status = 'Succeeded';
  }
  runtime.onMutation();
}

/** Settles operations whose deadline has passed (no timers: checked on every request). */
export function settleDueOperations(runtime: EmulatorRuntime) {
  const now = Date.now();
  for (const op of Object.values(runtime.state.operations)) {
    if (op.status === 'InProgress' && op.deadline <= now) settle(runtime, op);
  }
}

function poll(ctx: ArmContext): AsyncOperation {
  const op = own(ctx.state.operations, ctx.params.operationId);
  if (
    !op ||
    op.subscriptionId.toLowerCase() !== ctx.params.subscriptionId.toLowerCase()
  ) {
    throw resourceNotFound(
      'Microsoft.MachineLearningServices/locations/mfeOperationsStatus',
      ctx.params.operationId,
    );
  }
  if (op.status === 'InProgress') {
    if (op.pollsRemaining > 0) {
      op.pollsRemaining -= 1;
    } else {
      settle(ctx.runtime, op);
    }
  }
  return op;
}

export const operationRoutes: ArmRoute[] = [
  {
    operationId: 'Operations_GetStatus',
    method: 'GET',
    path: `${OPERATIONS}/mfeOperationsStatus/{operationId}`,
    provider: 'MachineLearningServices',
    handle: (ctx): ArmResult => {
      const op = poll(ctx);
      return {
        status: 200,
        body: {
          id: new URL(operationUrls(ctx, op).status).pathname,
          name: op.id,
          status: op.status,
          startTime: op.startTime,
          ...(op.endTime
            ? { endTime: op.endTime, percentComplete: 100 }
            : { percentComplete: 50 }),
          ...(op.error ? { error: op.error } : {}),
        },
        headers:
          op.status === 'InProgress'
            ? { 'Retry-After': RETRY_AFTER_SECONDS }
            : undefined,
      };
    },
  },
  {
    operationId: 'Operations_GetResult',
    method: 'GET',
    path: `${OPERATIONS}/mfeOperationResults/{operationId}`,
    provider: 'MachineLearningServices',
    handle: ctx => {
      const op = poll(ctx);
      if (op.status === 'InProgress') {
        return {
          status: 202,
          headers: {
            Location: operationUrls(ctx, op).result,
            'Retry-After': RETRY_AFTER_SECONDS,
          },
        };
      }
      if (op.status === 'Failed') {
        return { status: 400, body: { error: op.error } };
      }
      return { status: 200, body: op.resource };
    },
  },
];
