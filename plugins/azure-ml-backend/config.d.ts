export interface Config {
  /**
   * Azure ML platform configuration for the azure-ml backend plugin.
   * Which subscriptions, resource groups, workspaces and registries exist is platform
   * configuration: catalog entities only name models and experiments.
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
    };
    /** Environments by key (e.g. `dev`, `prod`): one workspace and one registry each. */
    environments?: {
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
