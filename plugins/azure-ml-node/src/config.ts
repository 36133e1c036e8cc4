import { Config } from '@backstage/config';
import { z } from 'zod';

/** One configured environment: a workspace and a registry in one resource group. */
export interface EnvironmentConfig {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  registry: string;
  location: string;
}

/** Cache lifetimes in milliseconds, per kind of ARM data. */
export interface CacheTtls {
  modelVersions: number;
  modelContainers: number;
  jobs: number;
  workspaces: number;
  registries: number;
  /** Entity visibility and read-permission decisions, per caller. */
  access: number;
}

/** One rule of the promotion policy. */
export type PolicyRule =
  | {
      kind: 'compare';
      metric: string;
      /** `lower`: the candidate must not exceed the champion by more than `tolerance`. */
      direction: 'lower' | 'higher';
      tolerance: number;
    }
  | { kind: 'threshold'; metric: string; min?: number; max?: number }
  | { kind: 'tag'; tag: string; value?: string };

/** `azureMl.promotion`: from where to where, approval, and the policy gate. */
export interface PromotionConfig {
  from: string;
  to: string;
  requireApproval: boolean;
  /** Model container tag that names the champion version. */
  aliasTag: string;
  /** User or group refs who may approve (the permission policy decides; they are notified). */
  approvers: string[];
  /** Rules for models without their own list. */
  defaultRules: PolicyRule[];
  /** Rules per model name (replace the default rules for that model). */
  modelRules: Record<string, PolicyRule[]>;
  /** How often the backend looks for approved requests to carry out, in ms. */
  pollIntervalMs: number;
  /** Attempts of a request before it fails (transient ARM errors are retried). */
  maxAttempts: number;
  /** Base of the exponential back-off between attempts, in ms. */
  retryDelayMs: number;
  /** How long a replica holds a request it is carrying out before another may take it, in ms. */
  leaseMs: number;
  /** Start an approved request at once in the replica that approved it. */
  startOnApproval: boolean;
}

/** Zone names that may hold compute-instance records (AZURE-NOTES.md: accept both). */
export const INSTANCES_ZONES = [
  'instances.azureml.ms',
  'instances.ml.azure.ms',
] as const;

/** `azureMl.dns`: where the central zones are, how to resolve, how often to validate. */
export interface DnsConfig {
  /** Undefined: each environment's own subscription. */
  centralZoneSubscriptionId?: string;
  centralZoneResourceGroup: string;
  instancesZone: (typeof INSTANCES_ZONES)[number];
  /** `ip` or `ip:port`; empty: the system resolver. */
  resolvers: string[];
  lookupTimeoutMs: number;
  schedule: { enabled: boolean; frequencyMs: number };
  validators: string[];
  keepRuns: number;
  migrationStep4: { state: 'COMPLETE' | 'PENDING'; note?: string };
}

/** The validated `azureMl` configuration of the backend. */
export interface AzureMlConfig {
  arm: {
    endpoint: string;
    credential: 'default' | 'none';
    maxRetries: number;
    retryDelayMs: number;
    /** Polling interval of long-running ARM writes when ARM sends no `Retry-After`. */
    pollIntervalMs: number;
    readBudget: { perSecond: number; burst: number };
    /** One attempt without an answer is abandoned (and retried) after this long. */
    attemptTimeoutMs: number;
    /** One ARM call, retries and their waits included, gives up (504) after this long. */
    deadlineMs: number;
  };
  cache: { enabled: boolean; singleFlight: boolean; ttl: CacheTtls };
  environments: EnvironmentConfig[];
  /** Absent when `azureMl.promotion` is not configured: the promotion routes answer 404. */
  promotion?: PromotionConfig;
  dns: DnsConfig;
}

const GUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const AZURE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.()-]{0,89}$/;
const ENVIRONMENT_KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;

const METRIC = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,128}$/, 'must be a metric name, e.g. rmse');

const policyRule = z.union([
  z
    .object({
      metric: METRIC,
      compare: z.literal('champion'),
      direction: z.enum(['lower', 'higher']),
      tolerance: z.number().min(0).default(0),
    })
    .strict(),
  z
    .object({
      metric: METRIC,
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .strict()
    .refine(
      rule => rule.min !== undefined || rule.max !== undefined,
      'needs min or max',
    ),
  z
    .object({
      tag: z.string().min(1).max(256),
      value: z.string().max(256).optional(),
    })
    .strict(),
]);

function toRule(rule: z.infer<typeof policyRule>): PolicyRule {
  if ('compare' in rule) {
    return {
      kind: 'compare',
      metric: rule.metric,
      direction: rule.direction,
      tolerance: rule.tolerance,
    };
  }
  if ('metric' in rule) {
    return {
      kind: 'threshold',
      metric: rule.metric,
      min: rule.min,
      max: rule.max,
    };
  }
  return { kind: 'tag', tag: rule.tag, value: rule.value };
}

const promotionSchema = z
  .object({
    from: z.string().regex(ENVIRONMENT_KEY, 'must be an environment key'),
    to: z.string().regex(ENVIRONMENT_KEY, 'must be an environment key'),
    requireApproval: z.boolean().default(true),
    aliasTag: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a tag name')
      .default('champion'),
    approvers: z.array(z.string()).optional(), // the permission policy decides; notified
    policy: z
      .union([
        z.array(policyRule),
        z
          .object({
            default: z.array(policyRule).default([]),
            models: z.record(z.array(policyRule)).default({}),
          })
          .strict(),
      ])
      .default([]),
    pollIntervalSeconds: z.number().min(0.1).max(3600).default(5),
    maxAttempts: z.number().int().min(1).max(100).default(8),
    retryDelaySeconds: z.number().min(0.001).max(3600).default(2),
    leaseSeconds: z.number().min(1).max(86400).default(600),
    startOnApproval: z.boolean().default(true),
  })
  .strict();

const RESOLVER =
  /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\])(:\d{1,5})?$|^[0-9a-fA-F:]+$/;

const dnsSchema = z
  .object({
    centralZoneSubscriptionId: z
      .string()
      .regex(GUID, 'must be a subscription GUID')
      .optional(),
    centralZoneResourceGroup: z
      .string()
      .regex(AZURE_NAME, 'must be a resource group name')
      .default('rg-aml-dns'),
    instancesZone: z.enum(INSTANCES_ZONES).default('instances.azureml.ms'),
    resolvers: z
      .array(z.string().regex(RESOLVER, 'must be an IP address or ip:port'))
      .default([]),
    lookupTimeoutMs: z.number().int().min(50).max(30000).default(2000),
    schedule: z
      .object({
        enabled: z.boolean().default(true),
        frequencyMinutes: z.number().min(1).max(10080).default(60),
      })
      .strict()
      .default({}),
    validators: z.array(z.string()).default([]),
    keepRuns: z.number().int().min(1).max(100000).default(200),
    migrationStep4: z
      .object({
        state: z.enum(['COMPLETE', 'PENDING']),
        note: z.string().max(500).optional(),
      })
      .strict()
      .default({ state: 'PENDING' }),
  })
  .strict();

const ttlSeconds = (fallback: number) =>
  z.number().min(0).max(86400).default(fallback);

const schema = z.object({
  arm: z
    .object({
      endpoint: z
        .string()
        .url('must be an absolute URL, e.g. https://management.azure.com')
        .default('https://management.azure.com'),
      credential: z.enum(['default', 'none']).default('default'),
      maxRetries: z.number().int().min(0).max(10).default(3),
      retryDelayMs: z.number().int().min(1).max(60000).default(800),
      pollIntervalMs: z.number().int().min(1).max(60000).default(1000),
      attemptTimeoutMs: z.number().int().min(10).max(600000).default(10000),
      deadlineMs: z.number().int().min(10).max(600000).default(30000),
      readBudget: z
        .object({
          perSecond: z.number().positive().max(1000).default(20),
          burst: z.number().int().min(1).max(1000).default(20),
        })
        .strict()
        .default({}),
    })
    .strict()
    .default({}),
  cache: z
    .object({
      enabled: z.boolean().default(true),
      singleFlight: z.boolean().default(true),
      ttlSeconds: z
        .object({
          modelVersions: ttlSeconds(60),
          modelContainers: ttlSeconds(60),
          jobs: ttlSeconds(30),
          workspaces: ttlSeconds(600),
          registries: ttlSeconds(600),
          access: ttlSeconds(10),
        })
        .strict()
        .default({}),
    })
    .strict()
    .default({}),
  environments: z
    .record(
      z
        .string()
        .regex(ENVIRONMENT_KEY, 'must be lower-case letters, digits, -'),
      z
        .object({
          subscriptionId: z.string().regex(GUID, 'must be a subscription GUID'),
          resourceGroup: z
            .string()
            .regex(AZURE_NAME, 'must be a resource group name'),
          workspace: z.string().regex(AZURE_NAME, 'must be a workspace name'),
          registry: z.string().regex(AZURE_NAME, 'must be a registry name'),
          location: z
            .string()
            .regex(/^[a-z0-9]+$/, 'must be an Azure region, e.g. westeurope'),
        })
        .strict(),
    )
    .refine(
      envs => Object.keys(envs).length > 0,
      'must declare at least one environment',
    ),
  promotion: promotionSchema.optional(),
  dns: dnsSchema.default({}),
});

function describeIssue(issue: z.ZodIssue): string {
  const key = ['azureMl', ...issue.path].join('.');
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    return `${key} is required`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${key} has unknown key(s) ${issue.keys
      .map(k => `'${k}'`)
      .join(', ')}`;
  }
  return `${key} ${issue.message.replace(/^./, c => c.toLowerCase())}`;
}

/**
 * Reads and validates the `azureMl` configuration.
 *
 * @throws Error naming the first invalid key, so that a misconfigured backend fails at start-up.
 */
export function readAzureMlConfig(config: Config): AzureMlConfig {
  const raw = config.getOptional('azureMl');
  if (raw === undefined) {
    throw new Error(
      'Invalid Azure ML config: azureMl.environments is required (see plugins/azure-ml-backend/config.d.ts)',
    );
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new Error(
      `Invalid Azure ML config: ${result.error.issues
        .map(describeIssue)
        .join('; ')}`,
    );
  }
  const { arm, cache, environments, promotion, dns } = result.data;
  if (promotion) {
    for (const key of ['from', 'to'] as const) {
      if (!environments[promotion[key]]) {
        throw new Error(
          `Invalid Azure ML config: azureMl.promotion.${key} '${promotion[key]}' is not a key of azureMl.environments`,
        );
      }
    }
  }
  if (promotion && promotion.from === promotion.to) {
    throw new Error(
      'Invalid Azure ML config: azureMl.promotion.to must differ from azureMl.promotion.from',
    );
  }
  const seconds = cache.ttlSeconds;
  return {
    arm: { ...arm, endpoint: arm.endpoint.replace(/\/+$/, '') },
    cache: {
      enabled: cache.enabled,
      singleFlight: cache.singleFlight,
      ttl: {
        modelVersions: seconds.modelVersions * 1000,
        modelContainers: seconds.modelContainers * 1000,
        jobs: seconds.jobs * 1000,
        workspaces: seconds.workspaces * 1000,
        registries: seconds.registries * 1000,
        access: seconds.access * 1000,
      },
    },
    environments: Object.entries(environments).map(([name, env]) => ({
      name,
      ...env,
    })),
    promotion: promotion && toPromotionConfig(promotion),
    dns: {
      centralZoneSubscriptionId: dns.centralZoneSubscriptionId,
      centralZoneResourceGroup: dns.centralZoneResourceGroup,
      instancesZone: dns.instancesZone,
      resolvers: dns.resolvers,
      lookupTimeoutMs: dns.lookupTimeoutMs,
      schedule: {
        enabled: dns.schedule.enabled,
        frequencyMs: dns.schedule.frequencyMinutes * 60_000,
      },
      validators: dns.validators,
      keepRuns: dns.keepRuns,
      migrationStep4: dns.migrationStep4,
    },
  };
}

function toPromotionConfig(
  promotion: z.infer<typeof promotionSchema>,
): PromotionConfig {
  const policy = Array.isArray(promotion.policy)
    ? { default: promotion.policy, models: {} }
    : promotion.policy;
  return {
    from: promotion.from,
    to: promotion.to,
    requireApproval: promotion.requireApproval,
    aliasTag: promotion.aliasTag,
    approvers: promotion.approvers ?? [],
    defaultRules: policy.default.map(toRule),
    modelRules: Object.fromEntries(
      Object.entries(policy.models).map(([model, rules]) => [
        model,
        rules.map(toRule),
      ]),
    ),
    pollIntervalMs: promotion.pollIntervalSeconds * 1000,
    maxAttempts: promotion.maxAttempts,
    retryDelayMs: promotion.retryDelaySeconds * 1000,
    leaseMs: promotion.leaseSeconds * 1000,
    startOnApproval: promotion.startOnApproval,
  };
}
