/* Standalone emulator: `yarn workspace @internal/azure-ml-emulator start`. */
import { startEmulatorServer } from './startEmulatorServer';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value))
    throw new Error(`${name} must be a number, got '${raw}'`);
  return value;
}

async function main() {
  const https = ['1', 'true'].includes(
    (process.env.EMULATOR_HTTPS ?? '').toLowerCase(),
  );
  const server = await startEmulatorServer({
    port: numberFromEnv('EMULATOR_PORT') ?? 7071,
    dnsPort: numberFromEnv('EMULATOR_DNS_PORT') ?? 5354,
    host: process.env.EMULATOR_HOST ?? '127.0.0.1',
    latencyMs: numberFromEnv('EMULATOR_LATENCY_MS'),
    largeRegistryVersions: numberFromEnv('EMULATOR_LARGE_REGISTRY'),
    requireAuth: ['1', 'true'].includes(
      (process.env.EMULATOR_REQUIRE_AUTH ?? '').toLowerCase(),
    ),
    stateFile: process.env.EMULATOR_STATE_FILE || undefined,
    faults: process.env.EMULATOR_FAULTS
      ? JSON.parse(process.env.EMULATOR_FAULTS)
      : undefined,
    https,
    certDir: process.env.EMULATOR_CERT_DIR || undefined,
  });
  process.stdout.write(
    `[azure-ml-emulator] ARM on ${server.url} (health: ${
      server.url
    }/_emulator/health), DNS on udp ${server.dnsPort ?? 'off'}\n`,
  );
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(
    `[azure-ml-emulator] failed to start: ${
      error instanceof Error ? error.stack : error
    }\n`,
  );
  process.exit(1);
});
