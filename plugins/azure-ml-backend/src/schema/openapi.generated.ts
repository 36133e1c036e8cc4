// This file is generated from plugins/azure-ml-backend/src/schema/openapi.yaml by
// plugins/azure-ml-backend/scripts/openapi.js. Do not edit: edit the YAML and run
// `yarn workspace @internal/plugin-azure-ml-backend openapi:generate`.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'azure-ml',
    version: '1',
    description:
      'Read API of the Azure ML plugin: environments, registries, and the model versions and pipeline runs of a catalog entity (named by its `ml.azure.com/*` annotations). Lists answer `{ items, nextCursor? }`, newest first; pass `nextCursor` back as `cursor` for the next page.',
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description: 'Entity kind, e.g. `component`.',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: 'Entity namespace, e.g. `default`.',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description: 'Entity name.',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        description:
          'Opaque `nextCursor` of the previous page of the same query.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 8192,
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size, 1 to 100 (default 20).',
        schema: {
          type: 'string',
          pattern: '^(100|[1-9][0-9]?)$',
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error (Backstage error body).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
        required: ['error'],
      },
      StringMap: {
        type: 'object',
        additionalProperties: {
          type: 'string',
        },
      },
      Environment: {
        type: 'object',
        description:
          'A configured Azure ML environment (e.g. dev, prod) - one workspace and one registry.',
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            description: 'Key in `azureMl.environments`, e.g. `dev`.',
          },
          subscriptionId: {
            type: 'string',
          },
          resourceGroup: {
            type: 'string',
          },
          workspace: {
            type: 'string',
          },
          registry: {
            type: 'string',
          },
          location: {
            type: 'string',
          },
          networkMode: {
            type: 'string',
            enum: ['private', 'public', 'mixed'],
            description:
              "From the workspace's `publicNetworkAccess` and private endpoints; absent when unknown.",
          },
          workspaceId: {
            type: 'string',
            description:
              'Workspace GUID (`properties.workspaceId`); absent when the workspace could not be read.',
          },
          managedNetworkIsolation: {
            type: 'string',
            description:
              'Managed VNet isolation mode of the workspace, e.g. `AllowOnlyApprovedOutbound`.',
          },
          studioUrl: {
            type: 'string',
            description: 'Deep link to the workspace in Azure ML studio.',
          },
        },
        required: [
          'name',
          'subscriptionId',
          'resourceGroup',
          'workspace',
          'registry',
          'location',
          'studioUrl',
        ],
      },
      PrivateEndpointState: {
        type: 'object',
        description: 'Private endpoint connection of a workspace or registry.',
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          status: {
            type: 'string',
            description: '`Approved`, `Pending`, `Rejected` or `Disconnected`.',
          },
          privateEndpointId: {
            type: 'string',
          },
        },
        required: ['name', 'status'],
      },
      Registry: {
        type: 'object',
        description: 'The Azure ML registry of one environment.',
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          location: {
            type: 'string',
          },
          regions: {
            type: 'array',
            description:
              'Regions the registry replicates to (`regionDetails[].location`).',
            items: {
              type: 'string',
            },
          },
          publicNetworkAccess: {
            type: 'string',
            description: '`Enabled` or `Disabled`.',
          },
          privateEndpoints: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PrivateEndpointState',
            },
          },
          discoveryUrl: {
            type: 'string',
          },
          mlFlowRegistryUri: {
            type: 'string',
          },
          studioUrl: {
            type: 'string',
          },
        },
        required: [
          'name',
          'environment',
          'location',
          'regions',
          'publicNetworkAccess',
          'privateEndpoints',
          'studioUrl',
        ],
      },
      ModelVersion: {
        type: 'object',
        description: "One version of a model in one environment's registry.",
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            description: 'Model (container) name, e.g. `taxi-fare-model`.',
          },
          version: {
            type: 'string',
            description: 'Version string, e.g. `7`. Case-sensitive.',
          },
          environment: {
            type: 'string',
            description: 'Environment key, e.g. `dev`.',
          },
          registry: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          tags: {
            $ref: '#/components/schemas/StringMap',
          },
          metrics: {
            type: 'object',
            description:
              'Numeric `metric.<name>` properties; non-numeric values are left out.',
            additionalProperties: {
              type: 'number',
            },
          },
          aliases: {
            type: 'array',
            description:
              "Aliases from the model container's tags, e.g. `champion`.",
            items: {
              type: 'string',
            },
          },
          stage: {
            type: 'string',
            description: 'Free-text `properties.stage` of Azure ML',
            'when set.': null,
          },
          jobName: {
            type: 'string',
            description: 'Name of the job that produced the version (lineage)',
            'when known.': null,
          },
          jobStudioUrl: {
            type: 'string',
          },
          studioUrl: {
            type: 'string',
          },
        },
        required: [
          'name',
          'version',
          'environment',
          'registry',
          'tags',
          'metrics',
          'aliases',
          'studioUrl',
        ],
      },
      RunStatus: {
        type: 'string',
        description:
          'Official Azure ML job status values, plus `Unknown` for values this version does not know.',
        enum: [
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
        ],
      },
      PipelineRunStep: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          displayName: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/RunStatus',
          },
        },
        required: ['name', 'status'],
      },
      PipelineRun: {
        type: 'object',
        description:
          "A pipeline job of the entity's experiment in one environment's workspace.",
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
            description: 'Job name (its id within the workspace).',
          },
          displayName: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/RunStatus',
          },
          experiment: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          durationMs: {
            type: 'number',
            description: 'Milliseconds',
            'when known.': null,
          },
          steps: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PipelineRunStep',
            },
          },
          studioUrl: {
            type: 'string',
          },
        },
        required: [
          'id',
          'status',
          'experiment',
          'environment',
          'steps',
          'studioUrl',
        ],
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        description:
          'Liveness of the plugin (no authentication, no Azure call).',
        security: [],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    status: {
                      type: 'string',
                    },
                  },
                  required: ['status'],
                },
              },
            },
          },
        },
      },
    },
    '/environments': {
      get: {
        operationId: 'ListEnvironments',
        description:
          'The configured environments, with workspace details read from ARM.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Environment',
                      },
                    },
                  },
                  required: ['items'],
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/registries': {
      get: {
        operationId: 'ListRegistries',
        description: 'The registry of every configured environment.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Registry',
                      },
                    },
                  },
                  required: ['items'],
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/models': {
      get: {
        operationId: 'ListEntityModelVersions',
        description:
          "Versions of the entity's models (`ml.azure.com/models`) in the registries of its environments, newest first. `environment` narrows to one environment.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'environment',
            in: 'query',
            required: false,
            description: "One of the entity's environments, e.g. `dev`.",
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ModelVersion',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                  required: ['items'],
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/models/{model}/versions/{version}': {
      get: {
        operationId: 'GetEntityModelVersion',
        description:
          "One version of one of the entity's models in one environment.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'model',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'version',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'environment',
            in: 'query',
            required: true,
            description: "One of the entity's environments, e.g. `dev`.",
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelVersion',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/runs': {
      get: {
        operationId: 'ListEntityPipelineRuns',
        description:
          "Pipeline jobs of the entity's experiment (`ml.azure.com/experiment`) in the workspaces of its environments, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'environment',
            in: 'query',
            required: false,
            description: "One of the entity's environments, e.g. `dev`.",
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/RunStatus',
            },
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/PipelineRun',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                  required: ['items'],
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
