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

/** Config key of the one root module that every environment's values are for. */
export const TERRAFORM_ENVIRONMENT_ROOT_CONFIG_KEY =
  'azureMl.scaffolder.terraformEnvironmentRoot';

/**
 * Absolute folder of the platform's environment root module (`terraform/environment`), whose
 * variables a generated environment's `terraform.tfvars` sets. Relative values resolve against
 * the monorepo root.
 */
export function resolveTerraformEnvironmentRoot(config: Config): string {
  return targetPaths.resolveRoot(
    config.getOptionalString(TERRAFORM_ENVIRONMENT_ROOT_CONFIG_KEY) ??
      'terraform/environment',
  );
}
