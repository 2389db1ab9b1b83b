// Copies the native runtime the bundles load at run time (DuckDB's binding for the worker, resvg for
// the report) into dist/node_modules, so a VSIX packaged with --no-dependencies still works: Node
// resolves `require('@duckdb/node-bindings-linux-x64/duckdb.node')` from dist/worker.mjs upwards.
// Usage: node test/e2e/stage-native.mjs   (after the build, before vsce package)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const target = join(root, 'dist', 'node_modules');

/** The package folder of a dependency, resolved as the bundles would. */
function packageDir(name, from = root) {
  const requireFrom = createRequire(join(from, 'package.json'));
  return dirname(requireFrom.resolve(`${name}/package.json`));
}

/** A package and, recursively, its installed dependencies and optional (platform) dependencies. */
function collect(name, from, seen) {
  let dir;
  try {
    dir = packageDir(name, from);
  } catch {
    return; // an optional dependency for another platform
  }
  if (seen.has(name)) return;
  seen.set(name, dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]) collect(dep, dir, seen);
}

const seen = new Map();
for (const name of ['@duckdb/node-bindings', '@resvg/resvg-js']) collect(name, root, seen);
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const [name, dir] of seen) {
  cpSync(dir, join(target, name), { recursive: true, dereference: true, filter: (src) => !/\.(md|map)$/.test(src) });
}
console.error(`stage-native: ${[...seen.keys()].join(', ')} -> dist/node_modules`);
if (!existsSync(join(target, '@duckdb/node-bindings'))) process.exit(1);
