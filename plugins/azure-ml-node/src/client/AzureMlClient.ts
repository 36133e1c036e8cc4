import type { TokenCredential } from '@azure/core-auth';
import { ServiceClient } from '@azure/core-client';
import { createHttpPoller, LroResponse } from '@azure/core-lro';
import {
  createHttpHeaders,
  createPipelineRequest,
  Pipeline,
  RestError,
} from '@azure/core-rest-pipeline';
import { DefaultAzureCredential } from '@azure/identity';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import {
  AzureMlRegistry,
  ModelVersion,
  PipelineRun,
} from '@internal/plugin-azure-ml-common';
import { AzureMlConfig, EnvironmentConfig } from '../config';
import { ArmReadBudget } from './ArmReadBudget';
import { listShapeProblem, resourceShapeProblem } from './armShapes';
import {
  ArmDeadlineExceeded,
  armAttemptTimeoutPolicy,
  armDeadlinePolicy,
} from './armTimeouts';
import {
  ArmJob,
  ArmList,
  ArmModelContainer,
  ArmModelVersion,
  ArmRegistry,
  ArmWorkspace,
} from './armTypes';
import {
  ModelContainerSummary,
  toModelContainerSummary,
  toModelVersion,
  toPipelineRun,
  toRegistry,
  toWorkspaceDetails,
  WorkspaceDetails,
} from './mappers';

/**
 * The api-version of every Azure ML read and write: stable, with registries and a workspace's
 * `managedNetwork` (the npm SDK 2.1.1 stops at 2022-10-01, which has neither).
 */
export const REGISTRY_API_VERSION = '2024-04-01';
const PROVIDER = 'providers/Microsoft.MachineLearningServices';

/**
 * ARM answered with a server error or could not be reached, after the pipeline's retries.
 * Answered as 502 Bad Gateway: the fault is upstream, not in the request.
 */
export class ArmUpstreamError extends CustomErrorBase {
  name: string = 'ArmUpstreamError';
  readonly statusCode: number = 502;
  /** ARM's own HTTP status, absent when there was no answer (network error, timeout, LRO). */
  armStatus?: number;
  /**
   * The long-running operation itself ended `Failed` or `Canceled`: ARM answered, and the
   * same request would fail the same way, so it is not retried.
   */
  operationFailed?: boolean;
}

/**
 * ARM still answered 429 after the pipeline waited for its `Retry-After` and retried: answered
 * as 503 Service Unavailable with ARM's `Retry-After`, so the caller knows when to come back.
 */
export class ArmThrottledError extends ArmUpstreamError {
  name = 'ArmThrottledError';
  readonly statusCode = 503;
  /** Seconds ARM asked to wait (its `Retry-After`), at least 1. */
  retryAfterSeconds = 1;
}

/**
 * ARM did not answer in time: every attempt timed out (`azureMl.arm.attemptTimeoutMs`) or the
 * call's deadline ran out (`azureMl.arm.deadlineMs`). Answered as 504 Gateway Timeout.
 */
export class ArmTimeoutError extends ArmUpstreamError {
  name = 'ArmTimeoutError';
  readonly statusCode = 504;
}

/** A long-running operation that ARM reports as `Failed` or `Canceled` (not a lost answer). */
class LroEndedError extends Error {
  constructor(readonly status: 'failed' | 'canceled', cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** Whether an ARM failure may go away by itself (retry later) rather than need a change. */
export function isTransientArmError(error: unknown): boolean {
  if (!(error instanceof ArmUpstreamError)) {
    return false;
  }
  if (error.operationFailed) {
    return false;
  }
  const status = error.armStatus;
  return (
    status === undefined || status === 408 || status === 429 || status >= 500
  );
}

/** ARM's `Retry-After` of a failed call in whole seconds (seconds or an HTTP date), at least 1. */
function retryAfterSeconds(error: RestError): number {
  const header = error.response?.headers.get('retry-after');
  if (!header) {
    return 1;
  }
  const seconds = /^\d+$/.test(header.trim())
    ? Number(header)
    : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
}

/** A page of mapped items plus ARM's `nextLink` (absent on the last page). */
export interface ArmPage<T> {
  items: T[];
  nextLink?: string;
}

/** Credential that is never asked for a token: used with the bearer policy removed. */
const noCredential: TokenCredential = {
  getToken: async () => null,
};

/** The ARM client's public surface: what other services call (and tests may replace). */
export type AzureMlArmClient = Pick<AzureMlClient, keyof AzureMlClient>;

/**
 * The only class that talks to Azure: every operation goes through one `@azure/core-client`
 * ServiceClient (credential, retry/throttling options, read-budget policy) at
 * {@link REGISTRY_API_VERSION}. Everything returned is mapped to `-common` DTOs.
 */
export class AzureMlClient {
  private readonly registryClient: ServiceClient;

  static fromConfig(
    config: AzureMlConfig,
    deps: { logger: LoggerService; credential?: TokenCredential },
  ): AzureMlClient {
    const credential =
      deps.credential ??
      (config.arm.credential === 'default'
        ? new DefaultAzureCredential()
        : noCredential);
    return new AzureMlClient(config, credential, deps.logger);
  }

  private constructor(
    private readonly config: AzureMlConfig,
    credential: TokenCredential,
    private readonly logger: LoggerService,
  ) {
    this.budget = new ArmReadBudget(config.arm.readBudget);
    this.registryClient = new ServiceClient({
      endpoint: config.arm.endpoint,
      credential,
      credentialScopes: this.credentialScope(),
      ...this.pipelineOptions(),
    });
    this.configurePipeline(this.registryClient.pipeline);
  }

  private readonly budget: ArmReadBudget;

  /** Workspace GUID and network mode of an environment's workspace. */
  async getWorkspaceDetails(env: EnvironmentConfig): Promise<WorkspaceDetails> {
    const raw = await this.getJson<ArmWorkspace>(
      `workspace ${env.workspace}`,
      this.withQuery(this.workspaceUrl(env), {}),
    );
    if (!raw) {
      throw new NotFoundError(
        `Workspace '${env.workspace}' of environment '${env.name}' does not exist`,
      );
    }
    return toWorkspaceDetails(raw);
  }

  async getRegistry(env: EnvironmentConfig): Promise<AzureMlRegistry> {
    const raw = await this.getJson<ArmRegistry>(
      `registry ${env.registry}`,
      this.withQuery(this.registryUrl(env), {}),
    );
    if (!raw) {
      throw new NotFoundError(
        `Registry '${env.registry}' of environment '${env.name}' does not exist`,
      );
    }
    return toRegistry(raw, env);
  }

  /**
   * One page of a model's versions in the environment's registry, newest first, sorted and
   * cut by ARM (`$orderBy`, `$top`) so that the first page of a huge registry is one read.
   * A model that is not in the registry has no versions.
   */
  async listModelVersions(
    env: EnvironmentConfig,
    model: string,
    options: { top: number; nextLink?: string },
  ): Promise<ArmPage<ModelVersion>> {
    const url =
      options.nextLink ??
      this.withQuery(
        `${this.registryUrl(env)}/models/${encodeURIComponent(model)}/versions`,
        { $orderBy: 'createdtime desc', $top: String(options.top) },
      );
    const list = await this.getJson<ArmList<ArmModelVersion>>(
      `versions of model ${model} in registry ${env.registry}`,
      url,
      listShapeProblem,
    );
    return {
      items: (list?.value ?? []).map(v => toModelVersion(v, env, model)),
      nextLink: list?.nextLink ?? undefined,
    };
  }

  /**
   * One page of the model containers of the environment's registry (ARM's default view: the
   * active ones), with the tags that name owner and champion.
   */
  async listModelContainers(
    env: EnvironmentConfig,
    options: { nextLink?: string } = {},
  ): Promise<ArmPage<ModelContainerSummary>> {
    const what = `models of registry ${env.registry}`;
    const list = await this.getJson<ArmList<ArmModelContainer>>(
      what,
      options.nextLink
        ? this.ownLink(what, options.nextLink)
        : this.withQuery(`${this.registryUrl(env)}/models`, {}),
      listShapeProblem,
    );
    return {
      items: (list?.value ?? []).flatMap(c =>
        c.name ? [toModelContainerSummary({ ...c, name: c.name })] : [],
      ),
      nextLink: list?.nextLink ?? undefined,
    };
  }

  /**
   * Every model container of the environment's registry, following ARM's `nextLink` for at
   * most `maxPages` pages: the items, how many pages were read, and whether more were left.
   */
  async listAllModelContainers(
    env: EnvironmentConfig,
    options: { maxPages?: number } = {},
  ): Promise<{
    items: ModelContainerSummary[];
    pages: number;
    truncated: boolean;
  }> {
    const maxPages = options.maxPages ?? Infinity;
    const items: ModelContainerSummary[] = [];
    let nextLink: string | undefined;
    let pages = 0;
    do {
      const page = await this.listModelContainers(env, { nextLink });
      pages += 1;
      items.push(...page.items);
      nextLink = page.nextLink;
    } while (nextLink && pages < maxPages);
    return { items, pages, truncated: Boolean(nextLink) };
  }

  /** The URL prefix every `nextLink` of {@link listModelVersions} must start with. */
  modelVersionsUrl(env: EnvironmentConfig, model: string): string {
    return `${this.registryUrl(env)}/models/${encodeURIComponent(
      model,
    )}/versions`;
  }

  async getModelVersion(
    env: EnvironmentConfig,
    model: string,
    version: string,
  ): Promise<ModelVersion | undefined> {
    const raw = await this.getJson<ArmModelVersion>(
      `version ${version} of model ${model} in registry ${env.registry}`,
      this.withQuery(
        `${this.modelVersionsUrl(env, model)}/${encodeURIComponent(version)}`,
        {},
      ),
    );
    return raw ? toModelVersion(raw, env, model) : undefined;
  }

  /** The raw ARM resource of a registry model version (for copying it), if it exists. */
  async getRegistryModelVersionResource(
    env: EnvironmentConfig,
    model: string,
    version: string,
  ): Promise<ArmModelVersion | undefined> {
    return this.getJson<ArmModelVersion>(
      `version ${version} of model ${model} in registry ${env.registry}`,
      this.modelVersionUrl(env, model, version),
    );
  }

  /**
   * Creates (or replaces) a version in the environment's registry: `PUT` of the version, then
   * the long-running operation followed through `Azure-AsyncOperation` or `Location` until it
   * ends; answers the version as ARM then has it.
   */
  async putRegistryModelVersion(
    env: EnvironmentConfig,
    model: string,
    version: string,
    properties: NonNullable<ArmModelVersion['properties']>,
  ): Promise<ArmModelVersion> {
    const url = this.modelVersionUrl(env, model, version);
    const what = `version ${version} of model ${model} in registry ${env.registry}`;
    await this.putLongRunning(what, url, { properties });
    const created = await this.getJson<ArmModelVersion>(what, url);
    if (!created) {
      throw new ArmUpstreamError(
        `Azure Resource Manager reported ${what} created, but it cannot be read`,
      );
    }
    return created;
  }

  /**
   * Sets the tags of the model container in one write (`PUT` of the container with its other
   * properties unchanged): the champion pointer moves atomically.
   */
  async putModelContainerTags(
    env: EnvironmentConfig,
    model: string,
    tags: Record<string, string>,
  ): Promise<void> {
    const url = this.withQuery(
      `${this.registryUrl(env)}/models/${encodeURIComponent(model)}`,
      {},
    );
    const what = `model ${model} in registry ${env.registry}`;
    const current = await this.getJson<ArmModelContainer>(what, url);
    await this.putLongRunning(what, url, {
      properties: { ...(current?.properties ?? {}), tags },
    });
  }

  /** Tags of the model container (where the champion pointer lives); `{}` if none. */
  async getModelContainerTags(
    env: EnvironmentConfig,
    model: string,
  ): Promise<Record<string, string>> {
    const raw = await this.getJson<ArmModelContainer>(
      `model ${model} in registry ${env.registry}`,
      this.withQuery(
        `${this.registryUrl(env)}/models/${encodeURIComponent(model)}`,
        {},
      ),
    );
    const tags: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw?.properties?.tags ?? {})) {
      if (typeof value === 'string') {
        tags[key] = value;
      }
    }
    return tags;
  }

  private modelVersionUrl(
    env: EnvironmentConfig,
    model: string,
    version: string,
  ): string {
    return this.withQuery(
      `${this.modelVersionsUrl(env, model)}/${encodeURIComponent(version)}`,
      {},
    );
  }

  /** One page of the workspace's pipeline jobs (ARM has no `$top` for jobs). */
  async listPipelineJobs(
    env: EnvironmentConfig,
    options: { nextLink?: string },
  ): Promise<ArmPage<PipelineRun>> {
    const list = await this.getJson<ArmList<ArmJob>>(
      `jobs of workspace ${env.workspace}`,
      options.nextLink ??
        this.withQuery(this.jobsUrl(env), { jobType: 'Pipeline' }),
      listShapeProblem,
    );
    return {
      items: (list?.value ?? []).map(job => toPipelineRun(job, env)),
      nextLink: list?.nextLink ?? undefined,
    };
  }

  /**
   * GET of any ARM path (`/subscriptions/...`, with `apiVersion`) or of a `nextLink` that ARM
   * gave (absolute, on this client's endpoint), through this client's pipeline: credential,
   * retries, read budget, error mapping; 404 → undefined. For readers of other resource
   * providers that need no SDK (DNS validation: Microsoft.Network, private DNS zones).
   */
  readArm<T>(
    what: string,
    pathOrNextLink: string,
    apiVersion?: string,
  ): Promise<T | undefined> {
    const endpoint = this.config.arm.endpoint;
    if (/^https?:/i.test(pathOrNextLink)) {
      return this.getJson<T>(what, this.ownLink(what, pathOrNextLink));
    }
    const query = apiVersion
      ? `?api-version=${encodeURIComponent(apiVersion)}`
      : '';
    return this.getJson<T>(what, `${endpoint}${pathOrNextLink}${query}`);
  }

  /** A link ARM gave, if it is on this client's endpoint (the credential goes nowhere else). */
  private ownLink(what: string, link: string): string {
    const endpoint = this.config.arm.endpoint;
    if (!link.startsWith(`${endpoint}/`)) {
      throw new InputError(
        `Refusing to follow a link outside ${endpoint} while reading ${what}`,
      );
    }
    return link;
  }

  /** The URL prefix every `nextLink` of {@link listPipelineJobs} must start with. */
  jobsUrl(env: EnvironmentConfig): string {
    return `${this.workspaceUrl(env)}/jobs`;
  }

  private workspaceUrl(env: EnvironmentConfig): string {
    return `${this.config.arm.endpoint}/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/${PROVIDER}/workspaces/${env.workspace}`;
  }

  private registryUrl(env: EnvironmentConfig): string {
    return `${this.config.arm.endpoint}/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/${PROVIDER}/registries/${env.registry}`;
  }

  private withQuery(base: string, query: Record<string, string>): string {
    const params = new URLSearchParams({
      'api-version': REGISTRY_API_VERSION,
      ...query,
    });
    return `${base}?${params.toString()}`;
  }

  private credentialScope(): string {
    // Sovereign clouds have their own ARM host; the emulator takes no token at all.
    return `${
      this.config.arm.credential === 'none'
        ? 'https://management.azure.com'
        : this.config.arm.endpoint
    }/.default`;
  }

  private pipelineOptions() {
    return {
      allowInsecureConnection: this.config.arm.endpoint.startsWith('http:'),
      retryOptions: {
        maxRetries: this.config.arm.maxRetries,
        retryDelayInMs: this.config.arm.retryDelayMs,
      },
    };
  }

  private configurePipeline(pipeline: Pipeline) {
    if (this.config.arm.credential === 'none') {
      pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
    }
    pipeline.addPolicy(this.budget.policy(), { afterPhase: 'Retry' });
    // After the budget: waiting for a read token is not waiting for ARM.
    pipeline.addPolicy(
      armAttemptTimeoutPolicy(this.config.arm.attemptTimeoutMs),
      {
        afterPhase: 'Retry',
      },
    );
    pipeline.addPolicy(armDeadlinePolicy(this.config.arm.deadlineMs));
  }

  /**
   * GET through the registry pipeline; 404 → undefined, other failures → errors, and an answer
   * that is not JSON or not of the expected shape (by default: an ARM resource) → 502.
   */
  private getJson<T>(
    what: string,
    url: string,
    shapeProblem: (body: unknown) => string | undefined = resourceShapeProblem,
  ): Promise<T | undefined> {
    return this.call(what, async () => {
      const response = await this.registryClient.sendRequest(
        // ServiceClient applies allowInsecureConnection to operation requests only.
        createPipelineRequest({
          url,
          method: 'GET',
          allowInsecureConnection: this.config.arm.endpoint.startsWith('http:'),
        }),
      );
      if (response.status === 404) {
        return undefined;
      }
      let body: unknown;
      try {
        body = response.bodyAsText ? JSON.parse(response.bodyAsText) : {};
      } catch {
        if (response.status < 400) {
          throw this.malformed(
            what,
            `HTTP ${response.status} with a body that is not JSON`,
          );
        }
        body = {}; // an error page (a gateway's HTML): the status says enough
      }
      if (response.status >= 400) {
        const error = (body as { error?: { message?: string; code?: string } })
          ?.error;
        throw new RestError(error?.message ?? `HTTP ${response.status}`, {
          code: error?.code,
          statusCode: response.status,
          response,
        });
      }
      const problem = shapeProblem(body);
      if (problem) {
        throw this.malformed(what, `HTTP ${response.status} with ${problem}`);
      }
      return body as T;
    });
  }

  /** One request through the registry pipeline (retries, budget), answered as core-lro wants. */
  private async send(
    method: 'GET' | 'PUT',
    url: string,
    body?: unknown,
  ): Promise<LroResponse> {
    const response = await this.registryClient.sendRequest(
      createPipelineRequest({
        url,
        method,
        allowInsecureConnection: this.config.arm.endpoint.startsWith('http:'),
        body: body === undefined ? undefined : JSON.stringify(body),
        headers:
          body === undefined
            ? undefined
            : createHttpHeaders({ 'content-type': 'application/json' }),
      }),
    );
    const parsed = response.bodyAsText ? JSON.parse(response.bodyAsText) : {};
    if (response.status >= 400) {
      throw new RestError(parsed?.error?.message ?? `HTTP ${response.status}`, {
        code: parsed?.error?.code,
        statusCode: response.status,
      });
    }
    return {
      flatResponse: parsed,
      rawResponse: {
        statusCode: response.status,
        headers: response.headers.toJSON({ preserveCase: false }),
        body: parsed,
      },
    };
  }

  /** `PUT` and follow the long-running operation to its end (core-lro, as the Azure SDKs do). */
  private putLongRunning(what: string, url: string, body: unknown) {
    return this.call(
      what,
      async () => {
        const poller = await createHttpPoller(
          {
            requestMethod: 'PUT',
            requestPath: url,
            sendInitialRequest: () => this.send('PUT', url, body),
            sendPollRequest: path => this.send('GET', path),
          },
          {
            intervalInMs: this.config.arm.pollIntervalMs,
            resourceLocationConfig: 'azure-async-operation',
          },
        );
        try {
          return await poller.pollUntilDone();
        } catch (error) {
          const { status } = poller.getOperationState();
          // core-lro also marks the state failed when a poll request itself fails (a RestError:
          // 429/5xx after the retries, or no answer); that is a lost answer, not the
          // operation's verdict, and stays transient.
          const pollFailed = (error as Error)?.name === 'RestError';
          if ((status === 'failed' || status === 'canceled') && !pollFailed) {
            throw new LroEndedError(status, error);
          }
          throw error;
        }
      },
      'writing',
    );
  }

  /** Runs an ARM call and turns its failure into a Backstage error that says what failed. */
  private async call<T>(
    what: string,
    run: () => Promise<T>,
    doing: 'reading' | 'writing' = 'reading',
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.toBackstageError(what, error, doing);
    }
  }

  /** ARM answered, but not with what the API defines: a 502 that is never cached. */
  private malformed(what: string, problem: string): ArmUpstreamError {
    this.logger.warn(`Azure Resource Manager answered ${what} malformed`, {
      problem,
    });
    return new ArmUpstreamError(
      `Azure Resource Manager answered ${what} with an unexpected shape: ${problem}`,
    );
  }

  private toBackstageError(
    what: string,
    error: unknown,
    doing: 'reading' | 'writing',
  ): Error {
    if (error instanceof ArmUpstreamError) {
      return error;
    }
    if (
      error instanceof ArmDeadlineExceeded ||
      (error as RestError)?.code === 'ETIMEDOUT'
    ) {
      const { attemptTimeoutMs, deadlineMs } = this.config.arm;
      this.logger.warn(`Azure Resource Manager timed out ${doing} ${what}`, {
        detail: String(error),
      });
      return new ArmTimeoutError(
        `Azure Resource Manager did not answer ${doing} ${what} in time: ${
          error instanceof ArmDeadlineExceeded
            ? `the call's ${deadlineMs} ms deadline (azureMl.arm.deadlineMs) ran out`
            : `every attempt waited ${attemptTimeoutMs} ms (azureMl.arm.attemptTimeoutMs)`
        }`,
        error,
      );
    }
    const status =
      error instanceof RestError || (error as RestError)?.name === 'RestError'
        ? (error as RestError).statusCode
        : undefined;
    const detail = (error as Error)?.message ?? String(error);
    if (status === 404) {
      return new NotFoundError(`Azure ML ${what} was not found: ${detail}`);
    }
    if (status === 400 && doing === 'reading') {
      // What a read sends that can vary is the caller's (model names, versions, pages):
      // ARM refusing it is the caller's 400, not an upstream fault.
      return new InputError(
        `Azure Resource Manager refused reading ${what} (HTTP 400): ${detail}`,
      );
    }
    this.logger.warn(`Azure Resource Manager failed ${doing} ${what}`, {
      status: status ?? 'no response',
      detail,
    });
    if (error instanceof LroEndedError) {
      const ended = new ArmUpstreamError(
        `Azure Resource Manager failed ${doing} ${what}: the operation ended ${error.status}: ${detail}`,
        error,
      );
      ended.operationFailed = true;
      return ended;
    }
    const message = `Azure Resource Manager failed ${doing} ${what} (${
      status ? `HTTP ${status}` : 'no response'
    }): ${detail}`;
    if (status === 429) {
      const throttled = new ArmThrottledError(message, error);
      throttled.armStatus = status;
      throttled.retryAfterSeconds = retryAfterSeconds(error as RestError);
      return throttled;
    }
    const upstream = new ArmUpstreamError(message, error);
    upstream.armStatus = status;
    return upstream;
  }
}
