/** Types of the structural Terraform validator's findings and options. */

/** The rule a finding breaks. @public */
export type TerraformRule =
  | 'parse'
  | 'undeclared-variable'
  | 'undeclared-local'
  | 'module-source'
  | 'unknown-module-input'
  | 'missing-module-input'
  | 'unknown-module'
  | 'unknown-module-output'
  | 'unpinned-provider'
  | 'public-network-access'
  | 'private-endpoint-dns'
  | 'provider-schema';

/** One finding, located in the source. @public */
export interface TerraformIssue {
  /** Path relative to the validated root (POSIX separators). */
  file: string;
  /** 1-based line number. */
  line: number;
  rule: TerraformRule;
  message: string;
}

/** @public */
export interface TerraformValidationOptions {
  /**
   * Directory with the platform modules. A local module source such as `../../modules/network`
   * that does not exist next to the caller is looked up here as `<modulesDir>/network`, so a
   * generated environment can be validated before it sits in the platform repository.
   */
  modulesDir?: string;
  /**
   * The root module that the `.tfvars` files under the validated folder are values of (every
   * environment's values are for the one root `terraform/environment`). Each key must be a
   * variable of it, and the root module itself is validated as well, with every local module
   * it calls (the whole tree that the values deploy).
   */
  rootModule?: string;
}

/** @public */
export interface TerraformValidationResult {
  valid: boolean;
  issues: TerraformIssue[];
  /** Every file read, relative to the root (including any that does not parse). */
  files: string[];
}
