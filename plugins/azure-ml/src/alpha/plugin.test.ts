import azureMlPlugin from './plugin';

describe('azure-ml plugin for the new frontend system', () => {
  it('provides the API, the entity tab and both overview cards', () => {
    expect(azureMlPlugin.pluginId).toBe('azure-ml');
    for (const id of [
      'api:azure-ml',
      'entity-content:azure-ml',
      'entity-card:azure-ml/models',
      'entity-card:azure-ml/runs',
    ]) {
      expect(azureMlPlugin.getExtension(id as any)).toBeDefined();
    }
  });
});
