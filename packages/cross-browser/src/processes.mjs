// @ts-check
/**
 * Children of the suite (the API server, WebKitWebDriver and its MiniBrowser, xvfb-run and its
 * X server) are spawned `detached`, so each leads its own process group, and are ended with the
 * whole group: nothing they started outlives the run.
 */

/**
 * Ends a detached child's process group: SIGTERM, then SIGKILL after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child @param {number} [graceMs]
 */
export async function killGroup(child, graceMs = 5_000) {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (/** @type {NodeJS.Signals} */ name) => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false; // the group is gone already
    }
  };
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve));
  if (!signal('SIGTERM')) return;
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // The leader may exit before the rest of its group (a driver's browser): end those too.
  signal('SIGKILL');
}
