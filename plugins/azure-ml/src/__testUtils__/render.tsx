import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { AzureMlApi, azureMlApiRef } from '../api';
import { taxiFareEntity } from './fixtures';

/**
 * Renders `element` in a test app with `api` as the Azure ML API, `entity` in context, and a
 * permission API that allows everything.
 */
export function renderWithApi(
  element: ReactElement,
  api: AzureMlApi,
  entity: Entity = taxiFareEntity,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [azureMlApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}
