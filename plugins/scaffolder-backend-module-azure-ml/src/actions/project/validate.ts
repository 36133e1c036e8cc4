import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import * as rules from './rules';
import { examples } from './validate.examples';

/** Environments offered when the platform config declares none. */
const FALLBACK_ENVIRONMENTS = ['dev', 'prod'];

/** Keys of `azureMl.environments` (platform config owned by the azure-ml backend). */
export function configuredEnvironments(config: Config): string[] {
  const keys = config.getOptionalConfig('azureMl.environments')?.keys() ?? [];
  return keys.length ? keys : FALLBACK_ENVIRONMENTS;
}

/** The platform values a generated project needs to reach one environment. */
const PLATFORM_KEYS = {
  SUBSCRIPTION_ID: 'subscriptionId',
  RESOURCE_GROUP: 'resourceGroup',
  WORKSPACE: 'workspace',
  REGISTRY: 'registry',
} as const;

/**
 * GitHub repository variables of the generated workflows, from `azureMl.environments`:
 * `AML_TRAIN_*` of the environment the pipeline registers into, `AML_SERVE_*` of the one
 * whose registry champion is deployed. Keys missing in config are left out (and named).
 */
export function repositoryVariables(
  config: Config,
  roles: { TRAIN: string; SERVE: string },
): { variables: Record<string, string>; missing: string[] } {
  const variables: Record<string, string> = {};
  const missing: string[] = [];
  for (const [role, env] of Object.entries(roles)) {
    for (const [suffix, key] of Object.entries(PLATFORM_KEYS)) {
      const value = config.getOptionalString(
        `azureMl.environments.${env}.${key}`,
      );
      if (value) variables[`AML_${role}_${suffix}`] = value;
      else missing.push(`azureMl.environments.${env}.${key}`);
    }
  }
  return { variables, missing: [...new Set(missing)] };
}

/**
 * The promotion path (`azureMl.promotion.from` → `to`); without config the first environment
 * is where models are registered and every other one is reached by promotion.
 */
function promotionSource(config: Config, known: string[]): string {
  return config.getOptionalString('azureMl.promotion.from') ?? known[0];
}

/**
 * `azure-ml:project:validate` checks the "Create new ML project" parameters before anything is
 * written, so that a bad value fails with a message naming the parameter instead of producing
 * a repository Azure ML rejects later. Free text is allowed as long as it is one line: the
 * skeleton renders it with `| dump`, so quotes and template syntax stay inert.
 */
export function createProjectValidateAction(options: { config: Config }) {
  const { config } = options;
  return createTemplateAction({
    id: 'azure-ml:project:validate',
    description:
      'Validates the parameters of a new Azure ML project (names, owner and system kinds, compute name, environments on the promotion path, local destination) and outputs the platform values its workflows need.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z.string({ description: 'Project, entity and repository name' }),
        description: z =>
          z.string({ description: 'One-line description' }).optional(),
        owner: z => z.string({ description: 'Owner entity reference' }),
        system: z =>
          z.string({ description: 'System entity reference' }).optional(),
        modelName: z => z.string({ description: 'Azure ML model name' }),
        experimentName: z =>
          z.string({ description: 'Azure ML experiment name' }),
        computeName: z =>
          z.string({ description: 'Azure ML compute cluster name' }),
        environments: z =>
          z
            .array(z.string(), {
              description: 'Environments (keys of azureMl.environments)',
            })
            .optional(),
        localDestination: z =>
          z
            .string({
              description: 'Local mode: folder below the local publish root',
            })
            .optional(),
      },
      output: {
        owner: z =>
          z.string({
            description:
              'The owner as a full entity reference (group:default/ml-engineers)',
          }),
        system: z =>
          z
            .string({
              description:
                'The system as a full entity reference (system:default/taxi-fare), when given',
            })
            .optional(),
        environments: z =>
          z.array(z.string(), {
            description: 'The environments, in configuration order',
          }),
        registerEnvironment: z =>
          z.string({
            description:
              'Environment whose registry the training pipeline registers into (the first one)',
          }),
        serveEnvironment: z =>
          z.string({
            description:
              'Environment whose registry champion the deploy workflow serves (the last one)',
          }),
        repoVariables: z =>
          z.record(z.string(), {
            description:
              'GitHub repository variables of the generated workflows (AML_TRAIN_* and AML_SERVE_*: subscription, resource group, workspace, registry) from azureMl.environments',
          }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const problems: string[] = [];
      const check = (
        parameter: string,
        value: string | undefined,
        rule: rules.Rule,
      ) => {
        if (value === undefined) return;
        const problem = rule(value);
        if (problem) problems.push(`"${parameter}" ${problem}`);
      };
      check('name', input.name, rules.projectName);
      check('description', input.description, rules.description);
      check('owner', input.owner, rules.entityRef('group', 'user'));
      if (input.system)
        check('system', input.system, rules.entityRef('system'));
      check('modelName', input.modelName, rules.modelName);
      check('experimentName', input.experimentName, rules.experimentName);
      check('computeName', input.computeName, rules.computeName);
      check('localDestination', input.localDestination, rules.localDestination);

      const known = configuredEnvironments(config);
      const requested = input.environments ?? known;
      const unknown = requested.filter(env => !known.includes(env));
      if (unknown.length) {
        problems.push(
          `"environments" must be among ${known.join(
            ', ',
          )} (unknown: ${unknown.join(', ')})`,
        );
      } else if (!requested.length) {
        problems.push('"environments" must name at least one environment');
      } else {
        const source = promotionSource(config, known);
        if (known.includes(source) && !requested.includes(source)) {
          problems.push(
            `"environments" [${requested.join(
              ', ',
            )}] without ${source} would register models straight into ${requested.join(
              ', ',
            )} and skip the governed promotion from ${source}; include ${source}`,
          );
        }
      }

      if (problems.length) {
        throw new InputError(`Invalid parameters: ${problems.join('; ')}`);
      }
      const environments = known.filter(env => requested.includes(env));
      const roles = {
        TRAIN: environments[0],
        SERVE: environments[environments.length - 1],
      };
      const { variables, missing } = repositoryVariables(config, roles);
      if (missing.length) {
        ctx.logger.warn(
          `Not in platform config, so the generated workflows need them set by hand: ${missing.join(
            ', ',
          )}`,
        );
      }
      ctx.logger.info(`Parameters of ML project ${input.name} are valid`);
      ctx.output('owner', rules.fullEntityRef(input.owner, 'group'));
      if (input.system) {
        ctx.output('system', rules.fullEntityRef(input.system, 'system'));
      }
      ctx.output('environments', environments);
      ctx.output('registerEnvironment', roles.TRAIN);
      ctx.output('serveEnvironment', roles.SERVE);
      ctx.output('repoVariables', variables);
    },
  });
}
