/**
 * Shapes of the ARM REST resources that the npm SDK (API 2022-10-01) does not cover, as
 * published in azure-rest-api-specs `machinelearningservices` stable/2024-04-01. Only the
 * fields the plugin reads are declared; everything is optional because ARM omits freely.
 */

export interface ArmSystemData {
  createdAt?: string;
  createdBy?: string;
  createdByType?: string;
  lastModifiedAt?: string;
}

export interface ArmList<T> {
  value?: T[];
  nextLink?: string;
}

export interface ArmModelVersion {
  id?: string;
  /** The version, e.g. "7" (not the model name). */
  name?: string;
  systemData?: ArmSystemData;
  properties?: {
    description?: string;
    tags?: Record<string, string | null>;
    properties?: Record<string, string | null>;
    stage?: string;
    jobName?: string;
    modelUri?: string;
    modelType?: string;
    flavors?: Record<string, unknown>;
    isArchived?: boolean;
  };
}

export interface ArmModelContainer {
  id?: string;
  name?: string;
  properties?: {
    description?: string;
    tags?: Record<string, string | null>;
    latestVersion?: string;
  };
}

export interface ArmRegistry {
  id?: string;
  name?: string;
  location?: string;
  properties?: {
    discoveryUrl?: string;
    mlFlowRegistryUri?: string;
    publicNetworkAccess?: string;
    regionDetails?: Array<{ location?: string }>;
    registryPrivateEndpointConnections?: Array<{
      id?: string;
      name?: string;
      properties?: {
        privateEndpoint?: { id?: string };
        registryPrivateLinkServiceConnectionState?: { status?: string };
      };
    }>;
  };
}

/** Raw workspace fields newer than the SDK's API version (e.g. managed network). */
export interface ArmWorkspaceExtras {
  properties?: {
    managedNetwork?: { isolationMode?: string };
  };
}
