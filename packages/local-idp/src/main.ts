/* Standalone local identity provider: `yarn workspace @internal/local-idp start`. */
import { startLocalIdp } from './startLocalIdp';

async function main() {
  const rawPort = process.env.LOCAL_IDP_PORT ?? '7072';
  const port = Number(rawPort);
  if (!Number.isInteger(port)) {
    throw new Error(`LOCAL_IDP_PORT must be a port number, got '${rawPort}'`);
  }
  const backendUrl =
    process.env.LOCAL_IDP_BACKEND_URL ?? 'http://localhost:7007';
  const idp = await startLocalIdp({
    host: process.env.LOCAL_IDP_HOST ?? '127.0.0.1',
    port,
    // The portal's backend (auth.providers.oidc.development of app-config.yaml).
    clients: [
      {
        clientId: 'backstage-local',
        clientSecret: 'backstage-local-only-secret',
        name: 'the Azure ML portal (local)',
        redirectUris: [`${backendUrl}/api/auth/oidc/handler/frame`],
      },
    ],
  });
  process.stdout.write(
    `[local-idp] OpenID Connect issuer ${idp.issuer} (discovery: ${idp.issuer}/.well-known/openid-configuration)\n`,
  );
  const stop = () => {
    idp.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(
    `[local-idp] failed to start: ${
      error instanceof Error ? error.message : error
    }\n`,
  );
  process.exit(1);
});
