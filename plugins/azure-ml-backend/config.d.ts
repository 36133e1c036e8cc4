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
  };
}
