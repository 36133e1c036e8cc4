import { ArmError } from './errors';

export type ArmProvider =
  | 'MachineLearningServices'
  | 'Network'
  | 'PrivateDns'
  | 'Operations';

/** Azure ML api-versions that the service accepts (stable and preview) for the routes we serve. */
const ML_VERSIONS = [
  '2021-07-01',
  '2022-05-01',
  '2022-10-01',
  '2022-10-01-preview',
  '2022-12-01-preview',
  '2023-02-01-preview',
  '2023-04-01',
  '2023-04-01-preview',
  '2023-06-01-preview',
  '2023-08-01-preview',
  '2023-10-01',
  '2024-01-01-preview',
  '2024-04-01',
  '2024-04-01-preview',
  '2024-07-01-preview',
  '2024-10-01',
  '2024-10-01-preview',
  '2025-01-01-preview',
  '2025-04-01',
  '2025-06-01',
  '2025-09-01',
];
/** Registries and their assets appeared with 2022-10-01-preview / 2023-04-01. */
const REGISTRY_MIN_VERSION = '2022-10-01-preview';

const PRIVATE_DNS_VERSIONS = [
  '2018-09-01',
  '2020-01-01',
  '2020-06-01',
  '2024-06-01',
];

/** Microsoft.Network ships a new api-version every few months: accept any well-formed one from 2018-08-01 (private endpoints' first) on. */
const NETWORK_VERSION = /^(\d{4})-(\d{2})-(\d{2})(-preview)?$/;

const MISSING_MESSAGE =
  'The api-version query parameter (?api-version=) is required for all requests.';

/**
 * Checks `api-version` as ARM does: missing → 400 MissingApiVersionParameter; unknown to the
 * resource provider → 400 InvalidApiVersionParameter with the supported list.
 */
export function checkApiVersion(
  apiVersion: string | null,
  provider: ArmProvider,
  options: { registryRoute?: boolean } = {},
) {
  if (apiVersion === null || apiVersion === '') {
    throw new ArmError(400, 'MissingApiVersionParameter', MISSING_MESSAGE);
  }
  const supported = supportedVersions(provider, options.registryRoute ?? false);
  const ok =
    supported === 'network'
      ? NETWORK_VERSION.test(apiVersion) && apiVersion >= '2018-08-01'
      : supported.includes(apiVersion);
  if (!ok) {
    const list =
      supported === 'network' ? '2018-08-01 and later' : supported.join(', ');
    throw new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions are '${list}'.`,
    );
  }
}

function supportedVersions(
  provider: ArmProvider,
  registryRoute: boolean,
): string[] | 'network' {
  switch (provider) {
    case 'Network':
      return 'network';
    case 'PrivateDns':
      return PRIVATE_DNS_VERSIONS;
    default:
      return registryRoute
        ? ML_VERSIONS.filter(v => v >= REGISTRY_MIN_VERSION)
        : ML_VERSIONS;
  }
}
