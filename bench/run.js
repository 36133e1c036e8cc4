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
//
// The phases live in bench/lib/phases.js, the table in bench/lib/report.js.
const phases = require('./lib/phases');
const report = require('./lib/report');
const { stopAll } = require('./lib/processes');

async function main() {
  const startedAt = Date.now();
  const arm = await phases.emulator();
  const portal = await phases.portalBackend();
  const cold = await phases.coldRequests(portal.backend);
  const closed = await phases.closedLoop(portal.backend);
  const open = await phases.openLoopRounds(
    portal.backend,
    closed.bare,
    closed.quiet,
  );
  const views = await phases.pageViews(portal.backend);
  const promotions = await phases.promotions(portal.backend);
  const dns = await phases.dnsValidation(portal.backend);
  const portalMaxRss = await phases.stopPortalBackend(portal);
  const memory = await phases.memory();
  const uncached = await phases.uncached();
  report.print(
    report.rows({
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
    }),
    startedAt,
  );
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
