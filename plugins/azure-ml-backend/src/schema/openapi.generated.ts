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
      "API of the Azure ML plugin: environments, registries, and the model versions and pipeline runs of a catalog entity (named by its `ml.azure.com/*` annotations); governed promotion of a model version from the source environment's registry into the target's. Lists answer `{ items, nextCursor? }`, newest first; pass `nextCursor` back as `cursor` for the next page.",
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
        description:
          'Entity kind, e.g. `component` (letters and digits, starting with a letter).',
        schema: {
          type: 'string',
          pattern: '^[A-Za-z][A-Za-z0-9]{0,62}$',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: 'Entity namespace, e.g. `default`.',
        schema: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description:
          "Entity name (Backstage's naming rules; starts with a letter or digit).",
        schema: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$',
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
      promotionId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of a promotion request.',
        schema: {
          type: 'string',
          pattern: '^[0-9a-f-]{36}$',
        },
      },
      environment: {
        name: 'environment',
        in: 'path',
        required: true,
        description: 'Key of a configured environment, e.g. `dev`.',
        schema: {
          type: 'string',
          pattern: '^[a-z0-9][a-z0-9-]{0,31}$',
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
      EntityRef: {
        type: 'string',
        description:
          'A catalog entity ref `kind:namespace/name`, e.g. `component:default/taxi-fare`.',
        pattern:
          '^[A-Za-z0-9._-]{1,63}:[A-Za-z0-9._-]{1,63}/[A-Za-z0-9._-]{1,253}$',
      },
      ModelName: {
        type: 'string',
        description:
          'An Azure ML model name (letters, digits, `-`, `_`, `.`; starts with a letter or digit).',
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$',
      },
      ModelVersionName: {
        type: 'string',
        description:
          'An Azure ML model version (letters, digits, `-`, `_`, `.`; starts with a letter or digit).',
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
      },
      PolicyRuleResult: {
        type: 'object',
        additionalProperties: false,
        description:
          'One rule of the promotion policy, applied to a candidate.',
        properties: {
          rule: {
            type: 'string',
            description:
              'The rule in words, e.g. `rmse lower than or equal to the champion (tolerance 0)`.',
          },
          kind: {
            type: 'string',
            enum: ['compare', 'threshold', 'tag'],
          },
          metric: {
            type: 'string',
          },
          tag: {
            type: 'string',
          },
          candidate: {
            description:
              "The candidate's value (number for metrics, string for tags), absent when missing.",
            oneOf: [
              {
                type: 'number',
              },
              {
                type: 'string',
              },
            ],
          },
          reference: {
            description:
              "What the candidate is compared with (the champion's value or the threshold).",
            oneOf: [
              {
                type: 'number',
              },
              {
                type: 'string',
              },
            ],
          },
          passed: {
            type: 'boolean',
          },
          reason: {
            type: 'string',
            description: 'Why the rule passed or failed.',
          },
        },
        required: ['rule', 'kind', 'passed', 'reason'],
      },
      PolicyEvaluation: {
        type: 'object',
        additionalProperties: false,
        properties: {
          passed: {
            type: 'boolean',
          },
          model: {
            type: 'string',
          },
          candidateVersion: {
            type: 'string',
          },
          sourceEnvironment: {
            type: 'string',
          },
          targetEnvironment: {
            type: 'string',
          },
          championVersion: {
            type: 'string',
            description: "The target's current champion, when it has one.",
          },
          candidateMetrics: {
            $ref: '#/components/schemas/NumberMap',
          },
          championMetrics: {
            $ref: '#/components/schemas/NumberMap',
          },
          rules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PolicyRuleResult',
            },
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'passed',
          'model',
          'candidateVersion',
          'sourceEnvironment',
          'targetEnvironment',
          'candidateMetrics',
          'rules',
          'evaluatedAt',
        ],
      },
      NumberMap: {
        type: 'object',
        additionalProperties: {
          type: 'number',
        },
      },
      PromotionState: {
        type: 'string',
        enum: [
          'pending_approval',
          'approved',
          'running',
          'succeeded',
          'failed',
          'rejected',
          'cancelled',
        ],
      },
      PromotionKind: {
        type: 'string',
        enum: ['promotion', 'rollback'],
      },
      Promotion: {
        type: 'object',
        additionalProperties: false,
        description:
          'A request to promote a model version (or roll back a champion), and its progress.',
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/PromotionKind',
          },
          entityRef: {
            type: 'string',
          },
          model: {
            type: 'string',
          },
          sourceEnvironment: {
            type: 'string',
          },
          sourceVersion: {
            type: 'string',
          },
          targetEnvironment: {
            type: 'string',
          },
          targetVersion: {
            type: 'string',
          },
          previousChampion: {
            type: 'string',
            description: 'The target champion before this request changed it.',
          },
          state: {
            $ref: '#/components/schemas/PromotionState',
          },
          requestedBy: {
            type: 'string',
          },
          requestComment: {
            type: 'string',
          },
          decidedBy: {
            type: 'string',
          },
          decisionComment: {
            type: 'string',
          },
          evaluation: {
            $ref: '#/components/schemas/PolicyEvaluation',
          },
          attempts: {
            type: 'integer',
          },
          lastError: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          targetStudioUrl: {
            type: 'string',
          },
        },
        required: [
          'id',
          'kind',
          'entityRef',
          'model',
          'sourceEnvironment',
          'sourceVersion',
          'targetEnvironment',
          'targetVersion',
          'state',
          'requestedBy',
          'attempts',
          'createdAt',
          'updatedAt',
        ],
      },
      PromotionSettings: {
        type: 'object',
        additionalProperties: false,
        description:
          "How this portal promotes (`azureMl.promotion`), without the approvers or the policy's internals.",
        properties: {
          sourceEnvironment: {
            type: 'string',
            description: 'Environment versions are promoted from, e.g. `dev`.',
          },
          sourceRegistry: {
            type: 'string',
          },
          targetEnvironment: {
            type: 'string',
            description: 'Environment versions are promoted to, e.g. `prod`.',
          },
          targetRegistry: {
            type: 'string',
          },
          requireApproval: {
            type: 'boolean',
            description: 'Whether a second person must approve each request.',
          },
          aliasTag: {
            type: 'string',
            description:
              'Model container tag that names the champion, e.g. `champion`.',
          },
        },
        required: [
          'sourceEnvironment',
          'sourceRegistry',
          'targetEnvironment',
          'targetRegistry',
          'requireApproval',
          'aliasTag',
        ],
      },
      PromotionInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          model: {
            $ref: '#/components/schemas/ModelName',
          },
          version: {
            $ref: '#/components/schemas/ModelVersionName',
          },
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
        required: ['entityRef', 'model', 'version'],
      },
      RollbackInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          model: {
            $ref: '#/components/schemas/ModelName',
          },
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
        required: ['entityRef', 'model'],
      },
      DecisionInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
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
          entityRef: {
            type: 'string',
            description:
              "The environment's catalog entity, the `azure-ml-environment` Resource that the catalog module (@internal/plugin-catalog-backend-module-azure-ml) emits for this configured environment, e.g. `resource:default/aml-env-dev`.",
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
          'Azure ML job status values (JobStatus of api-version 2024-04-01, which has `Unknown`); a value this version does not know is answered as `Unknown`.',
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
        description:
          "A step of the pipeline as the job defines it (ARM's `jobs` map holds step definitions, not their runs: no status, no times).",
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          displayName: {
            type: 'string',
          },
        },
        required: ['name'],
      },
      PipelineRun: {
        type: 'object',
        description: "A pipeline job in one environment's workspace.",
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
            description:
              "The job's systemData.createdAt (ARM's job schema has no start or end time).",
          },
          createdBy: {
            type: 'string',
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
      RegistryModel: {
        type: 'object',
        description:
          "A model (container) of one environment's registry, with its newest version and its champion, and the catalog `ai-model` Resource the catalog module emits for it.",
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            description: 'Model (container) name, e.g. `taxi-fare-model`.',
          },
          environment: {
            type: 'string',
            description: 'Environment key, e.g. `dev`.',
          },
          registry: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          latestVersion: {
            type: 'string',
            description:
              "The container's `latestVersion` as ARM reports it, when set.",
          },
          champion: {
            type: 'string',
            description:
              'The version named by the champion tag of the container (`azureMl.promotion.aliasTag`, default `champion`), when set.',
          },
          tags: {
            $ref: '#/components/schemas/StringMap',
          },
          entityRef: {
            type: 'string',
            description:
              "Ref of the model's `ai-model` Resource by the catalog module's naming, e.g. `resource:default/taxi-fare-model`.",
          },
          studioUrl: {
            type: 'string',
          },
        },
        required: [
          'name',
          'environment',
          'registry',
          'tags',
          'entityRef',
          'studioUrl',
        ],
      },
      DnsCheck: {
        type: 'string',
        description:
          "What a DNS validation finding is about. Control plane (ARM): `endpoint.*`, `zonegroup.*`, `zone.*`, `record.*`; data plane (resolution from the backend's resolvers): `resolve.*`; `arm.unreadable` when ARM could not be read.",
        enum: [
          'arm.unreadable',
          'endpoint.missing',
          'endpoint.not-approved',
          'endpoint.no-names',
          'zonegroup.missing',
          'zonegroup.not-central',
          'zone.missing',
          'zone.not-linked',
          'zone.shadowed',
          'zone.empty',
          'record.missing',
          'record.wrong-ip',
          'resolve.nxdomain',
          'resolve.public-ip',
          'resolve.wrong-ip',
          'resolve.timeout',
          'resolve.error',
        ],
      },
      DnsFinding: {
        type: 'object',
        description:
          'One thing wrong, with what was expected, what was found, and how to fix it.',
        additionalProperties: false,
        properties: {
          check: {
            $ref: '#/components/schemas/DnsCheck',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning'],
          },
          fqdn: {
            type: 'string',
            description: 'The name checked (a zone name for zone checks).',
          },
          zone: {
            type: 'string',
            description: 'The private DNS zone concerned.',
          },
          expected: {
            type: 'string',
          },
          actual: {
            type: 'string',
          },
          remediation: {
            type: 'string',
            description: 'One sentence that says what to change.',
          },
        },
        required: [
          'check',
          'severity',
          'fqdn',
          'expected',
          'actual',
          'remediation',
        ],
      },
      DnsName: {
        type: 'object',
        description:
          "A name the environment's private endpoints need, and the IP it must resolve to.",
        additionalProperties: false,
        properties: {
          fqdn: {
            type: 'string',
          },
          expectedIp: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
          source: {
            type: 'string',
            enum: ['workspace', 'registry', 'computeInstance'],
          },
          resolvedIps: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              'What the resolvers answered (absent when resolution failed).',
          },
          lookupMs: {
            type: 'number',
          },
        },
        required: ['fqdn', 'expectedIp', 'zone', 'source'],
      },
      DnsMigrationStep: {
        type: 'object',
        description:
          'A row of the central AML DNS migration table, computed from live evidence.',
        additionalProperties: false,
        properties: {
          step: {
            type: 'integer',
            minimum: 1,
            maximum: 4,
          },
          description: {
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['COMPLETE', 'PENDING', 'FAILED'],
          },
          evidence: {
            type: 'string',
          },
        },
        required: ['step', 'description', 'state', 'evidence'],
      },
      DnsValidation: {
        type: 'object',
        description:
          'One DNS validation run of an environment (workspace and registry).',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['passed', 'failed'],
          },
          trigger: {
            type: 'string',
            enum: ['manual', 'scheduled'],
          },
          triggeredBy: {
            type: 'string',
            description: 'User entity ref of a manual run.',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          durationMs: {
            type: 'number',
          },
          armReads: {
            type: 'integer',
            description: 'ARM GET requests the run made.',
          },
          slowestLookupMs: {
            type: 'number',
            description: 'Slowest single name resolution.',
          },
          resolveMs: {
            type: 'number',
            description:
              'Wall time of the resolution phase (every lookup in parallel).',
          },
          resolvers: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'DNS servers used; empty means the system resolver.',
          },
          names: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DnsName',
            },
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DnsFinding',
            },
          },
          migration: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DnsMigrationStep',
            },
          },
        },
        required: [
          'id',
          'environment',
          'status',
          'trigger',
          'startedAt',
          'finishedAt',
          'durationMs',
          'armReads',
          'slowestLookupMs',
          'resolveMs',
          'resolvers',
          'names',
          'findings',
          'migration',
        ],
      },
      DnsValidationHistoryItem: {
        type: 'object',
        description: 'A past run, without its names and findings.',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['passed', 'failed'],
          },
          trigger: {
            type: 'string',
            enum: ['manual', 'scheduled'],
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          findingCount: {
            type: 'integer',
          },
        },
        required: ['id', 'status', 'trigger', 'startedAt', 'findingCount'],
      },
      DnsValidations: {
        type: 'object',
        additionalProperties: false,
        properties: {
          latest: {
            $ref: '#/components/schemas/DnsValidation',
          },
          history: {
            type: 'array',
            description: 'Recent runs, newest first.',
            items: {
              $ref: '#/components/schemas/DnsValidationHistoryItem',
            },
          },
        },
        required: ['history'],
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
              $ref: '#/components/schemas/ModelName',
            },
          },
          {
            name: 'version',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/ModelVersionName',
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
    '/promotion-settings': {
      get: {
        operationId: 'GetPromotionSettings',
        description:
          'Where versions are promoted from and to, and whether approval is required; 404 when promotion is not configured on this portal. Needs a signed-in caller.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PromotionSettings',
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
    '/promotions/evaluate': {
      post: {
        operationId: 'EvaluatePromotion',
        description:
          "Dry run of the promotion policy for a version of one of the entity's models in the source environment, against the target environment's champion. Needs read access to the entity.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PromotionInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PolicyEvaluation',
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
    '/promotions': {
      post: {
        operationId: 'CreatePromotion',
        description:
          'Requests the promotion of a version (permission `azure-ml.model.promote` on the entity). The policy must pass (400 naming the failed rules otherwise). Answers 201 with the new request, or 200 with the active request for the same model, version and target.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PromotionInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The active request for the same model, version and target.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
                },
              },
            },
          },
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      get: {
        operationId: 'ListPromotions',
        description:
          'Promotion and rollback requests, newest first (entities the caller may read).',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'state',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/PromotionState',
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
                        $ref: '#/components/schemas/Promotion',
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
    '/promotions/{id}': {
      get: {
        operationId: 'GetPromotion',
        parameters: [
          {
            $ref: '#/components/parameters/promotionId',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
    '/promotions/{id}/approve': {
      post: {
        operationId: 'ApprovePromotion',
        description:
          'Approves a pending request (permission `azure-ml.promotion.approve` on the entity; the requester may not approve their own request). The backend then carries it out.',
        parameters: [
          {
            $ref: '#/components/parameters/promotionId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DecisionInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
    '/promotions/{id}/reject': {
      post: {
        operationId: 'RejectPromotion',
        description:
          'Rejects a pending request (same permission and rule as approve).',
        parameters: [
          {
            $ref: '#/components/parameters/promotionId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DecisionInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
    '/rollbacks': {
      post: {
        operationId: 'CreateRollback',
        description:
          "Moves the target environment's champion of a model back to the champion before the promotion that made the current one (permission `azure-ml.promotion.rollback` on the entity). Carried out like a promotion (audited, exactly once, retried), without approval. 409 when no promotion recorded an earlier champion.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RollbackInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The active rollback of the same model and champion.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
                },
              },
            },
          },
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
    '/environments/{environment}/models': {
      get: {
        operationId: 'ListEnvironmentModels',
        description:
          "The models (containers, ARM's active view) of the environment's registry, by name, each with its newest version and champion. Authorized with `azure-ml.entity.read` on the registry's catalog Resource (`resource:default/aml-registry-<environment>`).",
        parameters: [
          {
            $ref: '#/components/parameters/environment',
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
                        $ref: '#/components/schemas/RegistryModel',
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
    '/environments/{environment}/runs': {
      get: {
        operationId: 'ListEnvironmentPipelineRuns',
        description:
          "The pipeline jobs of the environment's workspace across all experiments, newest first (`experiment` and `status` narrow them). Authorized with `azure-ml.entity.read` on the workspace's catalog Resource (`resource:default/aml-workspace-<environment>`).",
        parameters: [
          {
            $ref: '#/components/parameters/environment',
          },
          {
            name: 'experiment',
            in: 'query',
            required: false,
            description:
              'Only runs of this experiment, e.g. `taxi-fare-train`.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
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
    '/environments/{environment}/dns-validations': {
      get: {
        operationId: 'ListDnsValidations',
        description:
          "The environment's latest DNS validation (names, findings with remediation, migration table) and the pass/fail history of recent runs. Needs a signed-in caller.",
        parameters: [
          {
            $ref: '#/components/parameters/environment',
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
                  $ref: '#/components/schemas/DnsValidations',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'RunDnsValidation',
        description:
          "Validates the environment's private DNS now (permission `azure-ml.dns.validate`): reads the private endpoints and zones from ARM, resolves every name, stores and answers the run.",
        parameters: [
          {
            $ref: '#/components/parameters/environment',
          },
        ],
        responses: {
          '201': {
            description: 'The run.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DnsValidation',
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
