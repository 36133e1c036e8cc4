export interface Config {
  /**
   * Azure ML platform configuration for the azure-ml backend plugin.
   * Which subscriptions, resource groups, workspaces and registries exist is platform
   * configuration: catalog entities only name models and experiments.
   * The backend refuses to start when this section is invalid, naming the offending key.
   */
  azureMl?: {
    /** How the backend reaches Azure Resource Manager. */
    arm?: {
      /**
       * ARM endpoint. Default `https://management.azure.com`; the local emulator in the
       * embedded defaults (`http://localhost:7071`).
       */
      endpoint?: string;
      /**
       * `default` uses DefaultAzureCredential from @azure/identity (production);
       * `none` sends no token (only for the local emulator).
       */
      credential?: 'default' | 'none';
      /**
       * Retries of a failed ARM call (5xx, network errors, and 429 after waiting for its
       * `Retry-After`). Default 3.
       */
      maxRetries?: number;
      /** Base delay of the exponential back-off between retries, in ms. Default 800. */
      retryDelayMs?: number;
      /**
       * How long one attempt of an ARM call may wait for an answer, in ms, before it is
       * abandoned and retried like a network error. Default 10000.
       */
      attemptTimeoutMs?: number;
      /**
       * How long one ARM call may take in all, in ms: attempts, back-off and `Retry-After`
       * waits included. Past it the call stops and the API answers 504 Gateway Timeout, so a
       * stalled ARM never holds a page view longer than this. Default 30000.
       */
      deadlineMs?: number;
      /**
       * Polling interval of long-running ARM writes (promotion), in ms, when ARM sends no
       * `Retry-After` (which wins when present). Default 1000.
       */
      pollIntervalMs?: number;
      /**
       * Client-side ARM read budget, a token bucket per subscription. Reads over budget wait
       * in a queue; they are never failed. Azure's own limit is 250 burst / 25 per second per
       * subscription and principal; staying under it avoids 429s.
       */
      readBudget?: {
        /** Sustained reads per second. Default 20. */
        perSecond?: number;
        /** Reads that may be made at once after a quiet period. Default 20. */
        burst?: number;
      };
    };
    /**
     * Caching of ARM answers in the Backstage cache service (`backend.cache`; memory by
     * default, Redis/Valkey/Memcache when configured).
     */
    cache?: {
      /** Set to false to read ARM on every request (benchmarks, debugging). Default true. */
      enabled?: boolean;
      /**
       * Coalesce concurrent identical reads into one ARM call (single-flight). Default true;
       * false only to measure what it saves (see bench/).
       */
      singleFlight?: boolean;
      /** How long each kind of data is kept, in seconds; 0 disables caching of that kind. */
      ttlSeconds?: {
        /** Pages of registry model versions and single versions. Default 60. */
        modelVersions?: number;
        /** Model containers (the `champion` alias tag). Default 60. */
        modelContainers?: number;
        /** Pages of pipeline jobs. Default 30. */
        jobs?: number;
        /** Workspace details (GUID, network mode). Default 600. */
        workspaces?: number;
        /** Registries. Default 600. */
        registries?: number;
        /**
         * Per-caller entity visibility (catalog) and `azure-ml.entity.read` decisions. Default
         * 10. A permission change takes effect for a caller after at most this long.
         */
        access?: number;
      };
    };
    /** Environments by key (e.g. `dev`, `prod`): one workspace and one registry each. */
    environments: {
      [name: string]: {
        /** Azure subscription id (GUID). */
        subscriptionId: string;
        /** Resource group of the workspace and registry. */
        resourceGroup: string;
        /** Azure ML workspace name. */
        workspace: string;
        /** Azure ML registry name. */
        registry: string;
        /** Azure region, e.g. `westeurope`. */
        location: string;
      };
    };
    /**
     * Governed promotion of model versions from one environment's registry into another's.
     * Without this section the promotion routes answer 404.
     */
    promotion?: {
      /** Source environment key (where candidates are registered), e.g. `dev`. */
      from: string;
      /** Target environment key (whose registry receives the copy), e.g. `prod`. */
      to: string;
      /**
       * Four-eyes: a request waits for the approval of someone other than its requester.
       * Default true. With false, a request whose policy passes is carried out at once.
       */
      requireApproval?: boolean;
      /** Tag of the target model container that names the champion version. Default `champion`. */
      aliasTag?: string;
      /**
       * Entity refs of the users or groups who may approve (e.g. `group:default/ml-approvers`).
       * The portal's permission policy (packages/backend) decides who may approve; this plugin
       * sends these refs a notification of each request that waits for approval (groups
       * resolve to their members, the requester excluded).
       */
      approvers?: string[];
      /**
       * The policy gate: a list of rules for every model, or `{ default: [...], models: {
       * <model>: [...] } }` where a model's own list replaces the default. A rule is one of
       * `{ metric, compare: champion, direction: lower | higher, tolerance? }` (the candidate
       * may be worse than the target's champion by at most `tolerance`; passes when the target
       * has no champion yet), `{ metric, min?, max? }` (absolute threshold) or
       * `{ tag, value? }` (the version carries the tag, with that value when given). A missing
       * or non-numeric metric fails the rule that needs it.
       */
      policy?:
        | Array<PromotionPolicyRule>
        | {
            default?: Array<PromotionPolicyRule>;
            models?: { [model: string]: Array<PromotionPolicyRule> };
          };
      /** How often the backend looks for approved requests to carry out, in seconds. Default 5. */
      pollIntervalSeconds?: number;
      /** Attempts of a request (transient ARM failures) before it fails. Default 8. */
      maxAttempts?: number;
      /** Base of the exponential back-off between attempts (doubling, at most 60 s), in seconds. Default 2. */
      retryDelaySeconds?: number;
      /**
       * How long a replica holds a request it is carrying out, in seconds; if it dies, another
       * replica takes the request up after this (and adopts what the first one already wrote).
       * Must exceed the longest attempt (ARM's long-running operations). Default 600.
       */
      leaseSeconds?: number;
      /**
       * Start an approved request at once in the replica that approved it (default true);
       * false: only the scheduled task (`pollIntervalSeconds`) starts requests.
       */
      startOnApproval?: boolean;
    };
    /**
     * Private DNS validation of each environment's workspace and registry private endpoints
     * against the central AML private DNS zones (`POST|GET /environments/{env}/dns-validations`).
     */
    dns?: {
      /** Subscription of the central private DNS zones. Default: each environment's own. */
      centralZoneSubscriptionId?: string;
      /** Resource group of the central private DNS zones. Default `rg-aml-dns`. */
      centralZoneResourceGroup?: string;
      /**
       * Name of the central zone that answers compute-instance names: `instances.azureml.ms`
       * (default; older Private Link tables) or `instances.ml.azure.ms` (current AML docs).
       */
      instancesZone?: 'instances.azureml.ms' | 'instances.ml.azure.ms';
      /**
       * DNS servers the data-plane check asks (`ip` or `ip:port`), e.g. the hub's DNS
       * resolver. Empty (default): the system resolver of the backend's host, i.e. the
       * nameservers of its /etc/resolv.conf (Node's c-ares resolver; the hosts file is not read).
       */
      resolvers?: string[];
      /** Time one lookup may take before it counts as a timeout, in milliseconds. Default 2000. */
      lookupTimeoutMs?: number;
      /** The scheduled validation of every environment (one replica runs it). */
      schedule?: {
        /** Default true. */
        enabled?: boolean;
        /** Minutes between runs. Default 60. */
        frequencyMinutes?: number;
      };
      /**
       * Entity refs of users or groups who may run a validation on demand (permission
       * `azure-ml.dns.validate`, decided by the portal's permission policy). Recipients of the
       * notification when an environment turns from passing to failing.
       */
      validators?: string[];
      /** Runs kept per environment (older ones are deleted). Default 200. */
      keepRuns?: number;
      /**
       * Step 4 of the central DNS migration ("remove prevent_destroy and decide on toggle
       * retention") is an operator's decision: record it here. Default `PENDING`.
       */
      migrationStep4?: { state: 'COMPLETE' | 'PENDING'; note?: string };
    };
  };
}

/** One rule of `azureMl.promotion.policy`. */
type PromotionPolicyRule =
  | {
      metric: string;
      compare: 'champion';
      direction: 'lower' | 'higher';
      tolerance?: number;
    }
  | { metric: string; min?: number; max?: number }
  | { tag: string; value?: string };
