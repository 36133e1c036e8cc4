import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isAzureMlAvailable } from '@internal/plugin-azure-ml-common';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import { azureMlApiRef, AzureMlClient } from '../api';
import { isAzureMlEnvironment } from '../isAzureMlEnvironment';
import { isAzureMlResource } from '../resources';
import { approvalsRouteRef } from '../routes';

const azureMlApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: azureMlApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AzureMlClient({ discoveryApi, fetchApi }),
    }),
});

const azureMlEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/azure-ml',
    title: 'Azure ML',
    filter: isAzureMlAvailable,
    loader: () =>
      import('../components/AzureMlContent').then(m => <m.AzureMlContent />),
  },
});

const azureMlResourceContent = EntityContentBlueprint.make({
  name: 'resource',
  params: {
    path: '/azure-ml',
    title: 'Azure ML',
    filter: isAzureMlResource,
    loader: () =>
      import('../components/ResourceContent').then(m => (
        <m.AzureMlResourceContent />
      )),
  },
});

const azureMlModelsCard = EntityCardBlueprint.make({
  name: 'models',
  params: {
    filter: isAzureMlAvailable,
    loader: () =>
      import('../components/EntityCards').then(m => <m.EntityModelsCard />),
  },
});

const azureMlRunsCard = EntityCardBlueprint.make({
  name: 'runs',
  params: {
    filter: isAzureMlAvailable,
    loader: () =>
      import('../components/EntityCards').then(m => <m.EntityRunsCard />),
  },
});

const azureMlDnsValidationCard = EntityCardBlueprint.make({
  name: 'dns-validation',
  params: {
    filter: isAzureMlEnvironment,
    loader: () =>
      import('../components/DnsValidation').then(m => (
        <m.EntityDnsValidationCard />
      )),
  },
});

const azureMlApprovalsPage = PageBlueprint.make({
  name: 'approvals',
  params: {
    path: '/azure-ml/approvals',
    title: 'Model approvals',
    icon: <CheckCircleOutlineIcon />,
    routeRef: approvalsRouteRef,
    loader: () =>
      import('../components/ApprovalsPage').then(m => <m.ApprovalsPage />),
  },
});

/**
 * The Azure ML plugin for the new frontend system: the API, the "Azure ML" entity tab and
 * the models and runs overview cards (shown only for entities with `ml.azure.com/models`),
 * the "Azure ML" tab of discovered environment, workspace and registry Resources,
 * the DNS validation card of `azure-ml-environment` Resources, and the "Model approvals" page (its title and icon make its nav item).
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'azure-ml',
  title: 'Azure ML',
  extensions: [
    azureMlApi,
    azureMlEntityContent,
    azureMlResourceContent,
    azureMlModelsCard,
    azureMlRunsCard,
    azureMlDnsValidationCard,
    azureMlApprovalsPage,
  ],
  routes: { approvals: approvalsRouteRef },
});
