import appPlugin from '@backstage/plugin-app-backend';
import proxyPlugin from '@backstage/plugin-proxy-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import microsoftProviderModule from '@backstage/plugin-auth-backend-module-microsoft-provider';
import oauth2ProxyProviderModule from '@backstage/plugin-auth-backend-module-oauth2-proxy-provider';
import oidcProviderModule from '@backstage/plugin-auth-backend-module-oidc-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import catalogLogsModule from '@backstage/plugin-catalog-backend-module-logs';
import catalogAzureMlModule from '@internal/plugin-catalog-backend-module-azure-ml';
import permissionPlugin from '@backstage/plugin-permission-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchCatalogCollatorModule from '@backstage/plugin-search-backend-module-catalog';
import userSettingsPlugin from '@backstage/plugin-user-settings-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import scaffolderAzureMlModule, {
  localRepositoriesUrlReader,
} from '@internal/plugin-scaffolder-backend-module-azure-ml';
import azureMlPlugin from '@internal/plugin-azure-ml-backend';
import { permissionPolicyModule } from './modules/permissionPolicy';

/**
 * Every feature of the portal's backend, in one list so that `index.ts` and the backend tests
 * start the same thing.
 */
export const backendFeatures = [
  appPlugin,
  proxyPlugin,
  authPlugin,
  guestProviderModule, // local sign-in (auth.providers.guest in app-config.yaml)
  microsoftProviderModule, // Entra ID sign-in (app-config.production.yaml)
  oidcProviderModule, // local two-person sign-in against packages/local-idp (app-config.yaml)
  // Sign-in behind oauth2-proxy (trusts its X-Forwarded-User header). Inactive unless
  // auth.providers.oauth2Proxy is configured: only e2e/app-config.e2e.yaml does.
  oauth2ProxyProviderModule,
  catalogPlugin,
  scaffolderEntityModelModule,
  catalogLogsModule,
  catalogAzureMlModule, // Azure ML environments, workspaces, registries, DNS, models as entities
  scaffolderPlugin,
  scaffolderGithubModule, // publish:github (the templates' GitHub mode; integrations.github)
  scaffolderAzureMlModule, // azure-ml:* actions (project, environment, terraform, local publish)
  localRepositoriesUrlReader, // serves the file:// URLs of azure-ml:publish:local repositories
  permissionPlugin,
  permissionPolicyModule,
  searchPlugin, // lunr in-memory engine by default
  searchCatalogCollatorModule,
  userSettingsPlugin,
  notificationsPlugin, // /api/notifications: promotion news for approvers, requesters, owners
  signalsPlugin, // pushes new notifications to open browsers (websocket)
  azureMlPlugin, // /api/azure-ml read API (models, registries, runs)
];
