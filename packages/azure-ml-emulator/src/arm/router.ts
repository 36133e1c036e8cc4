import { randomUUID } from 'node:crypto';
import { http, HttpHandler } from 'msw';
import { ArmProvider, checkApiVersion } from './apiVersions';
import { shapeForApiVersion } from './apiVersionShapes';
import { ArmError } from './errors';
import { queryParam } from './paging';
import { Faults } from '../faults';
import { EmulatorStats, recordCall } from '../stats';
import { EmulatorState } from '../state/types';
import { inResourceGroup } from '../state/ids';

/** What the route handlers share: the state and the knobs around it. */
export interface EmulatorRuntime {
  state: EmulatorState;
  faults: Faults;
  stats: EmulatorStats;
  latencyMs: number;
  requireAuth: boolean;
  pageSize: number;
  /** Polls answered `InProgress` before a long-running operation settles. */
  lroPolls: number;
  /** Epoch ms after which a long-running operation settles even if nobody polls. */
  lroSettleMs: number;
  /** Called after every mutation (JSON persistence hooks in here). */
  onMutation(): void;
  /** Called before every routed ARM request (settles due long-running operations). */
  tick(): void;
}

export interface ArmContext {
  operationId: string;
  request: Request;
  url: URL;
  params: Record<string, string>;
  runtime: EmulatorRuntime;
  state: EmulatorState;
  query(name: string): string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): Promise<any>;
}

export interface ArmResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ArmRoute {
  /** The operation id of the REST spec, e.g. `RegistryModelVersions_List`. */
  operationId: string;
  method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  /** Official path template; `{name}` matches a segment, `{name:A|B}` one of the alternatives. */
  path: string;
  provider: ArmProvider;
  /** Registry routes accept only the api-versions that know registries. */
  registryRoute?: boolean;
  handle(ctx: ArmContext): ArmResult | Promise<ArmResult>;
}

interface CompiledRoute extends ArmRoute {
  regex: RegExp;
  names: string[];
}

function compile(route: ArmRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map(segment => {
      const param = /^\{(\w+)(?::([^}]+))?\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return param[2] ? `(${param[2]})` : '([^/]+)';
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}/?$`, 'i'), names };
}

function matchPath(
  route: CompiledRoute,
  pathname: string,
): Record<string, string> | undefined {
  const m = route.regex.exec(pathname);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  route.names.forEach((name, i) => {
    params[name] = decodeURIComponent(m[i + 1]);
  });
  return params;
}

/** Does the request go to the emulated host? `*` accepts any origin (standalone server). */
export function originMatcher(baseUrl: string) {
  if (baseUrl === '*') return () => true;
  const origin = new URL(baseUrl).origin.toLowerCase();
  return (url: URL) => url.origin.toLowerCase() === origin;
}

/**
 * An injected latency: unref'd, so a delay whose caller gave up (a client timeout) does not keep
 * the process alive on its own (the standalone server's socket does while it serves).
 */
const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms).unref());

export function armResponse(
  result: ArmResult,
  requestId: string,
  request: Request,
): Response {
  const headers = new Headers(result.headers);
  headers.set('x-ms-request-id', requestId);
  headers.set(
    'x-ms-correlation-request-id',
    request.headers.get('x-ms-correlation-request-id') ?? requestId,
  );
  const clientRequestId = request.headers.get('x-ms-client-request-id');
  if (clientRequestId) headers.set('x-ms-client-request-id', clientRequestId);
  if (result.body === undefined) {
    return new Response(null, { status: result.status, headers });
  }
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers,
  });
}

/**
 * ARM's resource type of a request path without its namespace, as its errors name it: the
 * type segments after `providers/{namespace}/`, e.g. `workspaces/jobs`, `privateDnsZones/A`.
 */
function resourceTypeOf(pathname: string): string {
  const afterProvider = pathname.split(/\/providers\/[^/]+\//i)[1] ?? '';
  return afterProvider
    .split('/')
    .filter((segment, index) => index % 2 === 0 && segment !== '')
    .join('/');
}

/**
 * The location ARM names in a `NoRegisteredProviderFound` error: `global` for private DNS
 * (global resources), the `{location}` of the path, else the region of the resource group
 * (of a workspace, registry or virtual network seeded in it), else `global`.
 */
function locationOf(ctx: ArmContext, provider: ArmProvider): string {
  if (provider === 'PrivateDns') return 'global';
  if (ctx.params.location) return ctx.params.location;
  const { subscriptionId, resourceGroupName } = ctx.params;
  if (subscriptionId && resourceGroupName) {
    const { workspaces, registries, virtualNetworks } = ctx.state;
    for (const collection of [workspaces, registries, virtualNetworks]) {
      const found = Object.values(collection).find(r =>
        inResourceGroup(r.id, subscriptionId, resourceGroupName),
      );
      if (found?.location) return found.location;
    }
  }
  return 'global';
}

function errorResult(error: ArmError): ArmResult {
  return { status: error.status, body: error.toBody(), headers: error.headers };
}

/**
 * Runs one ARM request through what ARM and the emulator put in front of every provider:
 * stats, latency, auth, throttling and error faults, api-version, then the route itself.
 */
async function serve(
  route: CompiledRoute | undefined,
  ctx: ArmContext,
  operationId: string,
) {
  const { runtime, request } = ctx;
  const requestId = randomUUID();
  recordCall(runtime.stats, operationId);
  const faults = runtime.faults.forRoute(operationId);
  const latency = runtime.latencyMs + (faults.latencyMs ?? 0);
  if (latency > 0) await sleep(latency);
  try {
    if (
      runtime.requireAuth &&
      !/^Bearer\s+\S+/i.test(request.headers.get('authorization') ?? '')
    ) {
      throw new ArmError(
        401,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is missing.",
        {
          'WWW-Authenticate':
            'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"',
        },
      );
    }
    const throttle = runtime.faults.throttleFor(faults);
    if (throttle) {
      throw new ArmError(
        429,
        'TooManyRequests',
        `The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:00:05. Retry after ${throttle.retryAfterSeconds} seconds.`,
        { 'Retry-After': String(throttle.retryAfterSeconds) },
      );
    }
    if (runtime.faults.hit(faults.errorRate)) {
      const status = faults.errorStatus ?? 500;
      throw status === 503
        ? new ArmError(
            503,
            'ServiceUnavailable',
            'The service is temporarily unavailable. Please retry the request later.',
          )
        : new ArmError(
            status,
            'InternalServerError',
            'Encountered internal server error. Diagnostic information: injected by the emulator.',
          );
    }
    if (faults.errorBodyWith200) {
      return armResponse(
        {
          status: 200,
          body: {
            error: {
              code: 'InternalServerError',
              message: 'Injected by the emulator: an error body with HTTP 200.',
            },
          },
        },
        requestId,
        request,
      );
    }
    if (!route) {
      throw new ArmError(
        404,
        'InvalidResourceType',
        `The resource type could not be found for path '${ctx.url.pathname}'.`,
      );
    }
    const apiVersion = ctx.query('api-version');
    checkApiVersion(apiVersion, route.provider, {
      registryRoute: route.registryRoute,
      resourceType: resourceTypeOf(ctx.url.pathname),
      location: () => locationOf(ctx, route.provider),
    });
    runtime.tick();
    const result = await route.handle(ctx);
    return armResponse(
      shapeForApiVersion(route.operationId, apiVersion!, result),
      requestId,
      request,
    );
  } catch (error) {
    if (error instanceof ArmError) {
      return armResponse(errorResult(error), requestId, request);
    }
    const message = error instanceof Error ? error.message : String(error);
    return armResponse(
      {
        status: 500,
        body: { error: { code: 'InternalServerError', message } },
      },
      requestId,
      request,
    );
  }
}

function context(
  operationId: string,
  request: Request,
  params: Record<string, string>,
  runtime: EmulatorRuntime,
): ArmContext {
  const url = new URL(request.url);
  return {
    operationId,
    request,
    url,
    params,
    runtime,
    state: runtime.state,
    query: name => queryParam(url, name),
    json: async () => {
      const text = await request.text();
      if (!text)
        throw new ArmError(
          400,
          'InvalidRequestContent',
          'The request content was invalid and could not be deserialized: empty body.',
        );
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new ArmError(
          400,
          'InvalidRequestContent',
          `The request content was invalid and could not be deserialized: ${
            (e as Error).message
          }`,
        );
      }
    },
  };
}

/** One msw handler per ARM operation, plus a fallback answering unknown ARM paths like ARM. */
export function createArmHandlers(
  routes: ArmRoute[],
  runtime: EmulatorRuntime,
  baseUrl: string,
): HttpHandler[] {
  const compiled = routes.map(compile);
  const sameOrigin = originMatcher(baseUrl);
  const handlers = compiled.map(route =>
    http.all(
      ({ request }) => {
        if (request.method.toUpperCase() !== route.method) return false;
        const url = new URL(request.url);
        if (!sameOrigin(url)) return false;
        const params = matchPath(route, url.pathname);
        return params ? { matches: true, params } : false;
      },
      ({ request, params }) =>
        serve(
          route,
          context(
            route.operationId,
            request,
            params as Record<string, string>,
            runtime,
          ),
          route.operationId,
        ),
    ),
  );
  const fallback = http.all(
    ({ request }) => {
      const url = new URL(request.url);
      return sameOrigin(url) && !url.pathname.startsWith('/_emulator');
    },
    async ({ request }) => {
      const url = new URL(request.url);
      const samePath = compiled.find(route => matchPath(route, url.pathname));
      if (samePath) {
        recordCall(runtime.stats, 'MethodNotAllowed');
        return armResponse(
          {
            status: 405,
            body: {
              error: {
                code: 'MethodNotAllowed',
                message: `The HTTP method '${request.method}' is not supported at '${url.pathname}'.`,
              },
            },
          },
          randomUUID(),
          request,
        );
      }
      return serve(
        undefined,
        context('Unknown', request, {}, runtime),
        'Unknown',
      );
    },
  );
  return [...handlers, fallback];
}
