import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CENTRAL_DNS, DEV } from '@internal/azure-ml-emulator';
import { stringify } from 'yaml';
import { runDnsValidateCli } from './dnsValidate';
import { useDnsEmulator } from '../__testUtils__/dnsEmulator';
import { ARM, seedEnvironments } from '../__testUtils__/promotionBackend';

jest.setTimeout(60_000);

const { emulator, resolver } = useDnsEmulator();
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dns-cli-'));
  fs.writeFileSync(
    path.join(dir, 'app-config.yaml'),
    stringify({
      app: { title: 'ignored by the CLI' },
      azureMl: {
        arm: { endpoint: ARM, credential: 'none' },
        environments: seedEnvironments,
        dns: {
          centralZoneSubscriptionId: CENTRAL_DNS.subscriptionId,
          lookupTimeoutMs: 300,
        },
      },
    }),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runDnsValidateCli(args, {
    cwd: dir,
    stdout: s => {
      out += s;
    },
    stderr: s => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('yarn dns:validate', () => {
  it('prints the table and exits 0 when the environment passes', async () => {
    const { code, out } = await cli('dev', '--resolver', resolver());
    expect(code).toBe(0);
    expect(out).toMatch(/^DNS validation of dev: PASSED \(0 findings, 6 names/);
    expect(out).toContain('No findings.');
    expect(out).toMatch(/1 +COMPLETE +Shared zones/);
  });

  it('exits 1 with the finding and its remediation when it fails', async () => {
    emulator.faults.set({
      dns: {
        missingZoneLink: [
          {
            zone: 'privatelink.notebooks.azure.net',
            virtualNetwork: DEV.virtualNetwork,
          },
        ],
      },
    });
    const { code, out } = await cli('dev', '--resolver', resolver());
    expect(code).toBe(1);
    expect(out).toContain('FAILED');
    expect(out).toContain(
      'Link zone privatelink.notebooks.azure.net (rg-aml-dns) to vnet-aml-dev.',
    );
  });

  it('exits 2 on bad usage or an unknown environment', async () => {
    expect((await cli()).code).toBe(2);
    const unknown = await cli('qa');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Unknown environment 'qa'");
  });
});
