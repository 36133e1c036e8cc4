import { createRouteRef } from '@backstage/core-plugin-api';

/** The "Azure ML" entity tab. */
export const rootRouteRef = createRouteRef({
  id: 'azure-ml',
});

/** The "Azure ML" tab of discovered environment, workspace and registry Resources. */
export const resourceRouteRef = createRouteRef({
  id: 'azure-ml-resource',
});

/** The "Model approvals" page: pending promotion requests across entities. */
export const approvalsRouteRef = createRouteRef({
  id: 'azure-ml-approvals',
});
