// The phases of `yarn bench`, in the order bench/run.js runs them. Each returns the figures the
// report (./report.js) needs.
const {
  ARM,
  ENTITY,
  HEAP_CAP,
  OPEN_LOOP_HEADROOM,
  OPEN_LOOP_SHARE,
  LATENCY_MS,
  PAGE_VIEWS,
  PROMOTION_BATCH,
  REGISTRY_PATH,
  ROUNDS,
} = require('./config');
const { sleep, stop, treeRssMb, rssSampler } = require('./processes');
const {
  armStats,
  prepareBuiltBackend,
  resetArmStats,
  startBackend,
  startEmulator,
  timed,
} = require('./servers');
const { load, median, medianRun, openLoop } = require('./load');

const modelsUrl = (backend, limit = 20) =>
  `${backend.base}/api/azure-ml/${ENTITY}/models?environment=dev&limit=${limit}`;
const bareUrl = backend => `${backend.base}/api/azure-ml/health`;

/** 1. The emulator, and one ARM round trip on the same loopback (median of 5). */
async function emulator() {
  console.log('Starting the emulator (120 ms latency, 10,000 dev versions) …');
  await startEmulator();
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
  return {
    // The call a cold models page waits for: the first page of versions, newest first.
    armList: await armTrip(
      `${modelPath}/versions?api-version=2024-04-01&$orderBy=createdtime%20desc&$top=20`,
    ),
    // A plain GET of the model container, for reference.
    armGet: await armTrip(`${modelPath}?api-version=2024-04-01`),
  };
}

/**
 * 2. The portal backend (cache on, port 7107), up and with its entity index filled; the process
 * warmed (JIT, SDK clients, the catalog + permission path), not the data measured next. Samples
 * its memory until stopPortalBackend().
 */
async function portalBackend() {
  console.log('Starting the backend (cache on) …');
  const backend = await startBackend(7107, ['bench/app-config.bench.yaml']);
  const startedRss = treeRssMb(backend.child.pid);
  const sampler = rssSampler(backend.child.pid);
  await timed(`${backend.base}/api/azure-ml/environments`, backend.headers);
  await timed(`${backend.base}/api/azure-ml/registries`, backend.headers);
  await timed(`${backend.base}/api/azure-ml/health`, backend.headers);
  // ... and the catalog + permission path, with an entity that has no Azure ML annotations.
  const plain = await fetch(
    `${backend.base}/api/azure-ml/entities/component/default/aml-portal-backend/models`,
    { headers: backend.headers },
  );
  if (plain.status !== 400) throw new Error(`warm-up: ${plain.status}`);
  return {
    backend,
    sampler,
    startedRss,
    readyRss: treeRssMb(backend.child.pid),
  };
}

/** 3. Cold requests: nothing of this entity or of the dev registry is cached yet. */
async function coldRequests(backend) {
  await resetArmStats();
  const cold = await timed(modelsUrl(backend), backend.headers);
  const firstPageCalls = (await armStats()).armCalls;
  // Cold with the entity's access decision still cached: the ARM page alone is cold.
  const coldSamples = [];
  for (const limit of [19, 18, 17, 16, 15])
    coldSamples.push(
      (await timed(modelsUrl(backend, limit), backend.headers)).ms,
    );
  // Fully cold again: wait out the access decision (cache.ttlSeconds.access, 10 s by default)
  // and read pages never read before.
  const fullyCold = [cold.ms];
  for (const limit of [14, 13]) {
    await sleep(11000);
    fullyCold.push(
      (await timed(modelsUrl(backend, limit), backend.headers)).ms,
    );
  }
  return {
    first: cold.ms,
    firstPageCalls,
    coldSamples,
    fullyCold,
    rssBeforeLoad: treeRssMb(backend.child.pid),
  };
}

/**
 * 4. Closed loop (CONNECTIONS connections): the bare route and the warm models route in ROUNDS
 * alternating rounds, then the models route on one connection (service time, no queueing).
 */
async function closedLoop(backend) {
  console.log(
    `Warm load: model versions route vs bare route, ${ROUNDS} alternating rounds …`,
  );
  const bareRuns = [];
  const warmRuns = [];
  for (let i = 0; i < ROUNDS; i++) {
    bareRuns.push(await load(bareUrl(backend), backend.headers));
    warmRuns.push(await load(modelsUrl(backend), backend.headers));
  }
  // Machine capacity drifts between rounds; each warm round is compared with the bare round
  // run just before it, and the median of those ratios is the figure.
  const roundRatios = warmRuns.map(
    (w, i) => w.requests.average / bareRuns[i].requests.average,
  );
  return {
    bareRuns,
    warmRuns,
    bare: medianRun(bareRuns),
    warm: medianRun(warmRuns),
    roundRatios,
    ratio: median(roundRatios),
    quiet: await load(modelsUrl(backend), backend.headers, 1),
  };
}

/**
 * 5. Open loop: a fixed arrival rate, OPEN_LOOP_SHARE of the bare route's closed-loop throughput
 * (its capacity), on the bare route and on the warm models route in ROUNDS alternating rounds.
 * autocannon's overallRate gives each connection a quota of rate ÷ connections requests per
 * second, sent back to back from the start of each second; a connection that cannot get through
 * its quota in a second loses the rest. So the connections must be able to carry the rate, and
 * every connection more adds to the concurrency of those bursts (and to latency, as in the closed
 * loop). The bench takes the fewest connections that carry OPEN_LOOP_HEADROOM times the rate at
 * the models route's one-connection throughput (its service time):
 * ceil(OPEN_LOOP_HEADROOM × rate ÷ that throughput).
 */
async function openLoopRounds(backend, bare, quiet) {
  const capacity = bare.requests.average;
  const rate = Math.round(capacity * OPEN_LOOP_SHARE);
  const connections = Math.max(
    1,
    Math.ceil(
      (OPEN_LOOP_HEADROOM * rate) / Math.max(quiet.requests.average, 1),
    ),
  );
  console.log(
    `Open loop: ${rate} req/s (${
      OPEN_LOOP_SHARE * 100
    } % of the bare route's ${Math.round(
      capacity,
    )} req/s) on ${connections} connections, bare vs models route, ${ROUNDS} alternating rounds …`,
  );
  const bareRuns = [];
  const warmRuns = [];
  for (let i = 0; i < ROUNDS; i++) {
    bareRuns.push(
      await openLoop(bareUrl(backend), backend.headers, rate, connections),
    );
    warmRuns.push(
      await openLoop(modelsUrl(backend), backend.headers, rate, connections),
    );
  }
  const p99Ratios = warmRuns.map((w, i) => w.p99 / bareRuns[i].p99);
  const med = (runs, key) => median(runs.map(r => r[key]));
  const summary = runs => ({
    p50: med(runs, 'p50'),
    p99: med(runs, 'p99'),
    achieved: med(runs, 'achieved'),
    failed: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
  });
  return {
    capacity,
    rate,
    connections,
    bareRuns,
    warmRuns,
    bare: summary(bareRuns),
    warm: summary(warmRuns),
    p99Ratios,
    p99Ratio: median(p99Ratios),
  };
}

/** 6. PAGE_VIEWS entity page views (models of every environment + runs), 50 at a time. */
async function pageViews(backend) {
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
            fetch(`${backend.base}/api/azure-ml/${ENTITY}/models?limit=20`, {
              headers: backend.headers,
            }),
            fetch(`${backend.base}/api/azure-ml/${ENTITY}/runs?limit=20`, {
              headers: backend.headers,
            }),
          ]).then(rs => rs.every(r => r.ok)),
        ),
      )),
    );
  }
  return {
    viewsOk: views.filter(Boolean).length,
    viewCalls: (await armStats()).armCalls,
  };
}

/**
 * 7. Promotions (requireApproval off in bench/app-config.bench.yaml, so a request is approved
 * when made): one promotion timed from the request to `succeeded`, against the ARM time it
 * needs (its round trips at the emulated latency, plus the Retry-After waits ARM asks for
 * between polls of its long-running writes); then PROMOTION_BATCH requests at once, timed until
 * all succeeded (promotions per minute of one instance).
 */
async function promotions(backend) {
  console.log('Promotions: one timed, then a batch …');
  const post = version =>
    fetch(`${backend.base}/api/azure-ml/promotions`, {
      method: 'POST',
      headers: { ...backend.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        entityRef: 'component:default/taxi-fare',
        model: 'taxi-fare-model',
        version,
      }),
    }).then(async res => {
      const body = await res.json();
      if (res.status !== 201) {
        throw new Error(`promotion of ${version}: ${res.status} ${JSON.stringify(body)}`);
      }
      return body.id;
    });
  const succeeded = async id => {
    for (;;) {
      const res = await fetch(`${backend.base}/api/azure-ml/promotions/${id}`, {
        headers: backend.headers,
      });
      const body = await res.json();
      if (body.state === 'succeeded') return;
      if (body.state === 'failed') throw new Error(`promotion ${id} failed: ${body.lastError}`);
      await sleep(20);
    }
  };
  await resetArmStats();
  const started = performance.now();
  await succeeded(await post('1000'));
  const oneMs = performance.now() - started;
  const stats = await armStats();
  const polls =
    (stats.byRoute.Operations_GetStatus ?? 0) + (stats.byRoute.Operations_GetResult ?? 0);
  const armMs = stats.armCalls * LATENCY_MS + polls * 1000;

  const versions = Array.from({ length: PROMOTION_BATCH }, (_, i) => String(2000 + i));
  const batchStarted = performance.now();
  const ids = await Promise.all(versions.map(post));
  await Promise.all(ids.map(succeeded));
  const batchMs = performance.now() - batchStarted;
  return {
    oneMs,
    armCalls: stats.armCalls,
    polls,
    armMs,
    batchMs,
    perMinute: (PROMOTION_BATCH / batchMs) * 60000,
  };
}

/**
 * DNS validation of dev through the portal: wall time and ARM reads of a healthy run, then a
 * run where one name times out (the emulator's DNS server does not answer it), which shows
 * whether the lookups run in parallel: its resolution phase should cost one slowest lookup.
 */
async function dnsValidation(backend) {
  console.log('DNS validation: a healthy run, then one with a name that times out …');
  const validate = async () => {
    const res = await fetch(
      `${backend.base}/api/azure-ml/environments/dev/dns-validations`,
      { method: 'POST', headers: backend.headers },
    );
    const body = await res.json();
    if (res.status !== 201) {
      throw new Error(`DNS validation: ${res.status} ${JSON.stringify(body)}`);
    }
    return body;
  };
  const setDnsFaults = dns =>
    fetch(`${ARM}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dns }),
    });
  await resetArmStats();
  const started = performance.now();
  const healthy = await validate();
  const wallMs = performance.now() - started;
  const { armCalls } = await armStats();
  await setDnsFaults({ timeout: [healthy.names[0].fqdn] });
  try {
    const slow = await validate();
    return { wallMs, armCalls, healthy, slow };
  } finally {
    await setDnsFaults({});
  }
}

/** Ends phase 2: stops the portal backend; the maximum RSS sampled while it ran. */
async function stopPortalBackend({ backend, sampler }) {
  const maxRss = sampler.stop();
  await stop(backend.child);
  return maxRss;
}

/** Memory of one more backend (port 7109): at ready, and at most under the closed-loop load. */
async function memoryRun(label, configs, entry, nodeArgs, built) {
  console.log(`${label} …`);
  const backend = await startBackend(7109, configs, entry, nodeArgs, built);
  const sampler = rssSampler(backend.child.pid);
  await timed(modelsUrl(backend), backend.headers);
  const ready = treeRssMb(backend.child.pid);
  const result = await load(modelsUrl(backend), backend.headers);
  const max = sampler.stop();
  await stop(backend.child);
  return {
    ready,
    max,
    value: `${ready.toFixed(0)}; ${max.toFixed(0)} MB (${Math.round(
      result.requests.average,
    )} req/s)`,
  };
}

/**
 * 7. Memory: the azure-ml slice backend with the heap cap, then the portal backend's production
 * build with V8's default heap and with the cap.
 */
async function memory() {
  const configs = [
    'bench/app-config.bench.yaml',
    'bench/app-config.bench-port-7109.yaml',
  ];
  const slice = await memoryRun(
    `Azure ML slice backend (auth, catalog, permission, azure-ml) with ${HEAP_CAP}`,
    configs,
    'bench/slice-backend.ts',
    [HEAP_CAP],
  );
  console.log(
    'Building the backend as the Dockerfile does (yarn tsc, yarn build:backend, production install) …',
  );
  const builtDir = prepareBuiltBackend();
  const built = await memoryRun(
    `Portal backend, production build, default heap`,
    configs,
    undefined,
    [],
    builtDir,
  );
  const capped = await memoryRun(
    `Portal backend, production build, ${HEAP_CAP}`,
    configs,
    undefined,
    [HEAP_CAP],
    builtDir,
  );
  return { slice, built, capped };
}

/** 8. A backend with caching and single-flight off (port 7108) under the closed-loop load. */
async function uncached() {
  console.log('Caching and single-flight disabled …');
  const backend = await startBackend(7108, [
    'bench/app-config.bench.yaml',
    'bench/app-config.bench-nocache.yaml',
  ]);
  await timed(`${backend.base}/api/azure-ml/environments`, backend.headers);
  const result = await load(modelsUrl(backend), backend.headers);
  await stop(backend.child);
  return result;
}

module.exports = {
  promotions,
  dnsValidation,
  emulator,
  portalBackend,
  coldRequests,
  closedLoop,
  openLoopRounds,
  pageViews,
  stopPortalBackend,
  memory,
  uncached,
};
