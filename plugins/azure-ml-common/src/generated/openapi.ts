// This file is generated from plugins/azure-ml-backend/src/schema/openapi.yaml by
// plugins/azure-ml-backend/scripts/openapi.js. Do not edit: edit the YAML and run
// `yarn workspace @internal/plugin-azure-ml-backend openapi:generate`.
/* eslint-disable */

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Liveness of the plugin (no authentication, no Azure call). */
    get: operations['GetHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The configured environments, with workspace details read from ARM. */
    get: operations['ListEnvironments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/registries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The registry of every configured environment. */
    get: operations['ListRegistries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Versions of the entity's models (`ml.azure.com/models`) in the registries of its environments, newest first. `environment` narrows to one environment. */
    get: operations['ListEntityModelVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/models/{model}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description One version of one of the entity's models in one environment. */
    get: operations['GetEntityModelVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Pipeline jobs of the entity's experiment (`ml.azure.com/experiment`) in the workspaces of its environments, newest first. */
    get: operations['ListEntityPipelineRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      request?: {
        method?: string;
        url?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    StringMap: {
      [key: string]: string;
    };
    /** @description A configured Azure ML environment (e.g. dev, prod) - one workspace and one registry. */
    Environment: {
      /** @description Key in `azureMl.environments`, e.g. `dev`. */
      name: string;
      subscriptionId: string;
      resourceGroup: string;
      workspace: string;
      registry: string;
      location: string;
      /**
       * @description From the workspace's `publicNetworkAccess` and private endpoints; absent when unknown.
       * @enum {string}
       */
      networkMode?: 'private' | 'public' | 'mixed';
      /** @description Workspace GUID (`properties.workspaceId`); absent when the workspace could not be read. */
      workspaceId?: string;
      /** @description Managed VNet isolation mode of the workspace, e.g. `AllowOnlyApprovedOutbound`. */
      managedNetworkIsolation?: string;
      /** @description Deep link to the workspace in Azure ML studio. */
      studioUrl: string;
    };
    /** @description Private endpoint connection of a workspace or registry. */
    PrivateEndpointState: {
      name: string;
      /** @description `Approved`, `Pending`, `Rejected` or `Disconnected`. */
      status: string;
      privateEndpointId?: string;
    };
    /** @description The Azure ML registry of one environment. */
    Registry: {
      name: string;
      environment: string;
      location: string;
      /** @description Regions the registry replicates to (`regionDetails[].location`). */
      regions: string[];
      /** @description `Enabled` or `Disabled`. */
      publicNetworkAccess: string;
      privateEndpoints: components['schemas']['PrivateEndpointState'][];
      discoveryUrl?: string;
      mlFlowRegistryUri?: string;
      studioUrl: string;
    };
    /** @description One version of a model in one environment's registry. */
    ModelVersion: {
      /** @description Model (container) name, e.g. `taxi-fare-model`. */
      name: string;
      /** @description Version string, e.g. `7`. Case-sensitive. */
      version: string;
      /** @description Environment key, e.g. `dev`. */
      environment: string;
      registry: string;
      /** Format: date-time */
      createdAt?: string;
      createdBy?: string;
      description?: string;
      tags: components['schemas']['StringMap'];
      /** @description Numeric `metric.<name>` properties; non-numeric values are left out. */
      metrics: {
        [key: string]: number;
      };
      /** @description Aliases from the model container's tags, e.g. `champion`. */
      aliases: string[];
      /** @description Free-text `properties.stage` of Azure ML */
      stage?: string;
      /** @description Name of the job that produced the version (lineage) */
      jobName?: string;
      jobStudioUrl?: string;
      studioUrl: string;
    };
    /**
     * @description Official Azure ML job status values, plus `Unknown` for values this version does not know.
     * @enum {string}
     */
    RunStatus:
      | 'NotStarted'
      | 'Starting'
      | 'Provisioning'
      | 'Preparing'
      | 'Queued'
      | 'Running'
      | 'Finalizing'
      | 'CancelRequested'
      | 'Completed'
      | 'Failed'
      | 'Canceled'
      | 'NotResponding'
      | 'Paused'
      | 'Unknown';
    PipelineRunStep: {
      name: string;
      displayName?: string;
      status: components['schemas']['RunStatus'];
    };
    /** @description A pipeline job of the entity's experiment in one environment's workspace. */
    PipelineRun: {
      /** @description Job name (its id within the workspace). */
      id: string;
      displayName?: string;
      status: components['schemas']['RunStatus'];
      experiment: string;
      environment: string;
      /** Format: date-time */
      createdAt?: string;
      createdBy?: string;
      /** @description Milliseconds */
      durationMs?: number;
      steps: components['schemas']['PipelineRunStep'][];
      studioUrl: string;
    };
  };
  responses: {
    /** @description An error (Backstage error body). */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description Entity kind, e.g. `component`. */
    kind: string;
    /** @description Entity namespace, e.g. `default`. */
    namespace: string;
    /** @description Entity name. */
    name: string;
    /** @description Opaque `nextCursor` of the previous page of the same query. */
    cursor: string;
    /** @description Page size, 1 to 100 (default 20). */
    limit: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: string;
          };
        };
      };
    };
  };
  ListEnvironments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Environment'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListRegistries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Registry'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListEntityModelVersions: {
    parameters: {
      query?: {
        /** @description One of the entity's environments, e.g. `dev`. */
        environment?: string;
        /** @description Opaque `nextCursor` of the previous page of the same query. */
        cursor?: components['parameters']['cursor'];
        /** @description Page size, 1 to 100 (default 20). */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        /** @description Entity kind, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** @description Entity namespace, e.g. `default`. */
        namespace: components['parameters']['namespace'];
        /** @description Entity name. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ModelVersion'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetEntityModelVersion: {
    parameters: {
      query: {
        /** @description One of the entity's environments, e.g. `dev`. */
        environment: string;
      };
      header?: never;
      path: {
        /** @description Entity kind, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** @description Entity namespace, e.g. `default`. */
        namespace: components['parameters']['namespace'];
        /** @description Entity name. */
        name: components['parameters']['name'];
        model: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelVersion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListEntityPipelineRuns: {
    parameters: {
      query?: {
        /** @description One of the entity's environments, e.g. `dev`. */
        environment?: string;
        status?: components['schemas']['RunStatus'];
        /** @description Opaque `nextCursor` of the previous page of the same query. */
        cursor?: components['parameters']['cursor'];
        /** @description Page size, 1 to 100 (default 20). */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        /** @description Entity kind, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** @description Entity namespace, e.g. `default`. */
        namespace: components['parameters']['namespace'];
        /** @description Entity name. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PipelineRun'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
}
type FlattenedDeepRequired<T> = {
  [K in keyof T]-?: FlattenedDeepRequired<
    T[K] extends unknown[] | undefined | null
      ? Extract<T[K], unknown[]>[number]
      : T[K]
  >;
};
type ReadonlyArray<T> = [Exclude<T, undefined>] extends [unknown[]]
  ? Readonly<Exclude<T, undefined>>
  : Readonly<Exclude<T, undefined>[]>;
export const environmentNetworkModeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Environment']['networkMode']
> = ['private', 'public', 'mixed'];
export const runStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['RunStatus']
> = [
  'NotStarted',
  'Starting',
  'Provisioning',
  'Preparing',
  'Queued',
  'Running',
  'Finalizing',
  'CancelRequested',
  'Completed',
  'Failed',
  'Canceled',
  'NotResponding',
  'Paused',
  'Unknown',
];
