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
  '/promotion-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Where versions are promoted from and to, and whether approval is required; 404 when promotion is not configured on this portal. Needs a signed-in caller. */
    get: operations['GetPromotionSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/promotions/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Dry run of the promotion policy for a version of one of the entity's models in the source environment, against the target environment's champion. Needs read access to the entity. */
    post: operations['EvaluatePromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Promotion and rollback requests, newest first (entities the caller may read). */
    get: operations['ListPromotions'];
    put?: never;
    /** @description Requests the promotion of a version (permission `azure-ml.model.promote` on the entity). The policy must pass (400 naming the failed rules otherwise). Answers 201 with the new request, or 200 with the active request for the same model, version and target. */
    post: operations['CreatePromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/promotions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['GetPromotion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/promotions/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Approves a pending request (permission `azure-ml.promotion.approve` on the entity; the requester may not approve their own request). The backend then carries it out. */
    post: operations['ApprovePromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/promotions/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Rejects a pending request (same permission and rule as approve). */
    post: operations['RejectPromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rollbacks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Moves the target environment's champion of a model back to the champion before the promotion that made the current one (permission `azure-ml.promotion.rollback` on the entity). Carried out like a promotion (audited, exactly once, retried), without approval. 409 when no promotion recorded an earlier champion. */
    post: operations['CreateRollback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{environment}/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The models (containers, ARM's active view) of the environment's registry, by name, each with its newest version and champion. Authorized with `azure-ml.entity.read` on the registry's catalog Resource (`resource:default/aml-registry-<environment>`). */
    get: operations['ListEnvironmentModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{environment}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The pipeline jobs of the environment's workspace across all experiments, newest first (`experiment` and `status` narrow them). Authorized with `azure-ml.entity.read` on the workspace's catalog Resource (`resource:default/aml-workspace-<environment>`). */
    get: operations['ListEnvironmentPipelineRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{environment}/dns-validations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The environment's latest DNS validation (names, findings with remediation, migration table) and the pass/fail history of recent runs. Needs a signed-in caller. */
    get: operations['ListDnsValidations'];
    put?: never;
    /** @description Validates the environment's private DNS now (permission `azure-ml.dns.validate`): reads the private endpoints and zones from ARM, resolves every name, stores and answers the run. */
    post: operations['RunDnsValidation'];
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
    /** @description A catalog entity ref `kind:namespace/name`, e.g. `component:default/taxi-fare`. */
    EntityRef: string;
    /** @description An Azure ML model name (letters, digits, `-`, `_`, `.`; starts with a letter or digit). */
    ModelName: string;
    /** @description An Azure ML model version (letters, digits, `-`, `_`, `.`; starts with a letter or digit). */
    ModelVersionName: string;
    /** @description One rule of the promotion policy, applied to a candidate. */
    PolicyRuleResult: {
      /** @description The rule in words, e.g. `rmse lower than or equal to the champion (tolerance 0)`. */
      rule: string;
      /** @enum {string} */
      kind: 'compare' | 'threshold' | 'tag';
      metric?: string;
      tag?: string;
      /** @description The candidate's value (number for metrics, string for tags), absent when missing. */
      candidate?: number | string;
      /** @description What the candidate is compared with (the champion's value or the threshold). */
      reference?: number | string;
      passed: boolean;
      /** @description Why the rule passed or failed. */
      reason: string;
    };
    PolicyEvaluation: {
      passed: boolean;
      model: string;
      candidateVersion: string;
      sourceEnvironment: string;
      targetEnvironment: string;
      /** @description The target's current champion, when it has one. */
      championVersion?: string;
      candidateMetrics: components['schemas']['NumberMap'];
      championMetrics?: components['schemas']['NumberMap'];
      rules: components['schemas']['PolicyRuleResult'][];
      /** Format: date-time */
      evaluatedAt: string;
    };
    NumberMap: {
      [key: string]: number;
    };
    /** @enum {string} */
    PromotionState:
      | 'pending_approval'
      | 'approved'
      | 'running'
      | 'succeeded'
      | 'failed'
      | 'rejected'
      | 'cancelled';
    /** @enum {string} */
    PromotionKind: 'promotion' | 'rollback';
    /** @description A request to promote a model version (or roll back a champion), and its progress. */
    Promotion: {
      id: string;
      kind: components['schemas']['PromotionKind'];
      entityRef: string;
      model: string;
      sourceEnvironment: string;
      sourceVersion: string;
      targetEnvironment: string;
      targetVersion: string;
      /** @description The target champion before this request changed it. */
      previousChampion?: string;
      state: components['schemas']['PromotionState'];
      requestedBy: string;
      requestComment?: string;
      decidedBy?: string;
      decisionComment?: string;
      evaluation?: components['schemas']['PolicyEvaluation'];
      attempts: number;
      lastError?: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      targetStudioUrl?: string;
    };
    /** @description How this portal promotes (`azureMl.promotion`), without the approvers or the policy's internals. */
    PromotionSettings: {
      /** @description Environment versions are promoted from, e.g. `dev`. */
      sourceEnvironment: string;
      sourceRegistry: string;
      /** @description Environment versions are promoted to, e.g. `prod`. */
      targetEnvironment: string;
      targetRegistry: string;
      /** @description Whether a second person must approve each request. */
      requireApproval: boolean;
      /** @description Model container tag that names the champion, e.g. `champion`. */
      aliasTag: string;
    };
    PromotionInput: {
      entityRef: components['schemas']['EntityRef'];
      model: components['schemas']['ModelName'];
      version: components['schemas']['ModelVersionName'];
      comment?: string;
    };
    RollbackInput: {
      entityRef: components['schemas']['EntityRef'];
      model: components['schemas']['ModelName'];
      comment?: string;
    };
    DecisionInput: {
      comment?: string;
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
      /** @description The environment's catalog entity, the `azure-ml-environment` Resource that the catalog module (@internal/plugin-catalog-backend-module-azure-ml) emits for this configured environment, e.g. `resource:default/aml-env-dev`. */
      entityRef?: string;
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
     * @description Azure ML job status values (JobStatus of api-version 2024-04-01, which has `Unknown`); a value this version does not know is answered as `Unknown`.
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
    /** @description A step of the pipeline as the job defines it (ARM's `jobs` map holds step definitions, not their runs: no status, no times). */
    PipelineRunStep: {
      name: string;
      displayName?: string;
    };
    /** @description A pipeline job in one environment's workspace. */
    PipelineRun: {
      /** @description Job name (its id within the workspace). */
      id: string;
      displayName?: string;
      status: components['schemas']['RunStatus'];
      experiment: string;
      environment: string;
      /**
       * Format: date-time
       * @description The job's systemData.createdAt (ARM's job schema has no start or end time).
       */
      createdAt?: string;
      createdBy?: string;
      steps: components['schemas']['PipelineRunStep'][];
      studioUrl: string;
    };
    /** @description A model (container) of one environment's registry, with its newest version and its champion, and the catalog `ai-model` Resource the catalog module emits for it. */
    RegistryModel: {
      /** @description Model (container) name, e.g. `taxi-fare-model`. */
      name: string;
      /** @description Environment key, e.g. `dev`. */
      environment: string;
      registry: string;
      description?: string;
      /** @description The container's `latestVersion` as ARM reports it, when set. */
      latestVersion?: string;
      /** @description The version named by the champion tag of the container (`azureMl.promotion.aliasTag`, default `champion`), when set. */
      champion?: string;
      tags: components['schemas']['StringMap'];
      /** @description Ref of the model's `ai-model` Resource by the catalog module's naming, e.g. `resource:default/taxi-fare-model`. */
      entityRef: string;
      studioUrl: string;
    };
    /**
     * @description What a DNS validation finding is about. Control plane (ARM): `endpoint.*`, `zonegroup.*`, `zone.*`, `record.*`; data plane (resolution from the backend's resolvers): `resolve.*`; `arm.unreadable` when ARM could not be read.
     * @enum {string}
     */
    DnsCheck:
      | 'arm.unreadable'
      | 'endpoint.missing'
      | 'endpoint.not-approved'
      | 'endpoint.no-names'
      | 'zonegroup.missing'
      | 'zonegroup.not-central'
      | 'zone.missing'
      | 'zone.not-linked'
      | 'zone.shadowed'
      | 'zone.empty'
      | 'record.missing'
      | 'record.wrong-ip'
      | 'resolve.nxdomain'
      | 'resolve.public-ip'
      | 'resolve.wrong-ip'
      | 'resolve.timeout'
      | 'resolve.error';
    /** @description One thing wrong, with what was expected, what was found, and how to fix it. */
    DnsFinding: {
      check: components['schemas']['DnsCheck'];
      /** @enum {string} */
      severity: 'error' | 'warning';
      /** @description The name checked (a zone name for zone checks). */
      fqdn: string;
      /** @description The private DNS zone concerned. */
      zone?: string;
      expected: string;
      actual: string;
      /** @description One sentence that says what to change. */
      remediation: string;
    };
    /** @description A name the environment's private endpoints need, and the IP it must resolve to. */
    DnsName: {
      fqdn: string;
      expectedIp: string;
      zone: string;
      /** @enum {string} */
      source: 'workspace' | 'registry' | 'computeInstance';
      /** @description What the resolvers answered (absent when resolution failed). */
      resolvedIps?: string[];
      lookupMs?: number;
    };
    /** @description A row of the central AML DNS migration table, computed from live evidence. */
    DnsMigrationStep: {
      step: number;
      description: string;
      /** @enum {string} */
      state: 'COMPLETE' | 'PENDING' | 'FAILED';
      evidence: string;
    };
    /** @description One DNS validation run of an environment (workspace and registry). */
    DnsValidation: {
      id: string;
      environment: string;
      /** @enum {string} */
      status: 'passed' | 'failed';
      /** @enum {string} */
      trigger: 'manual' | 'scheduled';
      /** @description User entity ref of a manual run. */
      triggeredBy?: string;
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      finishedAt: string;
      durationMs: number;
      /** @description ARM GET requests the run made. */
      armReads: number;
      /** @description Slowest single name resolution. */
      slowestLookupMs: number;
      /** @description Wall time of the resolution phase (every lookup in parallel). */
      resolveMs: number;
      /** @description DNS servers used; empty means the system resolver. */
      resolvers: string[];
      names: components['schemas']['DnsName'][];
      findings: components['schemas']['DnsFinding'][];
      migration: components['schemas']['DnsMigrationStep'][];
    };
    /** @description A past run, without its names and findings. */
    DnsValidationHistoryItem: {
      id: string;
      /** @enum {string} */
      status: 'passed' | 'failed';
      /** @enum {string} */
      trigger: 'manual' | 'scheduled';
      /** Format: date-time */
      startedAt: string;
      findingCount: number;
    };
    DnsValidations: {
      latest?: components['schemas']['DnsValidation'];
      /** @description Recent runs, newest first. */
      history: components['schemas']['DnsValidationHistoryItem'][];
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
    /** @description Entity kind, e.g. `component` (letters and digits, starting with a letter). */
    kind: string;
    /** @description Entity namespace, e.g. `default`. */
    namespace: string;
    /** @description Entity name (Backstage's naming rules; starts with a letter or digit). */
    name: string;
    /** @description Opaque `nextCursor` of the previous page of the same query. */
    cursor: string;
    /** @description Page size, 1 to 100 (default 20). */
    limit: string;
    /** @description Id of a promotion request. */
    promotionId: string;
    /** @description Key of a configured environment, e.g. `dev`. */
    environment: string;
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
        /** @description Entity kind, e.g. `component` (letters and digits, starting with a letter). */
        kind: components['parameters']['kind'];
        /** @description Entity namespace, e.g. `default`. */
        namespace: components['parameters']['namespace'];
        /** @description Entity name (Backstage's naming rules; starts with a letter or digit). */
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
        /** @description Entity kind, e.g. `component` (letters and digits, starting with a letter). */
        kind: components['parameters']['kind'];
        /** @description Entity namespace, e.g. `default`. */
        namespace: components['parameters']['namespace'];
        /** @description Entity name (Backstage's naming rules; starts with a letter or digit). */
        name: components['parameters']['name'];
        model: components['schemas']['ModelName'];
        version: components['schemas']['ModelVersionName'];
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
        /** @description Entity kind, e.g. `component` (letters and digits, starting with a letter). */
        kind: components['parameters']['kind'];
        /** @description Entity namespace, e.g. `default`. */
        namespace: components['parameters']['namespace'];
        /** @description Entity name (Backstage's naming rules; starts with a letter or digit). */
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
  GetPromotionSettings: {
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
          'application/json': components['schemas']['PromotionSettings'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  EvaluatePromotion: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PromotionInput'];
      };
    };
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyEvaluation'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListPromotions: {
    parameters: {
      query?: {
        entityRef?: components['schemas']['EntityRef'];
        state?: components['schemas']['PromotionState'];
        /** @description Opaque `nextCursor` of the previous page of the same query. */
        cursor?: components['parameters']['cursor'];
        /** @description Page size, 1 to 100 (default 20). */
        limit?: components['parameters']['limit'];
      };
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
            items: components['schemas']['Promotion'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  CreatePromotion: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PromotionInput'];
      };
    };
    responses: {
      /** @description The active request for the same model, version and target. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Promotion'];
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Promotion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a promotion request. */
        id: components['parameters']['promotionId'];
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
          'application/json': components['schemas']['Promotion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ApprovePromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a promotion request. */
        id: components['parameters']['promotionId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DecisionInput'];
      };
    };
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Promotion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  RejectPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a promotion request. */
        id: components['parameters']['promotionId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DecisionInput'];
      };
    };
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Promotion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  CreateRollback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RollbackInput'];
      };
    };
    responses: {
      /** @description The active rollback of the same model and champion. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Promotion'];
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Promotion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListEnvironmentModels: {
    parameters: {
      query?: {
        /** @description Opaque `nextCursor` of the previous page of the same query. */
        cursor?: components['parameters']['cursor'];
        /** @description Page size, 1 to 100 (default 20). */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        /** @description Key of a configured environment, e.g. `dev`. */
        environment: components['parameters']['environment'];
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
            items: components['schemas']['RegistryModel'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListEnvironmentPipelineRuns: {
    parameters: {
      query?: {
        /** @description Only runs of this experiment, e.g. `taxi-fare-train`. */
        experiment?: string;
        status?: components['schemas']['RunStatus'];
        /** @description Opaque `nextCursor` of the previous page of the same query. */
        cursor?: components['parameters']['cursor'];
        /** @description Page size, 1 to 100 (default 20). */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        /** @description Key of a configured environment, e.g. `dev`. */
        environment: components['parameters']['environment'];
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
  ListDnsValidations: {
    parameters: {
      query?: {
        /** @description Page size, 1 to 100 (default 20). */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        /** @description Key of a configured environment, e.g. `dev`. */
        environment: components['parameters']['environment'];
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
          'application/json': components['schemas']['DnsValidations'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  RunDnsValidation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Key of a configured environment, e.g. `dev`. */
        environment: components['parameters']['environment'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The run. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DnsValidation'];
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
export const policyRuleResultKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PolicyRuleResult']['kind']
> = ['compare', 'threshold', 'tag'];
export const promotionStateValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PromotionState']
> = [
  'pending_approval',
  'approved',
  'running',
  'succeeded',
  'failed',
  'rejected',
  'cancelled',
];
export const promotionKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PromotionKind']
> = ['promotion', 'rollback'];
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
export const dnsCheckValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsCheck']
> = [
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
];
export const dnsFindingSeverityValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsFinding']['severity']
> = ['error', 'warning'];
export const dnsNameSourceValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsName']['source']
> = ['workspace', 'registry', 'computeInstance'];
export const dnsMigrationStepStateValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsMigrationStep']['state']
> = ['COMPLETE', 'PENDING', 'FAILED'];
export const dnsValidationStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsValidation']['status']
> = ['passed', 'failed'];
export const dnsValidationTriggerValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsValidation']['trigger']
> = ['manual', 'scheduled'];
export const dnsValidationHistoryItemStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsValidationHistoryItem']['status']
> = ['passed', 'failed'];
export const dnsValidationHistoryItemTriggerValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DnsValidationHistoryItem']['trigger']
> = ['manual', 'scheduled'];
