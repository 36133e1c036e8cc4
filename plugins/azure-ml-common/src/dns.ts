/**
 * DTOs of private DNS validation (`/environments/{env}/dns-validations`), named views of the
 * OpenAPI schemas.
 */
import type { components } from './generated/openapi';
import { dnsCheckValues } from './generated/openapi';

type Schemas = components['schemas'];

/** What a finding is about (`zone.not-linked`, `resolve.public-ip`, …). @public */
export type DnsCheck = Schemas['DnsCheck'];

/** Every check id, in the contract's order. @public */
export const DNS_CHECKS: readonly DnsCheck[] = dnsCheckValues;

/** One thing wrong with an environment's private DNS, with its remediation. @public */
export type DnsFinding = Schemas['DnsFinding'];

/** A name the environment's private endpoints need and the IP it must resolve to. @public */
export type DnsName = Schemas['DnsName'];

/** A row of the central AML DNS migration table, computed from live evidence. @public */
export type DnsMigrationStep = Schemas['DnsMigrationStep'];

/** One DNS validation run of an environment. @public */
export type DnsValidation = Schemas['DnsValidation'];

/** A past run without its details. @public */
export type DnsValidationHistoryItem = Schemas['DnsValidationHistoryItem'];

/** `GET /environments/{env}/dns-validations`: the latest run and the history. @public */
export type DnsValidations = Schemas['DnsValidations'];
