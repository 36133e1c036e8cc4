import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'node:path';
import { renderBackend, renderTfvars } from './hcl';
import { environmentInputDescriptions as descriptions } from './inputs';
import { examples } from './render.examples';
import {
  deriveNames,
  normalizeEnvironment,
  validateAddressing,
  validateName,
} from './rules';

/**
 * `azure-ml:environment:render` writes the per-environment Terraform values
 * (terraform.tfvars, backend.hcl) next to the environment root module from the template's
 * skeleton. Every value is written as an escaped HCL string literal.
 */
export function createEnvironmentRenderAction() {
  return createTemplateAction({
    id: 'azure-ml:environment:render',
    description:
      'Renders terraform.tfvars and backend.hcl of a new Azure ML environment with HCL-escaped values.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string({ description: descriptions.name }),
        location: z => z.string({ description: descriptions.location }),
        addressSpace: z => z.string({ description: descriptions.addressSpace }),
        subnets: z =>
          z.object(
            {
              privateEndpoints: z.string({
                description: descriptions.privateEndpointsSubnet,
              }),
              bastion: z.string({ description: descriptions.bastionSubnet }),
              jumpbox: z.string({ description: descriptions.jumpboxSubnet }),
            },
            { description: descriptions.subnets },
          ),
        tags: z =>
          z
            .record(z.string(), z.string(), { description: descriptions.tags })
            .optional(),
        owner: z => z.string({ description: descriptions.owner }),
        dnsResourceGroup: z =>
          z.string({ description: descriptions.dnsResourceGroup }),
        jumpboxSshPublicKey: z =>
          z
            .string({
              description:
                'OpenSSH public key of the jumpbox admin; when empty, terraform.tfvars says to pass TF_VAR_jumpbox_admin_ssh_public_key',
            })
            .optional(),
        targetPath: z =>
          z
            .string({
              description:
                'Workspace folder of the environment root module (default: terraform/environments/<name>)',
            })
            .optional(),
      },
      output: {
        path: z =>
          z.string({
            description:
              'Workspace-relative folder that holds the rendered files',
          }),
        files: z =>
          z.array(z.string(), {
            description: 'Workspace-relative paths of the written files',
          }),
      },
    },
    async handler(ctx) {
      // Written from the normalized inputs, and only when they are valid: this action may run
      // without the validate step before it (a template of one's own in a dry run).
      const { values: input, problems } = normalizeEnvironment({
        ...ctx.input,
        tags: ctx.input.tags ?? {},
      });
      // Tags are not refused here: every value is written HCL-escaped anyway.
      problems.push(
        ...validateName(input.name),
        ...validateAddressing(input.addressSpace, input.subnets, []),
      );
      if (problems.length) throw new InputError(problems.join('; '));
      const target =
        ctx.input.targetPath ?? `terraform/environments/${input.name}`;
      const dir = resolveSafeChildPath(ctx.workspacePath, target);
      const names = deriveNames(input.name, input.location);
      const files = {
        'terraform.tfvars': renderTfvars(
          { ...input, jumpboxSshPublicKey: ctx.input.jumpboxSshPublicKey },
          names,
        ),
        'backend.hcl': renderBackend(input.name),
      };
      // Writes stay inside the task workspace, so a dry run renders too (and can be validated).
      for (const [file, content] of Object.entries(files)) {
        await fs.outputFile(path.join(dir, file), content);
      }
      ctx.logger.info(`Rendered ${Object.keys(files).join(', ')} in ${target}`);
      ctx.output('path', target);
      ctx.output(
        'files',
        Object.keys(files).map(file => path.posix.join(target, file)),
      );
    },
  });
}
