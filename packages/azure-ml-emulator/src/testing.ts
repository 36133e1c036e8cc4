import type { SetupServer } from 'msw/node';
import { DEV, PROD, SeedEnvironment } from './seed/constants';

/** A seed environment as an `azureMl.environments` entry of the portal's config. */
export function environmentConfig(e: SeedEnvironment) {
  return {
    subscriptionId: e.subscriptionId,
    resourceGroup: e.resourceGroup,
    workspace: e.workspace,
    registry: e.registry,
    location: e.location,
  };
}

/** The seed's dev and prod environments as the portal's `azureMl.environments`. */
export const seedEnvironmentsConfig = {
  dev: environmentConfig(DEV),
  prod: environmentConfig(PROD),
};

/**
 * Starts an msw server of the emulator's handlers for a test: any request no handler answers
 * fails the test, except local ones (supertest's calls to the backend under test).
 */
export function listenLocalOnly(server: SetupServer) {
  server.listen({
    onUnhandledRequest(req, print) {
      if (
        !['127.0.0.1', 'localhost', '::1'].includes(new URL(req.url).hostname)
      ) {
        print.error();
      }
    },
  });
}
