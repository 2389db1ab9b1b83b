// The layering rule of DESIGN.md, enforced: kernel/ never imports `vscode` (nor the DOM through
// renderers/), renderers/ import only types from kernel/, extension/ holds no statistics.
// Exit 1 with one line per violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
      !specifier.startsWith('./') && !typeOnly ? 'kernel/contract/ is a leaf the renderers bundle: it imports only its own files (and types)' : undefined,
  },
  {
    dir: 'extension',
    check: ({ specifier }) =>
      /kernel\/analyses\//.test(specifier) ? 'extension/ holds no statistics: go through kernel/session' : undefined,
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

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`lint-layers: ${problems.length} violation(s)`);
  process.exit(1);
}
console.error('lint-layers: layering rules hold');
