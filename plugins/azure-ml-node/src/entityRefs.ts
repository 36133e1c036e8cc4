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
};

/** The entity ref of a configured environment's Resource, e.g. `resource:default/aml-env-dev`. */
export function environmentEntityRef(environment: string): string {
  return `resource:default/${azureMlEntityNames.environment(environment)}`;
}
