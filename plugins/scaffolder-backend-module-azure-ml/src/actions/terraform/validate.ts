import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatTerraformIssue,
  validateTerraform,
} from '../../terraform/validator';
import { examples } from './validate.examples';

/**
 * `azure-ml:terraform:validate` runs the structural Terraform validator over a folder of the
 * task workspace. Local module sources that are not in the workspace (`../../modules/<name>`)
 * resolve against the platform's module folder; with `environmentValues`, the folder's
 * `.tfvars` are checked against the platform's environment root module, validated as well.
 */
export function createTerraformValidateAction(options: {
  modulesDir: string;
  /** The platform's environment root module (for `environmentValues`). */
  environmentRoot?: string;
}) {
  return createTemplateAction({
    id: 'azure-ml:terraform:validate',
    description:
      'Validates Terraform structurally (parses, declared variables, module inputs/outputs, pinned providers, private-only network access, private endpoint DNS zone groups); fails the step with file:line findings.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Workspace folder (or file) to validate (default: the whole workspace)',
            })
            .optional(),
        environmentValues: z =>
          z
            .boolean({
              description:
                "The folder holds an environment's values (terraform.tfvars) for the platform's environment root module: check each key against that root's variables and validate the root (default: false)",
            })
            .optional(),
        failOnIssues: z =>
          z
            .boolean({
              description:
                'Fail the step when there are findings (default: true)',
            })
            .optional(),
      },
      output: {
        valid: z =>
          z.boolean({ description: 'Whether no finding was reported' }),
        fileCount: z =>
          z.number({ description: 'Number of .tf/.tfvars/.hcl files parsed' }),
        issues: z =>
          z.array(
            z.object({
              file: z.string({
                description: 'File, relative to the validated path',
              }),
              line: z.number({ description: '1-based line' }),
              rule: z.string({ description: 'Rule that was broken' }),
              message: z.string({ description: 'Why' }),
            }),
            { description: 'Findings, sorted by file and line' },
          ),
      },
    },
    async handler(ctx) {
      const target = ctx.input.path ?? '.';
      const root = resolveSafeChildPath(ctx.workspacePath, target);
      if (ctx.input.environmentValues && !options.environmentRoot) {
        throw new InputError(
          'environmentValues needs the environment root module (azureMl.scaffolder.terraformEnvironmentRoot)',
        );
      }
      const result = await validateTerraform(root, {
        modulesDir: options.modulesDir,
        rootModule: ctx.input.environmentValues
          ? options.environmentRoot
          : undefined,
      });
      ctx.output('valid', result.valid);
      ctx.output('fileCount', result.files.length);
      ctx.output('issues', result.issues);
      if (result.valid) {
        ctx.logger.info(
          `Terraform in ${target} is valid (${result.files.length} files)`,
        );
        return;
      }
      const report = result.issues.map(formatTerraformIssue).join('\n');
      if (ctx.input.failOnIssues === false) {
        ctx.logger.warn(`Terraform in ${target} has findings:\n${report}`);
        return;
      }
      throw new InputError(`Terraform in ${target} is not valid:\n${report}`);
    },
  });
}
