/** JSON value as ARM sends and receives it. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface SystemData {
  createdAt: string;
  createdBy: string;
  createdByType: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
  lastModifiedAt: string;
  lastModifiedBy: string;
  lastModifiedByType: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
}

/**
 * An ARM resource exactly as served. `properties` stays loosely typed on purpose: the
 * emulator stores whatever a client PUTs (ARM is schemaless from our side of the wire).
 */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  etag?: string;
  kind?: string;
  sku?: JsonObject;
  identity?: JsonObject;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  properties: Record<string, any>;
  systemData?: SystemData;
}

/**
 * A child resource whose schema has no `type` (e.g. Microsoft.Network 2024-05-01's
 * PrivateDnsZoneGroup: SubResource `id`, `name`, `etag`, `properties`).
 */
export type ArmSubResource = Omit<ArmResource, 'type'>;

/** Model container + versions of one workspace or registry; names are case-sensitive. */
export interface ModelRecord {
  container: ArmResource;
  versions: Record<string, ArmResource>;
}

/** Azure ML assets of one workspace or registry. */
export interface MlScope {
  /** Canonical resource id of the workspace or registry. */
  id: string;
  kind: 'workspace' | 'registry';
  models: Record<string, ModelRecord>;
  jobs: Record<string, ArmResource>;
}

export interface PrivateDnsZoneRecord {
  zone: ArmResource;
  recordSets: ArmResource[];
  virtualNetworkLinks: ArmResource[];
}

export type AsyncOperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

/** A long-running PUT in flight (Azure-AsyncOperation / Location polling). */
export interface AsyncOperation {
  id: string;
  status: AsyncOperationStatus;
  startTime: string;
  endTime?: string;
  /** Polls still answered with InProgress before the operation settles. */
  pollsRemaining: number;
  /** Epoch ms after which the operation settles even if nobody polls. */
  deadline: number;
  subscriptionId: string;
  location: string;
  /** Decided at creation (the `lroFailure` fault): fail instead of applying. */
  willFail: boolean;
  /** Where the resource lands when the operation succeeds. */
  target: {
    scopeId: string;
    modelName: string;
    version?: string;
  };
  resource: ArmResource;
  error?: { code: string; message: string };
}

/** The whole mutable world of the emulator. Plain JSON, so it can be persisted to a file. */
export interface EmulatorState {
  /** Keyed by lower-cased resource id (ARM ids are case-insensitive). */
  workspaces: Record<string, ArmResource>;
  registries: Record<string, ArmResource>;
  /** Assets keyed by lower-cased workspace / registry id. */
  ml: Record<string, MlScope>;
  virtualNetworks: Record<string, ArmResource>;
  privateEndpoints: Record<string, ArmResource>;
  networkInterfaces: Record<string, ArmResource>;
  /** Keyed by lower-cased zone group id (child of a private endpoint). */
  privateDnsZoneGroups: Record<string, ArmSubResource>;
  /** Keyed by lower-cased zone id. */
  privateDnsZones: Record<string, PrivateDnsZoneRecord>;
  /** Workspace computes, keyed by lower-cased compute id (absent in state files older than them). */
  computes?: Record<string, ArmResource>;
  operations: Record<string, AsyncOperation>;
}
