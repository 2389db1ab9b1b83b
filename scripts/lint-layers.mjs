// The layering rule of DESIGN.md, enforced: kernel/ never imports `vscode` nor a door, renderers/ import
// only types from kernel/ (values from kernel/contract/ alone), the doors (cli/, extension/) reach the
// kernel through kernel/api.ts, and no two parts of the kernel need each other.
// Exit 1 with one line per violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) yield path;
  }
}

const importPattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(path) {
  const text = readFileSync(path, 'utf8');
  const found = [];
  for (const m of text.matchAll(importPattern)) {
    found.push({ specifier: m[3] ?? m[4], typeOnly: Boolean(m[2]) });
  }
  return found;
}

/**
 * Kernel parts a door loads lazily, each its own bundle or a heavy client loaded only when configured
 * (kernel/api.ts says why): the only kernel imports besides the facade.
 */
const LAZY_ENTRY_POINTS = [
  'kernel/provenance/cli-sink.js',
  'kernel/report/export.js',
  // A leaf (node built-ins only): `inferra --version` answers without evaluating the kernel.
  'kernel/provenance/environment.js',
  // A leaf (node built-ins and the worker's leaves): cli/entry.ts starts the statistics worker
  // before it loads the kernel, so the two load in parallel.
  'kernel/worker/prestart.js',
  // The Supabase client and queue (supabase-js, undici): the extension's lazily loaded kernel-api
  // bundle imports them; kept out of kernel/api.ts so CLI commands do not evaluate them.
  'kernel/api-supabase.js',
  // The data-free analyses (power), run in the CLI's own thread: loaded only for them, so that the
  // other commands, which run analyses in the worker, do not load the statistics in the main thread.
  'kernel/run-without-data.js',
];

const problems = [];
const rules = [
  {
    dir: 'kernel',
    check: ({ specifier }) =>
      specifier === 'vscode' ? 'kernel/ must not import vscode (DESIGN.md: the kernel runs without VS Code)' :
      /(^|\/)(extension|renderers)\//.test(specifier) ? 'kernel/ must not import extension/ or renderers/' : undefined,
  },
  {
    dir: 'renderers',
    check: ({ specifier, typeOnly }) =>
      /(^|\/)kernel\//.test(specifier) && !typeOnly && !/(^|\/)kernel\/contract\//.test(specifier)
        ? 'renderers/ may import only types from kernel/, and values only from kernel/contract/ (pure, no Node)' :
      specifier === 'vscode' ? 'renderers/ run in the browser: no vscode import' : undefined,
  },
  {
    dir: 'kernel/contract',
    check: ({ specifier, typeOnly }) =>
      !specifier.startsWith('./') && !typeOnly && specifier !== 'zod'
        ? 'kernel/contract/ is a leaf the renderers bundle: it imports only its own files, zod (schemas.ts) and types' : undefined,
  },
  ...['extension', 'cli'].map((dir) => ({
    dir,
    check: ({ specifier }) =>
      /(^|\/)kernel\//.test(specifier) && !/(^|\/)kernel\/api\.js$/.test(specifier) && !LAZY_ENTRY_POINTS.some((p) => specifier.endsWith(p))
        ? `${dir}/ reaches the kernel only through kernel/api.ts (the one facade of the doors)`
        : undefined,
  })),
  {
    dir: 'kernel',
    check: ({ specifier }) => (/(^|\/)(cli|extension)\//.test(specifier) && !specifier.startsWith('./') ? 'kernel/ must not import a door (cli/, extension/)' : undefined),
  },
];

for (const { dir, check } of rules) {
  let entries;
  try {
    entries = [...files(join(root, dir))];
  } catch {
    continue;
  }
  for (const path of entries) {
    for (const imp of importsOf(path)) {
      const problem = check(imp);
      if (problem) problems.push(`${relative(root, path)}: imports '${imp.specifier}': ${problem}`);
    }
  }
}

// No cycles between the kernel's parts (its folders, and each file at its top): a part that needs
// another may not be needed by it, directly or through others.
{
  const kernel = join(root, 'kernel');
  const partOf = (path) => {
    const [first, ...rest] = relative(kernel, path).split('/');
    return rest.length ? first : first.replace(/\.(ts|js)$/, '');
  };
  const edges = new Map();
  for (const path of files(kernel)) {
    for (const { specifier } of importsOf(path)) {
      if (!specifier.startsWith('.')) continue;
      const target = join(dirname(path), specifier);
      if (relative(kernel, target).startsWith('..')) continue;
      const [from, to] = [partOf(path), partOf(target)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, relative(root, path));
    }
  }
  const reaches = (start, goal) => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) {
      for (const next of edges.get(stack.pop())?.keys() ?? []) {
        if (next === goal) return true;
        if (!seen.has(next)) seen.add(next), stack.push(next);
      }
    }
    return false;
  };
  for (const [from, targets] of edges) {
    for (const [to, where] of targets) {
      if (reaches(to, from)) problems.push(`${where}: kernel/${from} imports kernel/${to}, which needs kernel/${from} back (a cycle between kernel parts)`);
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`lint-layers: ${problems.length} violation(s)`);
  process.exit(1);
}
console.error('lint-layers: layering rules hold');
