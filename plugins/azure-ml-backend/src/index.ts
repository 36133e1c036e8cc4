/**
 * The azure-ml backend plugin: Azure ML read API (and, later, promotion and DNS validation).
 *
 * @packageDocumentation
 */
export { azureMlPlugin as default } from './plugin';
