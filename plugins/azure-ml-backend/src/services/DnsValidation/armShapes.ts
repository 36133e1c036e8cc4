/*
 * The ARM fields DNS validation reads, as the REST specs name them (Azure/azure-rest-api-specs):
 * Microsoft.Network stable/2024-05-01 (privateEndpoint.json, networkInterface.json,
 * privateEndpoint's privateDnsZoneGroups), Microsoft.Network/privateDnsZones stable/2024-06-01,
 * Microsoft.MachineLearningServices stable/2024-04-01 (workspace privateEndpointConnections,
 * registries, computes). Only what the checks need; everything optional, as ARM may omit it.
 */

export const NETWORK_API_VERSION = '2024-05-01';
export const PRIVATE_DNS_API_VERSION = '2024-06-01';
export const ML_API_VERSION = '2024-04-01';

export interface ArmListResult<T> {
  value?: T[];
  nextLink?: string | null;
}

interface ConnectionState {
  status?: string;
}

/** `workspaces/{ws}/privateEndpointConnections` item. */
export interface ArmWorkspaceConnection {
  name?: string;
  properties?: {
    privateEndpoint?: { id?: string };
    privateLinkServiceConnectionState?: ConnectionState;
  };
}

/** The registry, with its connections inside (registries have no child route for them). */
export interface ArmRegistryForDns {
  properties?: {
    registryPrivateEndpointConnections?: Array<{
      id?: string;
      properties?: {
        privateEndpoint?: { id?: string; subnetArmId?: string };
        registryPrivateLinkServiceConnectionState?: ConnectionState;
      };
    }>;
  };
}

export interface ArmPrivateEndpoint {
  id: string;
  name: string;
  properties?: {
    subnet?: { id?: string };
    networkInterfaces?: Array<{ id?: string }>;
    customDnsConfigs?: Array<{ fqdn?: string; ipAddresses?: string[] }>;
    privateLinkServiceConnections?: Array<{
      properties?: {
        groupIds?: string[];
        privateLinkServiceConnectionState?: ConnectionState;
      };
    }>;
    manualPrivateLinkServiceConnections?: Array<{
      properties?: { privateLinkServiceConnectionState?: ConnectionState };
    }>;
  };
}

export interface ArmNetworkInterface {
  properties?: {
    ipConfigurations?: Array<{
      properties?: {
        privateIPAddress?: string;
        privateLinkConnectionProperties?: { fqdns?: string[] };
      };
    }>;
  };
}

export interface ArmPrivateDnsZoneGroup {
  name?: string;
  properties?: {
    privateDnsZoneConfigs?: Array<{
      name?: string;
      properties?: { privateDnsZoneId?: string };
    }>;
  };
}

export interface ArmPrivateDnsZone {
  id: string;
  name: string;
}

export interface ArmARecordSet {
  name: string;
  properties?: {
    fqdn?: string;
    aRecords?: Array<{ ipv4Address?: string }>;
  };
}

export interface ArmVirtualNetworkLink {
  name: string;
  properties?: {
    virtualNetwork?: { id?: string };
    virtualNetworkLinkState?: string;
  };
}

export interface ArmCompute {
  name: string;
  properties?: { computeType?: string };
}
