import {
  AuthService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'node:path';
import { readExistingEnvironments } from './catalog';
import { renderBackend, renderTfvars } from './hcl';
import { examples as renderExamples } from './render.examples';
import {
  AZURE_REGIONS,
  deriveNames,
  validateEnvironment,
  validateName,
} from './rules';
import { examples as validateExamples } from './validate.examples';

// Both environment actions take the same environment description. The schema stays private to
// this file: its inferred zod types cannot be named in declaration output.
/** The zod instance scaffolder-node hands to schema callbacks (no zod import of our own). */
type InputSchema = NonNullable<
  Parameters<typeof createTemplateAction>[0]['schema']
>['input'];
type Z = Parameters<Extract<InputSchema, (...args: any[]) => any>>[0];

/** Inputs shared by azure-ml:environment:validate and azure-ml:environment:render. */
const environmentInputSchema = {
  name: (z: Z) =>
    z.string({
      description:
        'Environment name (purpose), e.g. "staging" or "nlp-dev": 2-12 lowercase letters, digits and single hyphens',
    }),
  location: (z: Z) =>
    z.string({
      description: `Azure region, one of: ${AZURE_REGIONS.join(', ')}`,
    }),
  addressSpace: (z: Z) =>
    z.string({
      description:
        'VNet address space in CIDR notation, e.g. 10.30.0.0/16; must not overlap an existing environment',
    }),
  subnets: (z: Z) =>
    z.object(
      {
        privateEndpoints: z.string({
          description:
            'Subnet for private endpoints, inside the VNet, e.g. 10.30.1.0/24',
        }),
        bastion: z.string({
          description: 'AzureBastionSubnet, /26 or larger, e.g. 10.30.2.0/26',
        }),
        jumpbox: z.string({ description: 'Jumpbox subnet, e.g. 10.30.3.0/24' }),
      },
      { description: 'Subnet prefixes inside the VNet; they must not overlap' },
    ),
  tags: (z: Z) =>
    z
      .record(z.string(), z.string(), {
        description:
          'Azure tags (key → value). Quotes, backslashes, "${", "%{" and line breaks are rejected',
      })
      .optional(),
  owner: (z: Z) =>
    z.string({
      description: 'Owning group entity ref, e.g. group:default/ml-platform',
    }),
  dnsResourceGroup: (z: Z) =>
    z.string({
      description:
        'Central shared DNS resource group holding the Azure ML private DNS zones, e.g. rg-aml-dns',
    }),
};

/**
 * `azure-ml:environment:validate` checks a new environment before anything is rendered:
 * Azure naming rules for every derived resource name, CIDR syntax, subnets inside the VNet and
 * apart from each other, no overlap with the environments already in the catalog, and tags
 * that cannot inject HCL.
 */
export function createEnvironmentValidateAction(deps: {
  catalog: CatalogApi;
  auth: AuthService;
}) {
  return createTemplateAction({
    id: 'azure-ml:environment:validate',
    description:
      'Validates a new Azure ML environment (names, CIDRs, overlap with catalog environments, tags) and returns the derived Azure resource names.',
    examples: validateExamples,
    supportsDryRun: true,
    schema: {
      input: environmentInputSchema,
      output: {
        entityName: z =>
          z.string({
            description:
              'Name of the environment Resource entity, aml-env-<name>',
          }),
        workspaceName: z =>
          z.string({ description: 'Derived Azure ML workspace name' }),
        registryName: z =>
          z.string({ description: 'Derived Azure ML registry name' }),
        resourceGroupName: z =>
          z.string({
            description: 'Derived resource group of the workspace and registry',
          }),
        names: z =>
          z.record(z.string(), z.string(), {
            description: 'Every derived Azure resource name, by role',
          }),
        existingEnvironments: z =>
          z.array(
            z.object({
              entityRef: z.string(),
              name: z.string(),
              addressSpace: z.string(),
            }),
            {
              description:
                'Environments found in the catalog and checked for overlap',
            },
          ),
      },
    },
    async handler(ctx) {
      const existing = await readExistingEnvironments(ctx, deps);
      const { problems, names } = validateEnvironment(
        { ...ctx.input, tags: ctx.input.tags ?? {} },
        existing,
      );
      if (problems.length > 0) {
        throw new InputError(
          `The environment "${ctx.input.name}" is not valid:\n- ${problems.join(
            '\n- ',
          )}`,
        );
      }
      ctx.logger.info(
        `Environment ${ctx.input.name} (${ctx.input.addressSpace}) is valid; checked against ${existing.length} existing environments`,
      );
      ctx.output('entityName', `aml-env-${ctx.input.name}`);
      ctx.output('workspaceName', names.workspace);
      ctx.output('registryName', names.registry);
      ctx.output('resourceGroupName', names.resourceGroup);
      ctx.output('names', { ...names });
      ctx.output('existingEnvironments', existing);
    },
  });
}

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
    examples: renderExamples,
    supportsDryRun: true,
    schema: {
      input: {
        ...environmentInputSchema,
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
      const { input } = ctx;
      const nameProblems = validateName(input.name);
      if (nameProblems.length) throw new InputError(nameProblems.join('; '));
      const target = input.targetPath ?? `terraform/environments/${input.name}`;
      const dir = resolveSafeChildPath(ctx.workspacePath, target);
      const names = deriveNames(input.name, input.location);
      const files = {
        'terraform.tfvars': renderTfvars(
          { ...input, tags: input.tags ?? {} },
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
