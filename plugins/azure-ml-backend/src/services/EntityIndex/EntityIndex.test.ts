import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { annotationsKey, EntityIndex } from './EntityIndex';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

describe('EntityIndex', () => {
  it('indexes every entity with ml.azure.com/models, across pages, skipping malformed ones', async () => {
    const entities = [
      ...Array.from({ length: 1203 }, (_, i) =>
        component(`Model-${i}`, {
          'ml.azure.com/models': `model-${i}`,
          'ml.azure.com/environments': 'dev',
        }),
      ),
      component('plain', {}),
      component('broken', { 'ml.azure.com/models': 'bad name!' }),
    ];
    const index = new EntityIndex({
      auth: mockServices.auth(),
      catalog: catalogServiceMock({ entities }),
      logger: mockServices.logger.mock(),
    });
    await index.refresh();
    expect(index.size).toBe(1203);
    expect(index.get('component:default/model-1202')).toEqual({
      models: ['model-1202'],
      experiment: undefined,
      environments: ['dev'],
    });
    expect(index.get('component:default/plain')).toBeUndefined();
    expect(index.get('component:default/broken')).toBeUndefined();
  });

  it('replaces its entries on refresh, and remembers authorized reads in between', async () => {
    const catalog = catalogServiceMock({
      entities: [component('a', { 'ml.azure.com/models': 'm' })],
    });
    const index = new EntityIndex({
      auth: mockServices.auth(),
      catalog,
      logger: mockServices.logger.mock(),
    });
    await index.refresh();
    index.remember('component:default/b', { models: ['n'] });
    expect(index.get('component:default/b')).toEqual({ models: ['n'] });
    await index.refresh();
    expect(index.get('component:default/b')).toBeUndefined();
    expect(index.get('component:default/a')?.models).toEqual(['m']);
  });

  it('keys annotations by content', () => {
    expect(annotationsKey({ models: ['a'], environments: ['dev'] })).toBe(
      annotationsKey({ environments: ['dev'], models: ['a'] }),
    );
    expect(annotationsKey({ models: ['a'] })).not.toBe(
      annotationsKey({ models: ['a'], environments: ['dev'] }),
    );
  });
});
