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

/** The validated `azureMl` configuration of the backend. */
export interface AzureMlConfig {
  arm: {
    endpoint: string;
    credential: 'default' | 'none';
    maxRetries: number;
    retryDelayMs: number;
    readBudget: { perSecond: number; burst: number };
  };
  cache: { enabled: boolean; singleFlight: boolean; ttl: CacheTtls };
  environments: EnvironmentConfig[];
}

const GUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const AZURE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.()-]{0,89}$/;
const ENVIRONMENT_KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;

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
  // Sections read by other parts of the plugin (promotion, DNS validation).
  promotion: z.unknown().optional(),
  dns: z.unknown().optional(),
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
  const { arm, cache, environments } = result.data;
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
  };
}
