import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/**
 * Names of the catalog entities that @internal/plugin-catalog-backend-module-azure-ml emits for
 * the configured environments (`kind: Resource`, namespace `default`). One definition, so that
 * the backend plugin's answers name the same entities the provider emits.
 */
export const azureMlEntityNames = {
  /** `spec.type: azure-ml-environment`; the template's `aml-env-<name>` convention. */
  environment: (environment: string) => `aml-env-${environment}`,
  workspace: (environment: string) => `aml-workspace-${environment}`,
  registry: (environment: string) => `aml-registry-${environment}`,
  /**
   * `spec.type: ai-model`, one per model name: the Azure ML model name when it is a valid
   * entity name (Backstage's `isValidObjectName`), else a readable name + hash.
   */
  model: (model: string) => {
    if (KubernetesValidatorFunctions.isValidObjectName(model)) return model;
    const hash = createHash('sha256').update(model).digest('hex').slice(0, 8);
    const readable = model
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 54);
    return readable ? `${readable}-${hash}` : `model-${hash}`;
  },
};

/** The entity ref of the `ai-model` Resource the catalog module emits for a model name. */
export function modelEntityRef(model: string): string {
  return `resource:default/${azureMlEntityNames.model(model)}`;
}

/** The entity ref of a configured environment's Resource, e.g. `resource:default/aml-env-dev`. */
export function environmentEntityRef(environment: string): string {
  return `resource:default/${azureMlEntityNames.environment(environment)}`;
}
