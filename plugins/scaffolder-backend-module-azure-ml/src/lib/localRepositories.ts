import { Config } from '@backstage/config';
import { targetPaths } from '@backstage/cli-common';

/** Config key of the folder that holds the git repositories published in local mode. */
export const LOCAL_PUBLISH_ROOT_CONFIG_KEY =
  'azureMl.scaffolder.localPublishRoot';

/** Default of {@link LOCAL_PUBLISH_ROOT_CONFIG_KEY}, relative to the repository root. */
export const DEFAULT_LOCAL_PUBLISH_ROOT = 'data/local-repos';

/**
 * Absolute folder under which `azure-ml:publish:local` creates repositories and from which
 * the local-repositories URL reader serves `file://` URLs. Relative values are resolved
 * against the monorepo root (not the backend's working directory, which is packages/backend).
 */
export function resolveLocalPublishRoot(config: Config): string {
  return targetPaths.resolveRoot(
    config.getOptionalString(LOCAL_PUBLISH_ROOT_CONFIG_KEY) ??
      DEFAULT_LOCAL_PUBLISH_ROOT,
  );
}
