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
 * task workspace. Local module sources that are not in the workspace (`../../modules/<name>`
 * of a generated environment) resolve against the platform's module folder.
 */
export function createTerraformValidateAction(options: { modulesDir: string }) {
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
      const result = await validateTerraform(root, {
        modulesDir: options.modulesDir,
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
