// Child processes of the benchmark: started in their own process group, logged to bench/.logs/,
// stopped as a whole tree; and the resident memory of a process tree.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, LOG_DIR } = require('./config');

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

/** Stops every child started so far. */
const stopAll = () => Promise.all(children.map(stop));

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

/** Samples treeRssMb(pid) every 250 ms; stop() ends the sampling and returns the maximum. */
function rssSampler(pid) {
  let max = 0;
  const timer = setInterval(() => {
    max = Math.max(max, treeRssMb(pid));
  }, 250);
  return {
    get max() {
      return max;
    },
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}

module.exports = {
  sleep,
  start,
  stop,
  stopAll,
  waitFor,
  treeRssMb,
  rssSampler,
};
