// Load generation (autocannon on loopback) and the statistics the report takes from it.
const autocannon = require('autocannon');
const { CONNECTIONS, DURATION_S } = require('./config');

/** Closed loop: `connections` connections, each sending its next request on each answer. */
function load(url, headers, connections = CONNECTIONS) {
  return autocannon({
    url,
    connections,
    duration: DURATION_S,
    headers,
  });
}

const percentile = (sorted, p) =>
  sorted.length === 0
    ? NaN
    : sorted[
        Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
      ];

/**
 * Fixed arrival rate: autocannon's `overallRate` (`rate` requests per second over all
 * connections, each connection allowed rate ÷ connections per second). Percentiles are those of
 * this run's own 2xx responses, each response's time as autocannon measures it (send to last
 * byte), kept to the microsecond: autocannon's own histogram holds whole milliseconds and, with a
 * rate set, "corrects" for coordinated omission with an expected interval of
 * Math.ceil(1 / per-connection rate) = 1 ms whatever the rate, which inflates the upper
 * percentiles of any response slower than 1 ms — so that correction is switched off.
 */
async function openLoop(url, headers, rate, connections) {
  const latencies = [];
  const instance = autocannon({
    url,
    headers,
    connections,
    overallRate: rate,
    duration: DURATION_S,
    ignoreCoordinatedOmission: true,
  });
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    rate,
    connections: Math.min(connections, rate),
    achieved: result.requests.total / result.duration,
    count: latencies.length,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The round with the median throughput. */
const medianRun = runs =>
  [...runs].sort((a, b) => a.requests.average - b.requests.average)[
    Math.floor(runs.length / 2)
  ];

const median = values =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

module.exports = { load, openLoop, medianRun, median, percentile };
