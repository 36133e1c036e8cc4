export interface Config {
  azureMl?: {
    /** Settings of the Azure ML scaffolder actions. */
    scaffolder?: {
      /**
       * Folder in which `azure-ml:publish:local` creates the git repositories of templates run
       * in local mode, and from which their `file://` catalog-info URLs are readable. Relative
       * paths are resolved against the repository root. Default: `data/local-repos`.
       */
      localPublishRoot?: string;
      /**
       * Where `azure-ml:pipelines:fetch` reads the platform's pipeline job YAML: a folder
       * (relative paths resolved against the repository root) or an http(s) URL of a folder
       * that one of the backend's integrations can read. Templates cannot point the action
       * anywhere else; they may only name a sub-folder. Default: `pipelines`.
       */
      pipelinesSource?: string;
      /**
       * Folder of the platform Terraform modules that generated environments call as
       * `../../modules/<name>`; `azure-ml:terraform:validate` resolves such sources here when
       * they are not in the task workspace. Relative paths are resolved against the repository
       * root. Default: `terraform/modules`.
       */
      terraformModulesDir?: string;
      /**
       * The platform's one environment root module, whose variables a generated environment's
       * `terraform.tfvars` sets; `azure-ml:terraform:validate` with `environmentValues: true`
       * checks the values against it (and validates it). Relative paths are resolved against
       * the repository root. Default: `terraform/environment`.
       */
      terraformEnvironmentRoot?: string;
    };
  };
}
