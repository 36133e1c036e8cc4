import { Config } from '@backstage/config';
import { targetPaths } from '@backstage/cli-common';

/** Config key of the folder holding the platform's Terraform modules. */
export const TERRAFORM_MODULES_DIR_CONFIG_KEY =
  'azureMl.scaffolder.terraformModulesDir';

/**
 * Absolute folder of the platform modules that generated environments call as
 * `../../modules/<name>`. Relative values resolve against the monorepo root.
 */
export function resolveTerraformModulesDir(config: Config): string {
  return targetPaths.resolveRoot(
    config.getOptionalString(TERRAFORM_MODULES_DIR_CONFIG_KEY) ??
      'terraform/modules',
  );
}
