import {
  azureMlPlugin,
  EntityAzureMlContent,
  EntityAzureMlModelsCard,
  EntityAzureMlRunsCard,
  isAzureMlAvailable,
} from './index';

describe('azure-ml plugin', () => {
  it('exports the plugin, its extensions and the predicate', () => {
    expect(azureMlPlugin.getId()).toBe('azure-ml');
    expect(EntityAzureMlContent).toBeDefined();
    expect(EntityAzureMlModelsCard).toBeDefined();
    expect(EntityAzureMlRunsCard).toBeDefined();
    expect(
      isAzureMlAvailable({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'taxi-fare',
          annotations: { 'ml.azure.com/models': 'taxi-fare-model' },
        },
      }),
    ).toBe(true);
  });
});
