// Builds every runnable piece of Inferra into dist/:
//   dist/cli.mjs (+ its chunks dist/cli-*.mjs), dist/worker.mjs (+ dist/worker-*.mjs), dist/report.mjs   Node ESM (the CLI, the worker thread, the report exporter)
//   dist/extension.js                                 the VS Code extension host bundle (CommonJS, `vscode` external),
//   dist/kernel-api.js                                small at activation; the kernel it loads on first use
//   dist/renderers/result.js, dist/renderers/vega.js  notebook renderers (browser ESM)
// Native modules (DuckDB's binding, resvg) stay external and load from node_modules.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const nativeExternals = ['@duckdb/node-bindings*', '@resvg/resvg-js', 'vscode'];
// Bundled CommonJS dependencies call require() for Node built-ins; ESM output needs one.
const requireShim = "import { createRequire as __inferraCreateRequire } from 'node:module'; const require = __inferraCreateRequire(import.meta.url);";

/** Versions of the engines bundled in, for provenance (a bundle has no package.json to read them from). */
const versionOf = (manifest) => JSON.parse(readFileSync(manifest, 'utf8')).version;
const buildVersions = {
  inferra: versionOf('package.json'),
  stdlib_stats: versionOf('node_modules/@stdlib/stats/package.json'),
  duckdb: versionOf('node_modules/@duckdb/node-api/package.json'),
};

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: nativeExternals,
  legalComments: 'none',
  minify: production,
  define: { 'process.env.INFERRA_BUNDLED': '"1"', 'process.env.INFERRA_BUILD_VERSIONS': JSON.stringify(JSON.stringify(buildVersions)) },
};

const builds = [
  { ...node, entryPoints: { report: 'kernel/report/export.ts' }, outdir: 'dist', format: 'esm', outExtension: { '.js': '.mjs' }, banner: { js: requireShim } },
  // The worker is split too (dist/worker-*.mjs): what it imports lazily (the Excel and SPSS readers,
  // the statistics and figures) is parsed only when a task needs it.
  { ...node, entryPoints: { worker: 'kernel/worker/worker.ts' }, outdir: 'dist', format: 'esm', splitting: true, chunkNames: 'worker-[hash]', outExtension: { '.js': '.mjs' }, banner: { js: requireShim } },
  // The CLI is split into chunks (dist/cli-*.mjs, beside it so that paths relative to a module hold):
  // a command loads only what it uses, so `inferra --version` does not evaluate the whole kernel.
  { ...node, entryPoints: { cli: 'cli/entry.ts' }, outdir: 'dist', format: 'esm', splitting: true, chunkNames: 'cli-[hash]', outExtension: { '.js': '.mjs' }, banner: { js: requireShim } },
  // The CommonJS bundle has no import.meta; modules that use it fall back to __dirname there.
  { ...node, entryPoints: { extension: 'extension/extension.ts', 'kernel-api': 'extension/kernel-api.ts' }, outdir: 'dist', format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    sourcemap: 'linked',
    logLevel: 'warning',
    minify: true,
    legalComments: 'none',
    entryPoints: { result: 'renderers/result/index.ts', vega: 'renderers/vega/index.ts' },
    outdir: 'dist/renderers',
  },
];

mkdirSync('dist', { recursive: true });
// Chunks of an earlier CLI build have other hashes: remove them so dist/ holds one build's chunks.
for (const name of readdirSync('dist')) if (/^(cli|worker)-[A-Z0-9]+\.mjs(\.map)?$/i.test(name)) rmSync(`dist/${name}`);
// dist/*.js is CommonJS (the extension host loads it with require); dist/*.mjs is ESM.
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');

const missing = builds.flatMap((b) => Object.values(b.entryPoints)).filter((p) => !existsSync(p));
if (missing.length) {
  console.error(`esbuild.mjs: missing entry points: ${missing.join(', ')}`);
  process.exit(1);
}

const started = Date.now();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.error('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.error(`esbuild: built dist/ in ${Date.now() - started} ms`);
}
