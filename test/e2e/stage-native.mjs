// Puts the native runtime the bundles load at run time (DuckDB's binding for the worker, resvg for the
// report) into dist/node_modules, so a VSIX packaged with --no-dependencies works: Node resolves
// `require('@duckdb/node-bindings-linux-x64/duckdb.node')` from dist/worker.mjs upwards. The packages
// are the ones package-lock.json records, fetched and checked against its hashes exactly as
// `npm run package:all` does (scripts/package-natives.mjs), so the e2e VSIX is the release one.
// Usage: node test/e2e/stage-native.mjs [--target linux-x64]   (after the build, before vsce package;
// default: this machine's platform)
import { hostTarget, stageNatives } from '../../scripts/package-natives.mjs';

const at = process.argv.indexOf('--target');
const target = at >= 0 ? process.argv[at + 1] : hostTarget();
try {
  stageNatives(target);
} catch (error) {
  console.error(`stage-native: ${error.message}`);
  process.exit(1);
}
