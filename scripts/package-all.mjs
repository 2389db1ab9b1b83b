// npm run package:all — one VSIX per platform VS Code runs on, from one build:
//   dist/vsix/inferra-<target>-<version>.vsix   for darwin-arm64, darwin-x64, win32-x64, linux-x64, linux-arm64
// The bundles are built once (production); for each target, dist/node_modules is replaced with that
// platform's DuckDB and resvg packages (fetched at their locked versions, checked against
// package-lock.json's sha512, scripts/package-natives.mjs) and `vsce package --target` packs it.
// `npm run package:all -- linux-x64 win32-x64` builds only those targets.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, TARGETS, stageNatives } from './package-natives.mjs';

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((t) => !TARGETS[t]);
if (unknown.length) {
  console.error(`package:all: unknown target ${unknown.join(', ')}. Targets: ${Object.keys(TARGETS).join(', ')}.`);
  process.exit(1);
}
const targets = requested.length ? requested : Object.keys(TARGETS);
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vsce = join(createRequire(join(ROOT, 'package.json')).resolve('@vscode/vsce/package.json'), '..', 'vsce');
const outDir = join(ROOT, 'dist', 'vsix');

const run = (command, args) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });

run(process.execPath, ['esbuild.mjs', '--production']);
mkdirSync(outDir, { recursive: true });
const built = [];
try {
  for (const target of targets) {
    stageNatives(target);
    const file = join(outDir, `${name}-${target}-${version}.vsix`);
    rmSync(file, { force: true });
    run(process.execPath, [vsce, 'package', '--target', target, '--no-dependencies', '--out', file]);
    built.push({ target, file, bytes: statSync(file).size });
  }
} finally {
  // dist/node_modules holds the last target's natives; the next build or `npm run package` stages its own.
  rmSync(join(ROOT, 'dist', 'node_modules'), { recursive: true, force: true });
}
for (const { target, file, bytes } of built) console.log(`${target.padEnd(13)} ${(bytes / 1024 / 1024).toFixed(1).padStart(5)} MB  ${file}`);
