/**
 * Engine versions for provenance: Inferra, @stdlib/stats, DuckDB and Node. Versions are read from
 * the packages' own package.json files (under Inferra's root, found by walking up from this module,
 * in `node_modules/` or the VSIX's `dist/node_modules/`), so collecting them never loads DuckDB's
 * native library in the host process. `duckdb` is the version of `@duckdb/node-api` (or of its
 * native `@duckdb/node-bindings`, which has the same number; `1.5.6-r.1` carries DuckDB 1.5.6).
 * A bundle (dist/*.mjs, dist/kernel-api.js in the VSIX) carries the versions it was built with
 * (esbuild.mjs defines `INFERRA_BUILD_VERSIONS`), since the bundled packages' manifests are not
 * shipped. Failing both, the range declared in Inferra's package.json is reported (e.g. `^0.4.1`),
 * then `unknown`. Callers that know better (the worker can ask
 * DuckDB `select version()`) pass overrides.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvironmentRecord } from './record.js';

let cached: EnvironmentRecord | undefined;

/** The versions of the engines a run used (files read once, then cached); `overrides` win. */
export function collectEnvironment(overrides: Partial<EnvironmentRecord> = {}): EnvironmentRecord {
  if (!cached) {
    const built = buildVersions();
    const root = built ? undefined : findPackageRoot(moduleDir());
    cached = {
      inferra: built?.inferra ?? (root ? readVersion(join(root, 'package.json')) : 'unknown'),
      stdlib_stats: built?.stdlib_stats ?? (root ? readDependencyVersion(root, ['@stdlib/stats']) : 'unknown'),
      duckdb: built?.duckdb ?? (root ? readDependencyVersion(root, ['@duckdb/node-api', '@duckdb/node-bindings']) : 'unknown'),
      node: process.versions.node,
      platform: `${process.platform}-${process.arch}`,
    };
  }
  return { ...cached, ...overrides };
}

/** The versions a bundle was built with, if this code runs from one. */
function buildVersions(): { inferra?: string; stdlib_stats?: string; duckdb?: string } | undefined {
  const defined = process.env.INFERRA_BUILD_VERSIONS;
  if (!defined) return undefined;
  try {
    return JSON.parse(defined) as { inferra?: string; stdlib_stats?: string; duckdb?: string };
  } catch {
    return undefined;
  }
}

/** This module's folder, in ESM (tsx, dist/*.mjs) and in the CommonJS extension bundle alike. */
function moduleDir(): string {
  // esbuild empties import.meta in CommonJS output; there __dirname is the bundle's folder.
  if (typeof __dirname === 'string') return __dirname;
  return import.meta.url ? dirname(fileURLToPath(import.meta.url)) : process.cwd();
}

/** The nearest folder at or above `start` whose package.json is Inferra's. */
function findPackageRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'inferra') return dir;
      } catch {
        // An unreadable manifest is not ours; keep walking up.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function readDependencyVersion(root: string, names: string[]): string {
  for (const name of names) {
    for (const modules of ['node_modules', join('dist', 'node_modules')]) {
      const version = readVersion(join(root, modules, name, 'package.json'));
      if (version !== 'unknown') return version;
    }
  }
  return readDeclaredRange(root, names[0]);
}

function readDeclaredRange(root: string, name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    return manifest.dependencies?.[name] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function readVersion(manifest: string): string {
  try {
    const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
