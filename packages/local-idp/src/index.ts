/**
 * Local OpenID Connect identity provider with the people of examples/org.yaml, for signing
 * two people in to the portal on one machine. A development and test tool: never a
 * production dependency.
 *
 * @packageDocumentation
 */
export { startLocalIdp } from './startLocalIdp';
export type {
  LocalIdp,
  LocalIdpClient,
  LocalIdpOptions,
} from './startLocalIdp';
export { LOCAL_ACCOUNTS } from './accounts';
export type { LocalAccount } from './accounts';
