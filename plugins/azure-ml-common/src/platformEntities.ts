/**
 * The catalog entities of the Azure ML platform: what plugins/catalog-backend-module-azure-ml
 * writes, the environment template registers and checks against, and the frontend reads. One
 * definition, so the three cannot drift.
 */

/** `spec.type` of the platform's Resource entities. */
export const AZURE_ML_RESOURCE_TYPES = {
  /** An environment as discovered from config and ARM (`aml-env-<name>`). */
  environment: 'azure-ml-environment',
  /**
   * An environment's Terraform definition as the environment template registers it
   * (`aml-env-<name>-definition`): it holds the requested range until the environment is
   * applied and configured, and after that stays part of it.
   */
  environmentDefinition: 'azure-ml-environment-definition',
  workspace: 'azure-ml-workspace',
  registry: 'azure-ml-registry',
  /** The central private DNS zones. */
  dns: 'azure-ml-dns',
  /** The model-catalog convention (Red Hat Developer Hub's model catalog bridge). */
  model: 'ai-model',
} as const;

/** Annotations on the platform's Resource entities (besides `ml.azure.com/models`). */
export const AZURE_ML_RESOURCE_ANNOTATIONS = {
  /**
   * Every address prefix of the environment's VNets, comma-separated (`10.10.0.0/16` or
   * `10.10.0.0/16,10.11.0.0/24`): what the environment template's CIDR-overlap check compares.
   */
  addressSpace: 'ml.azure.com/address-space',
  location: 'ml.azure.com/location',
  subscription: 'ml.azure.com/subscription-id',
  resourceGroup: 'ml.azure.com/resource-group',
  workspace: 'ml.azure.com/workspace',
  registry: 'ml.azure.com/registry',
  /** The environment Resource a workspace, registry or definition belongs to. */
  environmentRef: 'ml.azure.com/environment-ref',
  /** A model's newest version in an environment's registry. */
  latestVersion: (environment: string) =>
    `ml.azure.com/latest-version-${environment}`,
  /** A model's champion version in an environment's registry. */
  champion: (environment: string) => `ml.azure.com/champion-${environment}`,
} as const;
