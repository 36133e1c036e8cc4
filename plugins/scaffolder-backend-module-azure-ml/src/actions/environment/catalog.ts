import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  ENVIRONMENT_RESOURCE_TYPE,
  ExistingEnvironment,
  existingEnvironmentsFrom,
} from './rules';

/**
 * Existing environments from the catalog, read with the credentials of the user who runs the
 * task (so an environment the user cannot see cannot be probed through this action).
 */
export async function readExistingEnvironments(
  ctx: ActionContext<any, any>,
  deps: { catalog: CatalogApi; auth: AuthService },
): Promise<ExistingEnvironment[]> {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await ctx.getInitiatorCredentials(),
    targetPluginId: 'catalog',
  });
  const { items } = await deps.catalog.getEntities(
    {
      filter: { kind: 'Resource', 'spec.type': ENVIRONMENT_RESOURCE_TYPE },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'spec',
      ],
    },
    { token },
  );
  return existingEnvironmentsFrom(items);
}
