// The table `yarn bench` prints: one row per figure, with its target and PASS/MISS.
const {
  CONNECTIONS,
  DURATION_S,
  HEAP_CAP,
  LARGE_REGISTRY,
  LATENCY_MS,
  OPEN_LOOP_SHARE,
  PAGE_VIEWS,
  PROMOTION_BATCH,
  ROUNDS,
} = require('./config');
const { median } = require('./load');

const fmt = r =>
  `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${
    r.latency.p99
  } ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}`;

/** Sub-millisecond figures of the open loop, to the hundredth below 10 ms. */
const ms = v => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
const pct = r => `${(r * 100).toFixed(0)} %`;

/** The rows, from the figures of each phase (see ./phases.js). */
function rows({
  arm,
  portal,
  cold,
  closed,
  open,
  views,
  promotions,
  dns,
  portalMaxRss,
  memory,
  uncached,
}) {
  const out = [];
  const row = (measure, value, target, ok) =>
    out.push({
      measure,
      value,
      target,
      verdict: ok === undefined ? '' : ok ? 'PASS' : 'MISS',
    });
  const { bare, warm, quiet, ratio, roundRatios } = closed;

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
    `${pct(ratio)}, median of rounds ${roundRatios.map(pct).join(', ')}`,
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

  const failed = open.bare.failed + open.warm.failed;
  // The figures stand only if the connections carried the rate (see openLoopRounds).
  const carried =
    Math.min(open.bare.achieved, open.warm.achieved) >= 0.95 * open.rate;
  row(
    `open loop: bare vs warm …/models at ${open.rate} req/s = ${
      OPEN_LOOP_SHARE * 100
    } % of bare capacity (${open.connections} conns, median of ${ROUNDS})`,
    `bare p50 ${ms(open.bare.p50)}, p99 ${ms(open.bare.p99)}; warm p50 ${ms(
      open.warm.p50,
    )}, p99 ${ms(open.warm.p99)} (${Math.round(
      open.bare.achieved,
    )}; ${Math.round(open.warm.achieved)} req/s done${
      failed ? `, ${failed} failed` : ''
    })`,
    'warm p99 ≤ 25 ms, rate carried',
    open.warm.p99 <= 25 && failed === 0 && carried,
  );
  row(
    'open loop: warm p99 ÷ bare p99 (each warm round ÷ the bare round before it)',
    `${open.p99Ratio.toFixed(2)} ×, median of rounds ${open.p99Ratios
      .map(r => `${r.toFixed(2)} ×`)
      .join(', ')}`,
    '≤ 1.5 ×',
    open.p99Ratio <= 1.5,
  );

  row(
    'one ARM round trip: first page of versions (the cold page waits for it)',
    `${arm.armList.toFixed(0)} ms`,
    '',
  );
  row(
    'one ARM round trip: GET of the model container',
    `${arm.armGet.toFixed(0)} ms`,
    '',
  );
  const ratioOf = v =>
    `${v.toFixed(0)} ms = ${(v / arm.armList).toFixed(2)} × ARM`;
  row(
    'cold: entity access + ARM page cold, median of 3 (first request + 2 after 11 s)',
    `${ratioOf(median(cold.fullyCold))}; first ${ratioOf(cold.first)}`,
    '≤ 1.3 ×',
    median(cold.fullyCold) / arm.armList <= 1.3,
  );
  row(
    'cold: ARM page cold (access decision cached), median of 5',
    ratioOf(median(cold.coldSamples)),
    '≤ 1.3 ×',
    median(cold.coldSamples) / arm.armList <= 1.3,
  );
  row(
    `ARM reads per ${PAGE_VIEWS} page views (models + runs)`,
    `${views.viewCalls} (${views.viewsOk} views OK)`,
    '≤ 5',
    views.viewCalls <= 5,
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
    `${cold.firstPageCalls} ARM calls`,
    '≤ 2',
    cold.firstPageCalls <= 2,
  );
  row(
    'portal backend RSS (all plugins): started; ready; before load; max',
    `${portal.startedRss.toFixed(0)}; ${portal.readyRss.toFixed(
      0,
    )}; ${cold.rssBeforeLoad.toFixed(0)}; ${portalMaxRss.toFixed(0)} MB`,
    '< 400 MB',
    portalMaxRss < 400,
  );
  row(
    `azure-ml slice backend RSS with ${HEAP_CAP}: ready; max under the warm load`,
    memory.slice.value,
    '< 400 MB',
    memory.slice.max < 400,
  );
  row(
    'portal backend RSS, production build, default heap: ready; max under the warm load',
    memory.built.value,
    '< 400 MB',
    memory.built.max < 400,
  );
  row(
    `portal backend RSS, production build, ${HEAP_CAP}: ready; max under the warm load`,
    memory.capped.value,
    '< 400 MB',
    memory.capped.max < 400,
  );
  row(
    'promotion: request → succeeded, vs the ARM time it needs',
    `${(promotions.oneMs / 1000).toFixed(2)} s vs ${(promotions.armMs / 1000).toFixed(
      2,
    )} s (${promotions.armCalls} ARM calls × ${LATENCY_MS} ms + ${promotions.polls} Retry-After waits × 1 s): ${(
      promotions.oneMs / promotions.armMs
    ).toFixed(2)} ×`,
    '≤ 1.5 ×',
    promotions.oneMs <= 1.5 * promotions.armMs,
  );
  row(
    `promotions sustained by one instance (${PROMOTION_BATCH} requested at once)`,
    `${promotions.perMinute.toFixed(0)} / min (${(promotions.batchMs / 1000).toFixed(1)} s for all)`,
    'reported',
  );
  row(
    `DNS validation of dev (${dns.healthy.names.length} names): wall time, ARM reads`,
    `${dns.wallMs.toFixed(0)} ms, ${dns.armCalls} ARM reads (run says ${dns.healthy.armReads}), ${
      dns.healthy.findings.length
    } findings`,
    '≤ 250 ARM reads (the read budget), 0 findings',
    dns.armCalls <= 250 && dns.healthy.findings.length === 0,
  );
  row(
    'DNS validation, one name timing out: resolution phase vs slowest single lookup',
    `${dns.slow.resolveMs} ms vs ${dns.slow.slowestLookupMs} ms: ${(
      dns.slow.resolveMs / dns.slow.slowestLookupMs
    ).toFixed(2)} × (whole run ${dns.slow.durationMs} ms)`,
    '≤ 2 ×',
    dns.slow.resolveMs <= 2 * dns.slow.slowestLookupMs,
  );
  return out;
}

/** Prints the table, and the wall time of the whole run. */
function print(table, startedAt) {
  console.log(
    `\nazure-ml read API benchmark — emulator ${LATENCY_MS} ms/ARM call, ${CONNECTIONS} connections × ${DURATION_S} s, node ${process.version}\n`,
  );
  const keys = ['measure', 'value', 'target', 'verdict'];
  const widths = keys.map(k =>
    Math.max(k.length, ...table.map(r => String(r[k]).length)),
  );
  const line = cells =>
    `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(keys));
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table) console.log(line(keys.map(k => r[k])));
  const s = Math.round((Date.now() - startedAt) / 1000);
  console.log(`\nwall time ${Math.floor(s / 60)} min ${s % 60} s`);
}

module.exports = { rows, print };
