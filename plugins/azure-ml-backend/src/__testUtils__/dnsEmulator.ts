import {
  createAzureMlEmulator,
  DnsServerHandle,
  startDnsServer,
} from '@internal/azure-ml-emulator';
import { setupServer } from 'msw/node';
import { ARM, listenLocalOnly } from './promotionBackend';

/**
 * The emulator for DNS validation tests: its ARM handlers on msw (ARM's origin) and its DNS
 * server over real UDP on a free loopback port. Registers the jest hooks: faults and state
 * back to the seed after each test. `resolver()` is the `ip:port` to put in
 * `azureMl.dns.resolvers`.
 */
export function useDnsEmulator() {
  const emulator = createAzureMlEmulator({ baseUrl: ARM });
  const server = setupServer(...emulator.handlers);
  let dns: DnsServerHandle | undefined;
  beforeAll(async () => {
    listenLocalOnly(server);
    dns = await startDnsServer({
      state: () => emulator.state,
      faults: emulator.faults as Parameters<typeof startDnsServer>[0]['faults'],
      port: 0,
    });
  });
  afterEach(() => {
    emulator.faults.reset();
    emulator.resetState();
    emulator.stats.reset();
  });
  afterAll(async () => {
    server.close();
    await dns?.close();
  });
  const guidOf = (workspace: string) =>
    Object.values(emulator.state.workspaces).find(w => w.name === workspace)!
      .properties.workspaceId as string;
  return {
    emulator,
    resolver: () => `127.0.0.1:${dns!.port}`,
    guidOf,
  };
}
