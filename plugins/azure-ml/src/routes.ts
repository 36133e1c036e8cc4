import { createRouteRef } from '@backstage/core-plugin-api';

/** The "Azure ML" entity tab. */
export const rootRouteRef = createRouteRef({
  id: 'azure-ml',
});
