#!/usr/bin/env node
// The `inferra` command. Runs the built CLI (dist/cli.mjs, made by `npm run build`, which `npm ci`
// runs through the `prepare` script); in a source checkout without a build it runs the TypeScript
// sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/entry.ts');
}
