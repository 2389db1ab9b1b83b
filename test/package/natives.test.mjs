// scripts/package-natives.mjs: the native packages each VSIX ships come at the versions
// package-lock.json records and are refused unless their tarball's sha512 is the lock file's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TARGETS, fetchVerified, integrityOf, nativePackages, readLock } from '../../scripts/package-natives.mjs';

describe('native packages of the VSIXes (scripts/package-natives.mjs)', function () {
  const lock = readLock();
  let cache;
  beforeEach(function () {
    cache = mkdtempSync(join(tmpdir(), 'inferra-native-cache-'));
  });
  afterEach(function () {
    rmSync(cache, { recursive: true, force: true });
  });

  for (const target of Object.keys(TARGETS)) {
    it(`${target}: DuckDB's and resvg's packages at their locked versions, each with a sha512 from the lock file`, function () {
      const packages = nativePackages(target, lock);
      const names = packages.map((p) => p.name);
      for (const root of ['@duckdb/node-bindings', '@resvg/resvg-js']) assert.ok(names.includes(root), `${root} missing`);
      for (const pkg of TARGETS[target]) assert.ok(names.includes(pkg), `${pkg} missing`);
      assert.ok(names.includes('detect-libc'), "the DuckDB binding's own dependency is shipped");
      for (const pkg of packages) {
        assert.equal(pkg.version, lock.packages[`node_modules/${pkg.name}`].version);
        assert.match(pkg.integrity, /^sha512-[A-Za-z0-9+/]{86}==$/);
      }
    });
  }

  it('refuses to package when the lock file has no hash for a platform package', function () {
    const stripped = structuredClone(lock);
    delete stripped.packages['node_modules/@duckdb/node-bindings-win32-x64'].integrity;
    assert.throws(() => nativePackages('win32-x64', stripped), /no sha512 integrity for @duckdb\/node-bindings-win32-x64@.*lock-foreign-platforms/);
  });

  it('names the targets when asked for an unknown one', function () {
    assert.throws(() => nativePackages('sunos-sparc', lock), /Unknown target 'sunos-sparc'\. Targets: darwin-arm64, darwin-x64, win32-x64, linux-x64, linux-arm64/);
  });

  it('refuses a downloaded tarball whose hash is not the lock file\'s', function () {
    const pkg = nativePackages('linux-x64', lock).find((p) => p.name === 'detect-libc');
    const forged = { ...pkg, integrity: `sha512-${Buffer.alloc(64, 1).toString('base64')}` };
    assert.throws(() => fetchVerified(forged, cache), /detect-libc@.*is not the one in package-lock\.json.*refusing to package it/);
  });

  it('replaces a cached tarball that was altered with the verified one', function () {
    const pkg = nativePackages('linux-x64', lock).find((p) => p.name === 'detect-libc');
    const file = fetchVerified(pkg, cache);
    assert.equal(integrityOf(file), pkg.integrity);
    writeFileSync(file, 'not the package');
    assert.equal(fetchVerified(pkg, cache), file);
    assert.equal(integrityOf(file), pkg.integrity);
  });
});
