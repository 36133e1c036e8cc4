#!/usr/bin/env node
/* eslint-disable no-console */
// `yarn bench`: the read API of plugins/azure-ml-backend under load, against the emulator.
//
// Starts the Azure ML emulator (120 ms per ARM call, a 10,000-version dev registry) and the
// real backend (`yarn workspace backend start` with bench/app-config.bench.yaml: every plugin
// of packages/backend, guest sign-in, permission framework on), signs in as guest, drives
// autocannon on loopback and prints one table. Not part of CI.
const { spawn } = require('node:child_process');
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

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const children = [];

function start(name, command, args, env = {}) {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = fs.openSync(path.join(LOG_DIR, `${name}.log`), 'w');
  const child = spawn(command, args, {
    cwd: ROOT,
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

async function startBackend(port, configs) {
  const args = ['workspace', 'backend', 'start'];
  for (const c of ['app-config.yaml', ...configs])
    args.push('--config', path.join(ROOT, c));
  const child = start(`backend-${port}`, 'yarn', args, {
    NODE_ENV: 'development',
  });
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

function load(url, headers) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
  });
}

const median = values =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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

  // One ARM round trip, on the same loopback, as the backend's client sees it.
  const armTrips = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await (
      await fetch(
        `${ARM}${REGISTRY_PATH}/models/taxi-fare-model?api-version=2024-04-01`,
      )
    ).json();
    armTrips.push(performance.now() - t);
  }
  const armTrip = median(armTrips);

  console.log('Starting the backend (cache on) …');
  const a = await startBackend(7107, ['bench/app-config.bench.yaml']);
  const rss = { max: 0 };
  const sampler = setInterval(() => {
    rss.max = Math.max(rss.max, treeRssMb(a.child.pid));
  }, 250);
  // Warm the process (JIT, SDK clients), not the data the measurements below read.
  await timed(`${a.base}/api/azure-ml/environments`, a.headers);
  await timed(`${a.base}/api/azure-ml/registries`, a.headers);
  await timed(`${a.base}/api/azure-ml/health`, a.headers);
  const readyRss = treeRssMb(a.child.pid);

  // Cold: nothing of this entity or of the dev registry is cached yet.
  await resetArmStats();
  const modelsUrl = `${a.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=20`;
  const cold = await timed(modelsUrl, a.headers);
  const firstPageCalls = (await armStats()).armCalls;
  const coldSamples = [cold.ms];
  for (const limit of [19, 18, 17, 16]) {
    coldSamples.push(
      (
        await timed(
          `${a.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=${limit}`,
          a.headers,
        )
      ).ms,
    );
  }

  console.log('Warm load: model versions route vs bare route …');
  const bare = await load(`${a.base}/api/azure-ml/health`, a.headers);
  const warm = await load(modelsUrl, a.headers);

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
  const ratio = warm.requests.average / bare.requests.average;
  row('bare route GET /api/azure-ml/health (200 conns)', fmt(bare), 'ceiling');
  row(
    'warm GET …/taxi-fare/models?environment=dev (200 conns)',
    fmt(warm),
    '≥ 70 % of ceiling, p99 ≤ 25 ms',
    ratio >= 0.7 && warm.latency.p99 <= 25,
  );
  row(
    'warm / bare throughput',
    `${(ratio * 100).toFixed(0)} %`,
    '≥ 70 %',
    ratio >= 0.7,
  );
  row(
    'one ARM round trip (emulator, loopback)',
    `${armTrip.toFixed(0)} ms`,
    '',
  );
  row(
    'cold first request (entity + ARM caches cold)',
    `${cold.ms.toFixed(0)} ms = ${(cold.ms / armTrip).toFixed(2)} × ARM`,
    '≤ 1.3 ×',
    cold.ms / armTrip <= 1.3,
  );
  row(
    'cold request, median of 5 (ARM page cold)',
    `${median(coldSamples).toFixed(0)} ms = ${(
      median(coldSamples) / armTrip
    ).toFixed(2)} × ARM`,
    '≤ 1.3 ×',
    median(coldSamples) / armTrip <= 1.3,
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
    'backend RSS (max during the run; at ready)',
    `${rss.max.toFixed(0)} MB; ${readyRss.toFixed(0)} MB`,
    '< 400 MB',
    rss.max < 400,
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
