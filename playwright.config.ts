import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { backendLog } from './e2e/paths';

/**
 * End-to-end suite: the real emulator, backend and frontend, driven in Debian's Chromium
 * (never a downloaded browser). `scripts/test.sh` runs it; alone: `yarn e2e`.
 */
const root = __dirname;
const configArgs = [
  path.join(root, 'app-config.yaml'),
  path.join(root, 'e2e/app-config.e2e.yaml'),
]
  .map(file => `--config ${file}`)
  .join(' ');
const reuse = !process.env.CI;

export default defineConfig({
  testDir: path.join(root, 'e2e'),
  outputDir: path.join(root, 'data/e2e/results'),
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(root, 'data/test-reports/e2e.json') }],
  ],
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 1440, height: 1000 },
  },
  webServer: [
    {
      command: 'yarn workspace @internal/azure-ml-emulator start',
      url: 'http://localhost:7071/_emulator/health',
      reuseExistingServer: reuse,
      timeout: 120_000,
      stdout: 'ignore',
    },
    {
      // Before the backend: it reads the IdP's discovery document once, when it starts.
      command: 'yarn workspace @internal/local-idp start',
      url: 'http://localhost:7072/.well-known/openid-configuration',
      reuseExistingServer: reuse,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `rm -rf ${path.join(
        root,
        'data/e2e/sqlite',
      )} && mkdir -p ${path.dirname(
        backendLog,
      )} && yarn workspace backend start ${configArgs} | tee ${backendLog}`,
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: reuse,
      timeout: 240_000,
      stdout: 'ignore',
    },
    {
      command: `yarn workspace app start ${configArgs}`,
      url: 'http://localhost:3000',
      reuseExistingServer: reuse,
      timeout: 300_000,
      stdout: 'ignore',
    },
  ],
});
