/**
 * Azure ML scaffolder actions: project/environment validation, Terraform validation and
 * the local-mode publish.
 *
 * @packageDocumentation
 */
export { scaffolderModuleAzureMl as default } from './module';
export { localRepositoriesUrlReader } from './urlReader/LocalRepositoryUrlReader';
export {
  assertValidTerraform,
  formatTerraformIssue,
  validateTerraform,
} from './terraform/validator';
export type {
  TerraformIssue,
  TerraformRule,
  TerraformValidationOptions,
  TerraformValidationResult,
} from './terraform/validator';
