// `npm run demo`: installs what is missing, builds, runs the sample notebook headlessly into
// samples/out/ (the checked-in sample stays untouched), writes the HTML report, then verifies
// the result by re-running every cell against its recorded provenance.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const step = (title, command, args) => {
  console.error(`\n> ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 && title !== 'run the notebook') process.exit(result.status ?? 1);
  return result.status ?? 1;
};

step('install dependencies if missing', 'node', ['scripts/ensure-deps.mjs']);
step('build', 'node', ['esbuild.mjs']);
mkdirSync(`${root}/samples/out`, { recursive: true });
const status = step('run the notebook', 'node', [
  'bin/inferra.js', 'run', 'samples/penguins.inferra',
  '--out', 'samples/out/penguins.inferra',
  '--html', 'samples/out/penguins.html',
]);
// samples/out/penguins.inferra reads ../penguins.csv, outside its folder: verify needs the user's consent.
step('verify it reproduces', 'node', ['bin/inferra.js', 'verify', 'samples/out/penguins.inferra', '--allow-outside-data']);
console.error(`\nReport: ${root}samples/out/penguins.html (open it in a browser; it works offline).`);
console.error(`Notebook with outputs and provenance: ${root}samples/out/penguins.inferra`);
process.exit(status);
