/**
 * npm run golden:update — rewrites test/golden/*.golden.json from a run of every samples/*.inferra with
 * the built CLI (run `npm run build` first). Review the diff: a changed number or sentence is a
 * change of what researchers see.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenPath, ROOT, runSample } from '../test/support/golden.js';

for (const name of readdirSync(join(ROOT, 'samples')).filter((n) => n.endsWith('.inferra')).sort()) {
  const golden = runSample(join(ROOT, 'samples', name));
  writeFileSync(goldenPath(name), `${JSON.stringify(golden, null, 1)}\n`);
  console.log(`${goldenPath(name)}: ${golden.cells.length} cells`);
}
