import { CatalogService } from '@backstage/plugin-catalog-node';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  ENVIRONMENT_DEFINITION_TYPE,
  ENVIRONMENT_RESOURCE_TYPE,
  ExistingEnvironment,
  existingEnvironmentsFrom,
} from './rules';

/**
 * Existing environments from the catalog (the discovered ones and the definitions of those not
 * applied yet), read with the credentials of the user who runs the task (so an environment the
 * user cannot see cannot be probed through this action).
 */
export async function readExistingEnvironments(
  ctx: ActionContext<any, any>,
  catalog: CatalogService,
): Promise<ExistingEnvironment[]> {
  const { items } = await catalog.getEntities(
    {
      filter: {
        kind: 'Resource',
        'spec.type': [ENVIRONMENT_RESOURCE_TYPE, ENVIRONMENT_DEFINITION_TYPE],
      },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'spec',
      ],
    },
    { credentials: await ctx.getInitiatorCredentials() },
  );
  return existingEnvironmentsFrom(items);
}
