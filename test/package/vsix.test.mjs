// The platform VSIXes (`npm run package:all`, dist/vsix/): each one's native binaries are built for its
// target and for no other, and everything else — the manifest, the JS bundles, the rules, the JS parts
// of the native packages — is byte for byte the same in all of them.
// Run by `npm run test:package` (which builds them first); INFERRA_VSIX_DIR points at another folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ROOT, TARGETS } from '../../scripts/package-natives.mjs';

const vsixDir = process.env.INFERRA_VSIX_DIR || join(ROOT, 'dist', 'vsix');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** What `file` says about a binary built for each target (a macOS universal binary must include the arch). */
const FORMAT = {
  'darwin-arm64': { kind: /^Mach-O /, arch: /\barm64\b/ },
  'darwin-x64': { kind: /^Mach-O /, arch: /\bx86_64\b/ },
  'win32-x64': { kind: /^PE32\+ executable/, arch: /\bx86-64\b/ },
  'linux-x64': { kind: /^ELF 64-bit LSB/, arch: /\bx86-64\b/ },
  'linux-arm64': { kind: /^ELF 64-bit LSB/, arch: /\bARM aarch64\b/ },
};
/** Any executable format `file` knows; a match that is not the target's is another platform's binary. */
const BINARY = /^(ELF |Mach-O |PE32|MS-DOS executable|COFF )/;
/** Folders of platform-specific packages: the only place a VSIX may differ from the others. */
const PLATFORM_PACKAGE = /^extension\/dist\/node_modules\/(@duckdb\/node-bindings-[^/]+|@resvg\/resvg-js-[^/]+)\//;

function listFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile())
    .map((p) => relative(dir, p).split(sep).join('/'))
    .sort();
}

/** `file -b` for many files at once: path -> description. */
function describeFiles(dir, paths) {
  const out = execFileSync('file', ['-N', '-F', '\t', '--', ...paths], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return new Map(out.trim().split('\n').map((line) => {
    const tab = line.indexOf('\t');
    return [line.slice(0, tab), line.slice(tab + 1).trim()];
  }));
}

describe('platform VSIXes (npm run package:all)', function () {
  const unpacked = new Map(); // target -> { dir, files, bytes }
  let work;

  before(function () {
    work = mkdtempSync(join(tmpdir(), 'inferra-vsix-test-'));
    for (const target of Object.keys(TARGETS)) {
      const vsix = join(vsixDir, `${name}-${target}-${version}.vsix`);
      assert.ok(existsSync(vsix), `${vsix} is missing: run npm run package:all`);
      const dir = join(work, target);
      execFileSync('unzip', ['-q', vsix, '-d', dir]);
      unpacked.set(target, { dir, files: listFiles(dir), bytes: statSync(vsix).size });
    }
  });

  after(function () {
    if (work) rmSync(work, { recursive: true, force: true });
    if (unpacked.size) {
      console.log('\n    VSIX            size      files');
      for (const [target, { bytes, files }] of unpacked) {
        console.log(`    ${target.padEnd(14)} ${(bytes / 1024 / 1024).toFixed(1).padStart(5)} MB ${String(files.length).padStart(6)}`);
      }
    }
  });

  for (const target of Object.keys(TARGETS)) {
    describe(target, function () {
      it('declares its target platform in the VSIX manifest', function () {
        const manifest = readFileSync(join(unpacked.get(target).dir, 'extension.vsixmanifest'), 'utf8');
        assert.match(manifest, new RegExp(`TargetPlatform="${target}"`));
      });

      it(`carries DuckDB and resvg built for ${target}, and no binary of another platform`, function () {
        const { dir, files } = unpacked.get(target);
        const descriptions = describeFiles(dir, files);
        const binaries = [...descriptions].filter(([, what]) => BINARY.test(what));
        const wrong = binaries.filter(([, what]) => !(FORMAT[target].kind.test(what) && FORMAT[target].arch.test(what)));
        assert.deepEqual(wrong, [], `binaries not built for ${target}`);
        const paths = binaries.map(([path]) => path);
        const [duckdbPackage, resvgPackage] = TARGETS[target];
        const inPackage = (pkg, file) => paths.includes(`extension/dist/node_modules/${pkg}/${file}`);
        assert.ok(inPackage(duckdbPackage, 'duckdb.node'), `DuckDB's binding for ${target} is missing; binaries: ${paths.join(', ')}`);
        assert.ok(paths.some((p) => p.startsWith(`extension/dist/node_modules/${duckdbPackage}/`) && /libduckdb|duckdb\.dll/.test(p)), 'the DuckDB library is missing');
        assert.ok(paths.some((p) => p.startsWith(`extension/dist/node_modules/${resvgPackage}/`) && p.endsWith('.node')), `resvg for ${target} is missing`);
        // Nothing of the other targets' packages, binary or not.
        const others = Object.entries(TARGETS).filter(([t]) => t !== target).flatMap(([, pkgs]) => pkgs);
        const foreign = files.filter((f) => others.some((pkg) => f.startsWith(`extension/dist/node_modules/${pkg}/`)));
        assert.deepEqual(foreign, []);
        // Only the target's platform packages: no musl, ARM-Windows or other extra builds.
        const platformPackages = new Set(files.map((f) => PLATFORM_PACKAGE.exec(f)?.[1]).filter(Boolean));
        assert.deepEqual([...platformPackages].sort(), [...TARGETS[target]].sort());
      });

      it('ships only what a user needs: no sources, tests, fixtures or source maps', function () {
        const extra = unpacked.get(target).files.filter(
          (f) => /\.(ts|map|md)$/.test(f) && !/^extension\/(readme|changelog)\.md$/.test(f) && !f.startsWith('extension/media/walkthrough/'),
        ).concat(unpacked.get(target).files.filter((f) => /^extension\/(test|kernel|extension|renderers|bench|scripts|supabase|docs)\//.test(f)));
        assert.deepEqual(extra, []);
      });
    });
  }

  it('has the same manifest, bundles and JavaScript in every VSIX, byte for byte', function () {
    const [first, ...rest] = [...unpacked.keys()];
    // [Content_Types].xml lists the file extensions in the package (.so, .dylib, .dll): the zip's own index.
    const shared = (target) => unpacked.get(target).files.filter((f) => !PLATFORM_PACKAGE.test(f) && f !== '[Content_Types].xml');
    const read = (target, file) => {
      const bytes = readFileSync(join(unpacked.get(target).dir, file));
      // The one target-specific attribute of the VSIX manifest.
      return file === 'extension.vsixmanifest' ? bytes.toString('utf8').replace(/ TargetPlatform="[^"]*"/, '') : bytes;
    };
    assert.ok(shared(first).includes('extension/package.json'));
    assert.ok(shared(first).includes('extension/dist/extension.js'));
    assert.ok(shared(first).includes('extension/dist/worker.mjs'));
    for (const target of rest) {
      assert.deepEqual(shared(target), shared(first), `${target} and ${first} do not hold the same shared files`);
      for (const file of shared(first)) assert.deepEqual(read(target, file), read(first, file), `${file} differs between ${target} and ${first}`);
    }
  });
});
