import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The Azure ML entity provider (@internal/plugin-catalog-backend-module-azure-ml). What it
       * reads comes from `azureMl` (environments, ARM endpoint and credential, central DNS).
       */
      azureMl?: {
        /**
         * Owner of the environment, workspace, registry and DNS entities, and of models
         * without the owner tag, e.g. `group:default/ml-platform`. Default: `unknown`.
         */
        owner?: string;
        /** Model container tag that names the model's owner. Default: `owner`. */
        ownerTag?: string;
        /** Per environment key of `azureMl.environments`: another owner. */
        environments?: {
          [name: string]: {
            /** Owner of this environment's entities, e.g. `group:default/ml-platform-prod`. */
            owner?: string;
            /**
             * Resource groups (in the environment's subscription) whose VNets make up the
             * environment's address space, e.g. `[rg-aml-dev-network]`. Default: the
             * environment's resource group and `<resource group>-network` (where the platform's
             * Terraform puts the VNet).
             */
            networkResourceGroups?: string[];
          };
        };
        /** Refresh schedule. Default: every 30 minutes, 10 minutes timeout, 5 s after start. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
