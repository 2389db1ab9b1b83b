// The native runtime a VSIX carries for one target platform: DuckDB's binding and resvg, each as the
// platform-independent JavaScript package plus the one platform package for the target.
//
// Every package is fetched with `npm pack NAME@VERSION` at the version package-lock.json records,
// into a cache folder, and its tarball's sha512 is checked against the lock file's integrity before
// use; a tarball that does not match is refused. `stageNatives()` unpacks them into
// dist/node_modules, where the bundles (dist/worker.mjs, dist/report.mjs) find them at run time.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The VSIX targets and, for each, the platform packages of DuckDB and resvg it ships. */
export const TARGETS = {
  'darwin-arm64': ['@duckdb/node-bindings-darwin-arm64', '@resvg/resvg-js-darwin-arm64'],
  'darwin-x64': ['@duckdb/node-bindings-darwin-x64', '@resvg/resvg-js-darwin-x64'],
  'win32-x64': ['@duckdb/node-bindings-win32-x64', '@resvg/resvg-js-win32-x64-msvc'],
  'linux-x64': ['@duckdb/node-bindings-linux-x64', '@resvg/resvg-js-linux-x64-gnu'],
  'linux-arm64': ['@duckdb/node-bindings-linux-arm64', '@resvg/resvg-js-linux-arm64-gnu'],
};

/** The packages the bundles leave external (esbuild.mjs), shipped with their runtime dependencies. */
export const NATIVE_ROOTS = ['@duckdb/node-bindings', '@resvg/resvg-js'];

/** Files of a package a user does not need at run time. */
const UNNEEDED = /(\.md|\.map|\.d\.ts)$/i;

/** The target of this machine, e.g. 'linux-x64'. */
export function hostTarget() {
  return `${process.platform}-${process.arch}`;
}

/** Where fetched tarballs are kept between builds: $INFERRA_NATIVE_CACHE, else ~/.cache/inferra-native. */
export function cacheDir() {
  return process.env.INFERRA_NATIVE_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'inferra-native');
}

export function readLock(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
}

/** The lock entry of a package as installed at the top level (or below `parentKey`, as npm would resolve it). */
function lockEntry(lock, name, parentKey = '') {
  for (let key = parentKey; ; key = key.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
    const entry = lock.packages[`${key ? `${key}/` : ''}node_modules/${name}`];
    if (entry) return { key: `${key ? `${key}/` : ''}node_modules/${name}`, entry };
    if (!key) return undefined;
  }
}

/**
 * The packages a target's VSIX ships, with the version and integrity package-lock.json records:
 * the native roots, their (non-optional) dependencies, and the target's platform packages.
 */
export function nativePackages(target, lock = readLock()) {
  const platform = TARGETS[target];
  if (!platform) throw new Error(`Unknown target '${target}'. Targets: ${Object.keys(TARGETS).join(', ')}.`);
  const found = new Map();
  const visit = (name, parentKey) => {
    if (found.has(name)) return;
    const hit = lockEntry(lock, name, parentKey);
    if (!hit) throw new Error(`package-lock.json has no entry for ${name}; run npm install.`);
    found.set(name, { name, version: hit.entry.version, integrity: hit.entry.integrity });
    for (const dep of Object.keys(hit.entry.dependencies ?? {})) visit(dep, hit.key);
  };
  for (const name of [...NATIVE_ROOTS, ...platform]) visit(name, '');
  for (const pkg of found.values()) {
    if (!/^sha512-/.test(pkg.integrity ?? '')) {
      throw new Error(`package-lock.json has no sha512 integrity for ${pkg.name}@${pkg.version}; run node scripts/lock-foreign-platforms.mjs.`);
    }
  }
  return [...found.values()];
}

/** The sha512 integrity string of a file, as npm writes it. */
export function integrityOf(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** The cached tarball of a package, fetched with `npm pack` if missing; throws if it does not match the lock file. */
export function fetchVerified(pkg, cache = cacheDir()) {
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (existsSync(file) && integrityOf(file) === pkg.integrity) return file;
  rmSync(file, { force: true });
  const scratch = mkdtempSync(join(tmpdir(), 'inferra-pack-'));
  try {
    const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', scratch, '--json', '--loglevel=error'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
    });
    const [{ filename }] = JSON.parse(out);
    const fetched = join(scratch, filename);
    const actual = integrityOf(fetched);
    if (actual !== pkg.integrity) {
      throw new Error(`${pkg.name}@${pkg.version}: the downloaded tarball's hash ${actual} is not the one in package-lock.json (${pkg.integrity}); refusing to package it.`);
    }
    renameSync(fetched, file);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return file;
}

/** Unpacks a verified tarball into `dir` (its `package/` folder becomes `dir`), without the files users do not need. */
function unpack(tarball, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { stdio: 'inherit' });
  const prune = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) prune(path);
      else if (UNNEEDED.test(name)) rmSync(path);
    }
  };
  prune(dir);
}

/** Replaces `<root>/dist/node_modules` with the native runtime of `target`; returns the packages staged. */
export function stageNatives(target, { root = ROOT, log = (line) => console.error(line) } = {}) {
  const packages = nativePackages(target, readLock(root));
  const tarballs = packages.map((pkg) => ({ pkg, tarball: fetchVerified(pkg) }));
  const modules = join(root, 'dist', 'node_modules');
  rmSync(modules, { recursive: true, force: true });
  for (const { pkg, tarball } of tarballs) unpack(tarball, join(modules, pkg.name));
  log(`natives for ${target}: ${packages.map((p) => `${p.name}@${p.version}`).join(', ')} -> dist/node_modules (sha512 checked)`);
  return packages;
}
