import { Entity } from '@backstage/catalog-model';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'ml-model', owner: 'ml-engineers', lifecycle: 'production' },
  };
}

/**
 * The catalog of the read API tests: an entity on both environments, one on dev only, one
 * whose model no registry has, one without annotations, one naming an environment that is not
 * configured, and `secret`, which the tests' permission mock denies.
 */
export const readApiEntities: Entity[] = [
  component('taxi-fare', {
    'ml.azure.com/models': 'taxi-fare-model',
    'ml.azure.com/experiment': 'taxi-fare-train',
    'ml.azure.com/environments': 'dev,prod',
  }),
  component('dev-only', {
    'ml.azure.com/models': 'taxi-fare-model',
    'ml.azure.com/environments': 'dev',
  }),
  component('ghost', { 'ml.azure.com/models': 'no-such-model' }),
  component('plain', {}),
  component('staging', {
    'ml.azure.com/models': 'taxi-fare-model',
    'ml.azure.com/environments': 'staging',
  }),
  component('secret', { 'ml.azure.com/models': 'taxi-fare-model' }),
];

/** The entity the permission mock of the read API tests denies. */
export const DENIED_ENTITY_REF = 'component:default/secret';
