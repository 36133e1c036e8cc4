#!/usr/bin/env node
/* eslint-disable no-console */
// `yarn bench`: the read API of plugins/azure-ml-backend under load, against the emulator.
//
// Starts the Azure ML emulator (120 ms per ARM call, a 10,000-version dev registry) and the
// real backend (packages/backend: every plugin of the portal, guest sign-in, permission
// framework on) the way production runs it — `node packages/backend`, NODE_ENV=production, no
// file watcher or source maps — except that workspace TypeScript is compiled on load by
// Backstage's node transform instead of ahead of time. Signs in as guest, drives autocannon on
// loopback and prints one table. A second, smaller backend (bench/slice-backend.ts: auth,
// catalog, permission, azure-ml only) is started for its memory figure. Not part of CI.
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');
const autocannon = require('autocannon');

const ROOT = path.resolve(__dirname, '..');
const EMULATOR_PORT = 7171;
const ARM = `http://127.0.0.1:${EMULATOR_PORT}`;
const LATENCY_MS = 120;
const LARGE_REGISTRY = 10000;
const CONNECTIONS = 200;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const PAGE_VIEWS = 1000;
const ENTITY = 'entities/component/default/taxi-fare';
const SUB = '11111111-1111-4111-8111-111111111111';
const REGISTRY_PATH = `/subscriptions/${SUB}/resourceGroups/rg-aml-dev/providers/Microsoft.MachineLearningServices/registries/mlr-dev`;
const LOG_DIR = path.join(ROOT, 'bench', '.logs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// The V8 old-space cap the README recommends for a container with 512 MiB of memory.
const HEAP_CAP = '--max-old-space-size=256';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const children = [];

function start(name, command, args, env = {}, cwd = ROOT) {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = fs.openSync(path.join(LOG_DIR, `${name}.log`), 'w');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
    detached: true, // own process group, so that stop() ends the whole tree
  });
  children.push(child);
  return child;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, sleep(5000)]);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function waitFor(what, check, timeoutMs = 180000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(500);
  }
}

/** Resident set size of the largest process in the tree (the backend's node process). */
function treeRssMb(rootPid) {
  const parents = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // exited
    }
  }
  let max = 0;
  for (const pid of parents.keys()) {
    let p = pid;
    while (p && p !== rootPid && parents.has(p)) p = parents.get(p);
    if (p !== rootPid) continue;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      max = Math.max(max, kb / 1024);
    } catch {
      // exited
    }
  }
  return max;
}

/**
 * Starts a backend: `entry` compiled on load (Backstage's node transform), or — when `built` is
 * the directory prepared by prepareBuiltBackend() — the production build, as the Dockerfile runs it.
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
  await waitFor(
    `backend on ${port}`,
    async () => (await fetch(`${base}/.backstage/health/v1/readiness`)).ok,
  );
  const session = await (
    await fetch(`${base}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
  ).json();
  const headers = {
    authorization: `Bearer ${session.backstageIdentity.token}`,
  };
  await waitFor(
    'the catalog to ingest the taxi-fare component',
    async () =>
      (
        await fetch(
          `${base}/api/catalog/entities/by-name/component/default/taxi-fare`,
          { headers },
        )
      ).ok,
  );
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

async function timed(url, headers) {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

const armStats = async () => (await fetch(`${ARM}/_emulator/stats`)).json();
const resetArmStats = () =>
  fetch(`${ARM}/_emulator/stats/reset`, { method: 'POST' });

function load(url, headers, connections = CONNECTIONS) {
  return autocannon({
    url,
    connections,
    duration: DURATION_S,
    headers,
  });
}

/** The round with the median throughput. */
const medianRun = runs =>
  [...runs].sort((a, b) => a.requests.average - b.requests.average)[
    Math.floor(runs.length / 2)
  ];

const median = values =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sha = file =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * The production build of the backend, laid out as packages/backend/Dockerfile does it:
 * `yarn tsc && yarn build:backend`, the skeleton with `yarn workspaces focus --all --production`
 * (redone only when the skeleton or yarn.lock changed), then the bundle and the app-config files.
 * Lives outside the repository, in the OS temp directory.
 */
function prepareBuiltBackend() {
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

async function main() {
  const rows = [];
  const row = (measure, value, target, ok) =>
    rows.push({
      measure,
      value,
      target,
      verdict: ok === undefined ? '' : ok ? 'PASS' : 'MISS',
    });

  console.log('Starting the emulator (120 ms latency, 10,000 dev versions) …');
  start(
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

  // One ARM round trip, on the same loopback: the call a cold models page waits for (the first
  // page of versions, newest first), and a plain GET of the model container for reference.
  const armTrip = async (url, samples = 5) => {
    const trips = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await (await fetch(url)).json();
      trips.push(performance.now() - t);
    }
    return median(trips);
  };
  const modelPath = `${ARM}${REGISTRY_PATH}/models/taxi-fare-model`;
  const armList = await armTrip(
    `${modelPath}/versions?api-version=2024-04-01&$orderBy=createdtime%20desc&$top=20`,
  );
  const armGet = await armTrip(`${modelPath}?api-version=2024-04-01`);

  console.log('Starting the backend (cache on) …');
  const a = await startBackend(7107, ['bench/app-config.bench.yaml']);
  const startedRss = treeRssMb(a.child.pid);
  const rss = { max: 0 };
  const sampler = setInterval(() => {
    rss.max = Math.max(rss.max, treeRssMb(a.child.pid));
  }, 250);
  // Warm the process (JIT, SDK clients), not the data the measurements below read.
  await timed(`${a.base}/api/azure-ml/environments`, a.headers);
  await timed(`${a.base}/api/azure-ml/registries`, a.headers);
  await timed(`${a.base}/api/azure-ml/health`, a.headers);
  // ... and the catalog + permission path, with an entity that has no Azure ML annotations.
  const plain = await fetch(
    `${a.base}/api/azure-ml/entities/component/default/aml-portal-backend/models`,
    { headers: a.headers },
  );
  if (plain.status !== 400) throw new Error(`warm-up: ${plain.status}`);
  const readyRss = treeRssMb(a.child.pid);

  // Cold: nothing of this entity or of the dev registry is cached yet.
  await resetArmStats();
  const modelsUrl = `${a.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=20`;
  const cold = await timed(modelsUrl, a.headers);
  const firstPageCalls = (await armStats()).armCalls;
  // Cold with the entity's access decision still cached: the ARM page alone is cold.
  const coldSamples = [];
  for (const limit of [19, 18, 17, 16, 15]) {
    coldSamples.push(
      (
        await timed(
          `${a.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=${limit}`,
          a.headers,
        )
      ).ms,
    );
  }
  // Fully cold again: wait out the access decision (cache.ttlSeconds.access, 10 s by default)
  // and read pages never read before.
  const fullyCold = [cold.ms];
  for (const limit of [14, 13]) {
    await sleep(11000);
    fullyCold.push(
      (
        await timed(
          `${a.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=${limit}`,
          a.headers,
        )
      ).ms,
    );
  }

  const rssBeforeLoad = treeRssMb(a.child.pid);

  console.log(
    `Warm load: model versions route vs bare route, ${ROUNDS} alternating rounds …`,
  );
  const bareRuns = [];
  const warmRuns = [];
  for (let i = 0; i < ROUNDS; i++) {
    bareRuns.push(await load(`${a.base}/api/azure-ml/health`, a.headers));
    warmRuns.push(await load(modelsUrl, a.headers));
  }
  const bare = medianRun(bareRuns);
  const warm = medianRun(warmRuns);
  const quiet = await load(modelsUrl, a.headers, 1);

  console.log(
    `${PAGE_VIEWS} page views (models of every environment + runs) …`,
  );
  await resetArmStats();
  const views = [];
  for (let i = 0; i < PAGE_VIEWS; i += 50) {
    views.push(
      ...(await Promise.all(
        Array.from({ length: 50 }, () =>
          Promise.all([
            fetch(`${a.base}/api/azure-ml/${ENTITY}/models?limit=20`, {
              headers: a.headers,
            }),
            fetch(`${a.base}/api/azure-ml/${ENTITY}/runs?limit=20`, {
              headers: a.headers,
            }),
          ]).then(rs => rs.every(r => r.ok)),
        ),
      )),
    );
  }
  const viewCalls = (await armStats()).armCalls;
  clearInterval(sampler);
  await stop(a.child);

  /** Memory of one more backend: at ready, and at most during the warm load. */
  const memoryRun = async (label, port, configs, entry, nodeArgs, built) => {
    console.log(`${label} …`);
    const backend = await startBackend(port, configs, entry, nodeArgs, built);
    const peak = { max: 0 };
    const sample = setInterval(() => {
      peak.max = Math.max(peak.max, treeRssMb(backend.child.pid));
    }, 250);
    const url = `${backend.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=20`;
    await timed(url, backend.headers);
    const ready = treeRssMb(backend.child.pid);
    const result = await load(url, backend.headers);
    clearInterval(sample);
    await stop(backend.child);
    return {
      ready,
      max: peak.max,
      value: `${ready.toFixed(0)}; ${peak.max.toFixed(0)} MB (${Math.round(
        result.requests.average,
      )} req/s)`,
    };
  };
  const sliceMemory = await memoryRun(
    `Azure ML slice backend (auth, catalog, permission, azure-ml) with ${HEAP_CAP}`,
    7109,
    ['bench/app-config.bench.yaml', 'bench/app-config.bench-port-7109.yaml'],
    'bench/slice-backend.ts',
    [HEAP_CAP],
  );
  console.log(
    'Building the backend as the Dockerfile does (yarn tsc, yarn build:backend, production install) …',
  );
  const builtDir = prepareBuiltBackend();
  const builtMemory = await memoryRun(
    `Portal backend, production build, default heap`,
    7109,
    ['bench/app-config.bench.yaml', 'bench/app-config.bench-port-7109.yaml'],
    undefined,
    [],
    builtDir,
  );
  const cappedMemory = await memoryRun(
    `Portal backend, production build, ${HEAP_CAP}`,
    7109,
    ['bench/app-config.bench.yaml', 'bench/app-config.bench-port-7109.yaml'],
    undefined,
    [HEAP_CAP],
    builtDir,
  );

  console.log('Caching and single-flight disabled …');
  const b = await startBackend(7108, [
    'bench/app-config.bench.yaml',
    'bench/app-config.bench-nocache.yaml',
  ]);
  await timed(`${b.base}/api/azure-ml/environments`, b.headers);
  const uncached = await load(
    `${b.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=20`,
    b.headers,
  );
  await stop(b.child);

  const fmt = r =>
    `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${
      r.latency.p99
    } ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}`;
  // Machine capacity drifts between rounds; each warm round is compared with the bare round
  // run just before it, and the median of those ratios is the figure.
  const roundRatios = warmRuns.map(
    (w, i) => w.requests.average / bareRuns[i].requests.average,
  );
  const ratio = median(roundRatios);
  row(
    `bare route GET /api/azure-ml/health (${CONNECTIONS} conns, median of ${ROUNDS})`,
    fmt(bare),
    'ceiling',
  );
  row(
    `warm GET …/taxi-fare/models?environment=dev (${CONNECTIONS} conns, median of ${ROUNDS})`,
    fmt(warm),
    '≥ 70 % of ceiling, p99 ≤ 25 ms',
    ratio >= 0.7 && warm.latency.p99 <= 25,
  );
  row(
    'warm / bare throughput (each warm round ÷ the bare round before it)',
    `${(ratio * 100).toFixed(0)} %, median of rounds ${roundRatios
      .map(r => `${(r * 100).toFixed(0)} %`)
      .join(', ')}`,
    '≥ 70 %',
    ratio >= 0.7,
  );
  row(
    'warm p99 the ceiling allows (Little: conns ÷ bare req/s)',
    `${((CONNECTIONS / bare.requests.average) * 1000).toFixed(
      0,
    )} ms; bare p99 ${bare.latency.p99} ms`,
    '',
  );
  row(
    'warm GET …/models, 1 connection (service time, no queueing)',
    `${Math.round(quiet.requests.average)} req/s, p50 ${
      quiet.latency.p50
    } ms, p99 ${quiet.latency.p99} ms`,
    '',
  );
  row(
    'one ARM round trip: first page of versions (the cold page waits for it)',
    `${armList.toFixed(0)} ms`,
    '',
  );
  row(
    'one ARM round trip: GET of the model container',
    `${armGet.toFixed(0)} ms`,
    '',
  );
  const ratioOf = ms =>
    `${ms.toFixed(0)} ms = ${(ms / armList).toFixed(2)} × ARM`;
  row(
    'cold: entity access + ARM page cold, median of 3 (first request + 2 after 11 s)',
    `${ratioOf(median(fullyCold))}; first ${ratioOf(cold.ms)}`,
    '≤ 1.3 ×',
    median(fullyCold) / armList <= 1.3,
  );
  row(
    'cold: ARM page cold (access decision cached), median of 5',
    ratioOf(median(coldSamples)),
    '≤ 1.3 ×',
    median(coldSamples) / armList <= 1.3,
  );
  row(
    `ARM reads per ${PAGE_VIEWS} page views (models + runs)`,
    `${viewCalls} (${views.filter(Boolean).length} views OK)`,
    '≤ 5',
    viewCalls <= 5,
  );
  row('caching + single-flight disabled, same load', fmt(uncached), '');
  const speedup =
    warm.requests.average / Math.max(uncached.requests.average, 0.1);
  row(
    'cached / uncached throughput',
    `${speedup.toFixed(0)} ×`,
    '≥ 20 ×',
    speedup >= 20,
  );
  row(
    `first page of a ${LARGE_REGISTRY.toLocaleString('en')}-version registry`,
    `${firstPageCalls} ARM calls`,
    '≤ 2',
    firstPageCalls <= 2,
  );
  row(
    'portal backend RSS (all plugins): started; ready; before load; max',
    `${startedRss.toFixed(0)}; ${readyRss.toFixed(0)}; ${rssBeforeLoad.toFixed(
      0,
    )}; ${rss.max.toFixed(0)} MB`,
    '< 400 MB',
    rss.max < 400,
  );

  row(
    `azure-ml slice backend RSS with ${HEAP_CAP}: ready; max under the warm load`,
    sliceMemory.value,
    '< 400 MB',
    sliceMemory.max < 400,
  );
  row(
    'portal backend RSS, production build, default heap: ready; max under the warm load',
    builtMemory.value,
    '< 400 MB',
    builtMemory.max < 400,
  );
  row(
    `portal backend RSS, production build, ${HEAP_CAP}: ready; max under the warm load`,
    cappedMemory.value,
    '< 400 MB',
    cappedMemory.max < 400,
  );

  console.log(
    `\nazure-ml read API benchmark — emulator ${LATENCY_MS} ms/ARM call, ${CONNECTIONS} connections × ${DURATION_S} s, node ${process.version}\n`,
  );
  const widths = ['measure', 'value', 'target', 'verdict'].map(k =>
    Math.max(k.length, ...rows.map(r => String(r[k]).length)),
  );
  const line = cells =>
    `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(['measure', 'value', 'target', 'verdict']));
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows)
    console.log(line([r.measure, r.value, r.target, r.verdict]));
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.all(children.map(stop));
  });
