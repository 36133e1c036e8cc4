import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { createMiddleware } from '@mswjs/http-middleware';
import express from 'express';
import {
  AzureMlEmulator,
  AzureMlEmulatorOptions,
  createAzureMlEmulator,
} from './createAzureMlEmulator';
import { DnsServerHandle, startDnsServer } from './dns/startDnsServer';
import { Faults } from './faults';
import { createCertificate } from './tls';

export interface EmulatorServerOptions
  extends Omit<AzureMlEmulatorOptions, 'baseUrl'> {
  /** HTTP port (default 7071; 0 picks a free one). */
  port?: number;
  /** UDP port of the DNS server (default 5354; 0 picks a free one; `false` runs no DNS server). */
  dnsPort?: number | false;
  /** Listen address (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS with a locally generated self-signed certificate (see `certificate` of the result). */
  https?: boolean;
  /** With `https`: keep the certificate in this folder (generated once, then reused). */
  certDir?: string;
}

export interface EmulatorServer {
  /** e.g. `http://127.0.0.1:7071` (the ARM endpoint to configure). */
  url: string;
  dnsPort?: number;
  /** PEM of the self-signed certificate when `https` (trust it with NODE_EXTRA_CA_CERTS). */
  certificate?: string;
  emulator: AzureMlEmulator;
  close(): Promise<void>;
}

/** Runs the emulator as a real HTTP(S) server (msw handlers through @mswjs/http-middleware) plus its DNS server. */
export async function startEmulatorServer(
  options: EmulatorServerOptions = {},
): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const emulator = createAzureMlEmulator({ ...options, baseUrl: '*' });
  const app = express();
  app.disable('x-powered-by');
  app.use(createMiddleware(...emulator.handlers));
  app.use((_req, res) => {
    res.status(404).json({
      error: { code: 'NotFound', message: 'No such emulator route.' },
    });
  });

  const tls = options.https
    ? await createCertificate(host, options.certDir)
    : undefined;
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, app)
    : http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let dns: DnsServerHandle | undefined;
  if (options.dnsPort !== false) {
    try {
      dns = await startDnsServer({
        state: () => emulator.state,
        faults: emulator.faults as Faults,
        port: options.dnsPort ?? 5354,
        host,
      });
    } catch (error) {
      server.close();
      throw error;
    }
  }

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${port}`,
    dnsPort: dns?.port,
    certificate: tls?.cert,
    emulator,
    close: async () => {
      emulator.flush();
      await dns?.close();
      await new Promise<void>(resolve => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
