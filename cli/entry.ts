/** The CLI program (bundled to dist/cli.mjs and its chunks; `bin/inferra.js` starts it). */
const [first] = process.argv.slice(2);
/** The commands that run work in the statistics worker (a data-free analysis does not, and leaves the early worker unused). */
const WORKER_COMMANDS = new Set(['analyze', 'describe', 'decide', 'ask', 'run']);
/** Those of them that run an analysis on data: the early worker also loads the statistics modules while it waits. */
const ANALYSIS_COMMANDS = new Set(['analyze', 'ask', 'run']);
if (first === '--version' || first === '-v') {
  // The fast path: no kernel, no worker, no DuckDB.
  const { versionText } = await import('./version.js');
  process.stdout.write(`${versionText()}\n`);
} else {
  // Commands that run analyses start the statistics worker first: its modules and DuckDB load on
  // the other core while this thread loads the kernel (kernel/worker/prestart.ts).
  const args = process.argv.slice(3);
  if (WORKER_COMMANDS.has(first ?? '') && !args.includes('--help') && !args.includes('-h')) {
    (await import('../kernel/worker/prestart.js')).prestartWorker(ANALYSIS_COMMANDS.has(first ?? ''));
  }
  const { runCli } = await import('./main.js');
  await runCli();
}
