/*
 * The smallest real backend that serves the azure-ml read API: the same Backstage backend
 * runtime and the same plugins the read path uses (auth with guest sign-in, catalog,
 * permission with the portal's policy, azure-ml), without the portal's other plugins
 * (scaffolder, search, proxy, app, user settings). `yarn bench` measures its memory next to
 * the whole portal backend's.
 */
import { createBackend } from '@backstage/backend-defaults';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import azureMlPlugin from '@internal/plugin-azure-ml-backend';
import { permissionPolicyModule } from '../packages/backend/src/modules/permissionPolicy';

const backend = createBackend();
backend.add(authPlugin);
backend.add(guestProviderModule);
backend.add(catalogPlugin);
backend.add(permissionPlugin);
backend.add(permissionPolicyModule);
backend.add(azureMlPlugin);
backend.start();
