/**
 * Azure ML scaffolder actions: project/environment validation, Terraform validation and
 * the local-mode publish.
 *
 * @packageDocumentation
 */
export { scaffolderModuleAzureMl as default } from './module';
