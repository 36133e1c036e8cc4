/**
 * The azure-ml backend plugin: Azure ML read API, promotion and DNS validation. Its config
 * and ARM client come from @internal/plugin-azure-ml-node, shared with the catalog module.
 *
 * @packageDocumentation
 */
export { azureMlPlugin as default } from './plugin';
