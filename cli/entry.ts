/** The CLI program (bundled to dist/cli.mjs and its chunks; `bin/inferra.js` starts it). */
const [first] = process.argv.slice(2);
if (first === '--version' || first === '-v') {
  // The fast path: no kernel, no worker, no DuckDB.
  const { versionText } = await import('./version.js');
  process.stdout.write(`${versionText()}\n`);
} else {
  const { runCli } = await import('./main.js');
  await runCli();
}
