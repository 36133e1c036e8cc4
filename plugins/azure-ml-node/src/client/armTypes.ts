/**
 * Shapes of the ARM REST resources the plugin reads, as published in azure-rest-api-specs
 * `machinelearningservices` stable/2024-04-01. Only the fields the plugin reads are declared;
 * everything is optional because ARM omits freely.
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
    isArchived?: boolean;
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

/** A workspace (`Workspaces_Get`); `managedNetwork` exists from 2023 api-versions on. */
export interface ArmWorkspace {
  id?: string;
  name?: string;
  properties?: {
    workspaceId?: string;
    publicNetworkAccess?: string;
    privateEndpointConnections?: Array<{ id?: string; name?: string }>;
    managedNetwork?: { isolationMode?: string };
  };
}

/**
 * A job (`Jobs_List` item). A pipeline job's `jobs` holds its step definitions (not their runs:
 * no status, no times); the job schema has no start or end time either.
 */
export interface ArmJob {
  id?: string;
  name?: string;
  systemData?: ArmSystemData;
  properties?: {
    jobType?: string;
    displayName?: string | null;
    experimentName?: string;
    status?: string;
    services?: Record<string, { endpoint?: string | null } | null> | null;
    jobs?: Record<string, Record<string, unknown> | null> | null;
  };
}
