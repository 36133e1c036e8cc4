import { EmptyState } from '@backstage/core-components';

/**
 * A Resource page whose entity names a workspace (`ml.azure.com/workspace`) that no entry of
 * `azureMl.environments` has: the portal cannot read it.
 */
export function NoConfiguredEnvironment(props: { workspace?: string }) {
  return (
    <EmptyState
      missing="info"
      title="No configured environment"
      description={`No entry of azureMl.environments has the workspace '${
        props.workspace ?? '(no ml.azure.com/workspace annotation)'
      }'.`}
    />
  );
}
