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
      'Validates the parameters of a new Azure ML project (names, owner, environments, local destination).',
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
        environments: z =>
          z.array(z.string(), {
            description: 'The environments, in configuration order',
          }),
        registerEnvironment: z =>
          z.string({
            description:
              'Environment whose registry the training pipeline registers into (the first one)',
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
      check('owner', input.owner, rules.entityRef('group'));
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
      }

      if (problems.length) {
        throw new InputError(`Invalid parameters: ${problems.join('; ')}`);
      }
      const environments = known.filter(env => requested.includes(env));
      ctx.logger.info(`Parameters of ML project ${input.name} are valid`);
      ctx.output('environments', environments);
      ctx.output('registerEnvironment', environments[0]);
    },
  });
}
