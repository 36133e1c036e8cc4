import { ArmError } from './errors';

export type ArmProvider =
  | 'MachineLearningServices'
  | 'Network'
  | 'PrivateDns'
  | 'Operations';

/*
 * The api-versions the emulator answers: only those whose response shapes it emulates, i.e.
 * whose REST spec (Azure/azure-rest-api-specs) was checked against what it sends. Each client
 * of this repository uses one of them per provider (the backend and the catalog module:
 * Microsoft.MachineLearningServices 2024-04-01, Microsoft.Network 2024-05-01, private DNS
 * 2024-06-01; the emulator's own test of the npm SDK: 2022-10-01). Add a version only after
 * checking its schemas and, where a field differs, apiVersionShapes.ts.
 */

/**
 * Microsoft.MachineLearningServices stable versions: 2022-10-01 (the npm SDK's), 2023-04-01 and
 * 2024-04-01 (the backend's); older shapes are produced by apiVersionShapes.ts.
 */
const ML_VERSIONS = ['2022-10-01', '2023-04-01', '2024-04-01'];
/** Registries and their assets are not in stable 2022-10-01; 2023-04-01 is their first stable. */
const REGISTRY_MIN_VERSION = '2023-04-01';

/** Microsoft.Network: the version of the copied schemas (the backend's and catalog module's). */
const NETWORK_VERSIONS = ['2024-05-01'];

/**
 * Private DNS: 2024-06-01 only (the backend's); older versions lack fields the emulator answers
 * (e.g. a virtual network link's `resolutionPolicy`, new in 2024-06-01).
 */
const PRIVATE_DNS_VERSIONS = ['2024-06-01'];

/** What ARM accepts as an api-version at all: a date, optionally `-preview` (or another suffix). */
const WELL_FORMED = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-[a-z]+)?$/i;

const MISSING_MESSAGE =
  'The api-version query parameter (?api-version=) is required for all requests.';

interface ApiVersionTarget {
  /** Registry routes accept only the api-versions that know registries. */
  registryRoute?: boolean;
  /** ARM's resource type without namespace, e.g. `workspaces/jobs`, for the error message. */
  resourceType: string;
  /** The location ARM names in the error (the resource group's region, `global` for DNS). */
  location: () => string;
}

/**
 * Checks `api-version` as ARM does:
 * - missing → 400 `MissingApiVersionParameter`;
 * - not a well-formed version → 400 `InvalidApiVersionParameter` ("The api-version '…' is
 *   invalid. The supported versions are '…'.");
 * - well-formed but not registered for the resource type → 400 `NoRegisteredProviderFound`
 *   ("No registered resource provider found for location '…' and API version '…' for type
 *   '…'. The supported api-versions are '…'."), ARM's answer to a version the provider does
 *   not serve. Here: a version the emulator does not emulate.
 */
export function checkApiVersion(
  apiVersion: string | null,
  provider: ArmProvider,
  target: ApiVersionTarget,
) {
  if (apiVersion === null || apiVersion === '') {
    throw new ArmError(400, 'MissingApiVersionParameter', MISSING_MESSAGE);
  }
  const supported = supportedApiVersions(
    provider,
    target.registryRoute ?? false,
  );
  if (!WELL_FORMED.test(apiVersion)) {
    throw new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(
        ', ',
      )}'.`,
    );
  }
  if (!supported.includes(apiVersion)) {
    throw new ArmError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location '${target.location()}' and API version '${apiVersion}' for type '${
        target.resourceType
      }'. The supported api-versions are '${supported.join(', ')}'.`,
    );
  }
}

/** The api-versions the emulator answers for a provider (and for registry routes). */
function supportedApiVersions(
  provider: ArmProvider,
  registryRoute: boolean,
): string[] {
  switch (provider) {
    case 'Network':
      return NETWORK_VERSIONS;
    case 'PrivateDns':
      return PRIVATE_DNS_VERSIONS;
    default:
      return registryRoute
        ? ML_VERSIONS.filter(v => v >= REGISTRY_MIN_VERSION)
        : ML_VERSIONS;
  }
}
