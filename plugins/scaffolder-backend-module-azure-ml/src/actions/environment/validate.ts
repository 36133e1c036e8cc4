import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readExistingEnvironments } from './catalog';
import { environmentInputDescriptions as descriptions } from './inputs';
import { validateEnvironment } from './rules';
import { examples } from './validate.examples';

/**
 * `azure-ml:environment:validate` checks a new environment before anything is rendered:
 * Azure naming rules for every derived resource name, CIDR syntax, subnets inside the VNet and
 * apart from each other, no overlap with the environments already in the catalog, and tags
 * that cannot inject HCL.
 */
export function createEnvironmentValidateAction(deps: {
  catalog: CatalogService;
}) {
  return createTemplateAction({
    id: 'azure-ml:environment:validate',
    description:
      'Validates a new Azure ML environment (names, CIDRs, overlap with catalog environments, tags) and returns the derived Azure resource names.',
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
      },
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
        values: z =>
          z.object(
            {
              addressSpace: z.string(),
              subnets: z.object({
                privateEndpoints: z.string(),
                bastion: z.string(),
                jumpbox: z.string(),
              }),
              owner: z.string(),
            },
            {
              description:
                'The inputs as files must be written from them: CIDRs in canonical form, the owner as a full entity ref',
            },
          ),
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
      const existing = await readExistingEnvironments(ctx, deps.catalog);
      const { problems, names, values } = validateEnvironment(
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
      ctx.output('values', {
        addressSpace: values.addressSpace,
        subnets: { ...values.subnets },
        owner: values.owner,
      });
    },
  });
}
