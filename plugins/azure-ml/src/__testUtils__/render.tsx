import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReactElement } from 'react';
import { AzureMlApi, azureMlApiRef } from '../api';
import { taxiFareEntity } from './fixtures';

/** Renders `element` in a test app with `api` as the Azure ML API and `entity` in context. */
export function renderWithApi(
  element: ReactElement,
  api: AzureMlApi,
  entity: Entity = taxiFareEntity,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[azureMlApiRef, api]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}
