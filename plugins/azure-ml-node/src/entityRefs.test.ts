import { azureMlEntityNames, modelEntityRef } from './entityRefs';

describe('azureMlEntityNames.model', () => {
  it('keeps a model name that is a valid entity name', () => {
    expect(azureMlEntityNames.model('taxi-fare-model')).toBe('taxi-fare-model');
    expect(modelEntityRef('taxi_fare.v2')).toBe(
      'resource:default/taxi_fare.v2',
    );
  });

  it('turns any other name into a readable name plus a hash of the original', () => {
    expect(azureMlEntityNames.model('Taxi Fare (v2)')).toBe(
      'Taxi-Fare-v2-056151ca',
    );
    expect(azureMlEntityNames.model('***')).toBe('model-596f4162');
    // 64 characters: one too many for an entity name.
    const long = 'm'.repeat(64);
    expect(azureMlEntityNames.model(long)).toMatch(/^m{54}-[0-9a-f]{8}$/);
  });
});
