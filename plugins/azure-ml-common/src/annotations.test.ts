import { Entity } from '@backstage/catalog-model';
import {
  AzureMlAnnotationError,
  getAzureMlAnnotations,
  isAzureMlAvailable,
} from './annotations';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'taxi-fare', annotations },
    spec: {},
  };
}

describe('getAzureMlAnnotations', () => {
  it('parses models, experiment and environments', () => {
    expect(
      getAzureMlAnnotations(
        entity({
          'ml.azure.com/models': ' taxi-fare-model , tip-model,taxi-fare-model',
          'ml.azure.com/experiment': 'taxi-fare-train',
          'ml.azure.com/environments': 'dev,prod',
        }),
      ),
    ).toEqual({
      models: ['taxi-fare-model', 'tip-model'],
      experiment: 'taxi-fare-train',
      environments: ['dev', 'prod'],
    });
  });

  it('leaves optional annotations undefined', () => {
    expect(
      getAzureMlAnnotations(entity({ 'ml.azure.com/models': 'm1' })),
    ).toEqual({
      models: ['m1'],
      experiment: undefined,
      environments: undefined,
    });
  });

  it('names the missing models annotation and shows the format', () => {
    expect(() => getAzureMlAnnotations(entity({}))).toThrow(
      /no 'ml.azure.com\/models' annotation; add e.g. 'ml.azure.com\/models: taxi-fare-model'/,
    );
  });

  it.each([
    ['ml.azure.com/models', ' , '],
    ['ml.azure.com/models', 'bad name'],
    ['ml.azure.com/experiment', 'a,b'],
    ['ml.azure.com/environments', 'Dev!'],
  ])('rejects a malformed %s (%p)', (annotation, value) => {
    const annotations: Record<string, string> = {
      'ml.azure.com/models': 'taxi-fare-model',
      [annotation]: value,
    };
    let error: unknown;
    try {
      getAzureMlAnnotations(entity(annotations));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AzureMlAnnotationError);
    expect((error as AzureMlAnnotationError).annotation).toBe(annotation);
    expect((error as Error).message).toContain(annotation);
  });
});

describe('isAzureMlAvailable', () => {
  it('is true only with a non-empty models annotation', () => {
    expect(isAzureMlAvailable(entity({ 'ml.azure.com/models': 'm' }))).toBe(
      true,
    );
    expect(isAzureMlAvailable(entity({ 'ml.azure.com/models': ' ' }))).toBe(
      false,
    );
    expect(isAzureMlAvailable(entity({}))).toBe(false);
  });
});
