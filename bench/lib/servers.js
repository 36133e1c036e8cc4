// The servers under test: the Azure ML emulator, a backend compiled on load or built as the
// Dockerfile builds it, and small HTTP helpers against them.
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');
const {
  ROOT,
  LOG_DIR,
  EMULATOR_PORT,
  ARM,
  LATENCY_MS,
  LARGE_REGISTRY,
} = require('./config');
const { start, waitFor } = require('./processes');

/** The emulator: LATENCY_MS per ARM call, LARGE_REGISTRY versions in the dev registry. */
async function startEmulator() {
  const child = start(
    'emulator',
    'yarn',
    ['workspace', '@internal/azure-ml-emulator', 'start'],
    {
      EMULATOR_PORT: String(EMULATOR_PORT),
      EMULATOR_DNS_PORT: '5454',
      EMULATOR_LATENCY_MS: String(LATENCY_MS),
      EMULATOR_LARGE_REGISTRY: String(LARGE_REGISTRY),
    },
  );
  await waitFor(
    'the emulator',
    async () => (await fetch(`${ARM}/_emulator/health`)).ok,
  );
  return child;
}

const armStats = async () => (await fetch(`${ARM}/_emulator/stats`)).json();
const resetArmStats = () =>
  fetch(`${ARM}/_emulator/stats/reset`, { method: 'POST' });

/** One request, its JSON body and its duration in ms; throws on a non-2xx answer. */
async function timed(url, headers) {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

/**
 * Starts a backend: `entry` compiled on load (Backstage's node transform), or — when `built` is
 * the directory prepared by prepareBuiltBackend() — the production build, as the Dockerfile runs
 * it. Resolves once the backend is ready, a guest token is issued, the catalog has the
 * taxi-fare component and the azure-ml entity index has entities: `{ child, base, headers }`.
 */
async function startBackend(
  port,
  configs,
  entry = 'packages/backend/src/index.ts',
  nodeArgs = [],
  built = undefined,
) {
  const home = built ?? ROOT;
  const args = built
    ? [...nodeArgs, path.join(built, 'packages', 'backend')]
    : [
        ...nodeArgs,
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        path.join(ROOT, entry),
      ];
  args.push('--config', path.join(home, 'app-config.yaml'));
  for (const c of configs) args.push('--config', path.join(ROOT, c));
  const name = `backend-${port}${built ? '-built' : ''}`;
  // From packages/backend, like `yarn start`: app-config.yaml's relative catalog locations
  // resolve from there.
  const child = start(
    name,
    process.execPath,
    args,
    { NODE_ENV: 'production' },
    path.join(home, 'packages', 'backend'),
  );
  const base = `http://127.0.0.1:${port}`;
  // A backend that exits while starting (a broken build, a port in use) fails the bench at once.
  const exited = new Promise((_, reject) =>
    child.once('exit', code =>
      reject(
        new Error(`${name} exited (${code}); see bench/.logs/${name}.log`),
      ),
    ),
  );
  exited.catch(() => {});
  await Promise.race([
    exited,
    waitFor(
      `backend on ${port}`,
      async () => (await fetch(`${base}/.backstage/health/v1/readiness`)).ok,
    ),
  ]);
  const signIn = async () => {
    const session = await (
      await fetch(`${base}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      })
    ).json();
    return { authorization: `Bearer ${session.backstageIdentity.token}` };
  };
  let headers = await signIn();
  await waitFor(
    'the catalog to ingest the taxi-fare component and the guest user',
    async () =>
      (
        await Promise.all(
          ['component/default/taxi-fare', 'user/default/guest'].map(ref =>
            fetch(`${base}/api/catalog/entities/by-name/${ref}`, { headers }),
          ),
        )
      ).every(res => res.ok),
  );
  // Signed in again now that the catalog knows the guest user: the token carries its groups
  // (ownership of taxi-fare through ml-engineers), as a person signing in later would have.
  headers = await signIn();
  // The plugin's entity index reads the catalog every 30 s; a portal that has been up for a
  // while has indexed its ML entities, so wait for the index to have them.
  await waitFor(
    'the azure-ml entity index',
    async () =>
      /Azure ML entity index: [1-9]/.test(
        fs.readFileSync(path.join(LOG_DIR, `${name}.log`), 'utf8'),
      ),
    60000,
  );
  return { child, base, headers };
}

const sha = file =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * The production build of the backend, laid out as packages/backend/Dockerfile does it:
 * `yarn tsc && yarn build:backend`, the skeleton with `yarn workspaces focus --all --production`
 * (redone only when the skeleton or yarn.lock changed), then the bundle and the app-config files.
 * Lives outside the repository, in the OS temp directory.
 */
function prepareBuiltBackend() {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = fs.openSync(path.join(LOG_DIR, 'build.log'), 'w');
  const run = (cmd, args, cwd, env = {}) =>
    execFileSync(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
    });
  run('yarn', ['tsc'], ROOT);
  run('yarn', ['build:backend'], ROOT);
  const dist = path.join(ROOT, 'packages', 'backend', 'dist');
  const dir = path.join(os.tmpdir(), 'azure-ml-bench-backend');
  const stamp = path.join(dir, '.skeleton-sha');
  const want = `${sha(path.join(dist, 'skeleton.tar.gz'))}:${sha(
    path.join(ROOT, 'yarn.lock'),
  )}`;
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== want) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const f of [
      '.yarn',
      '.yarnrc.yml',
      'backstage.json',
      'yarn.lock',
      'package.json',
    ])
      fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
    run('tar', ['xzf', path.join(dist, 'skeleton.tar.gz')], dir);
    run('yarn', ['workspaces', 'focus', '--all', '--production'], dir, {
      NODE_ENV: 'production',
    });
    fs.writeFileSync(stamp, want);
  }
  // The bundle's files replace the previous bundle's (the workspaces' node_modules stay).
  run('tar', ['xzf', path.join(dist, 'bundle.tar.gz')], dir);
  for (const f of [
    'app-config.yaml',
    'catalog-info.yaml',
    'examples',
    'templates',
    'pipelines',
  ])
    fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  return dir;
}

module.exports = {
  startEmulator,
  armStats,
  resetArmStats,
  timed,
  startBackend,
  prepareBuiltBackend,
};
