/**
 * Where the statistics worker's script is and how to start it. A leaf (node built-ins only), shared
 * by the host (host.ts) and the early start (prestart.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * The worker script: `INFERRA_WORKER_PATH` if set; else `worker.mjs` beside this module (the ESM CLI
 * bundle `dist/cli.mjs` and the CommonJS extension bundle `dist/extension.js` both ship
 * `dist/worker.mjs`); else `worker.ts` beside it (tests and development under tsx).
 */
export function resolveWorkerPath(): string {
  const override = process.env.INFERRA_WORKER_PATH;
  if (override) return override;
  return resolveWorkerPathIn(typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url)));
}

/** The worker script in a directory: `worker.mjs` when a bundle put it there, else `worker.ts`. */
export function resolveWorkerPathIn(directory: string): string {
  const bundled = join(directory, 'worker.mjs');
  return existsSync(bundled) ? bundled : join(directory, 'worker.ts');
}

/** How to start a worker script: `.mjs`/`.js` directly; TypeScript sources through tsx. */
export function buildWorkerSpawn(workerPath: string): { filename: string; options: WorkerOptions } {
  if (!/\.(c|m)?ts$/.test(workerPath)) return { filename: workerPath, options: {} };
  // Node 20 does not apply `--import tsx` hooks to a worker's entry module ("Unknown file extension
  // .ts"), so a tiny bootstrap registers tsx inside the worker thread and then imports the script.
  const tsxRoot = dirname(createRequire(workerPath).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(workerPath).href;
  const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const execArgv = process.execArgv.filter((arg, i, all) => !/tsx/.test(arg) && !(/^--(import|require|loader)$/.test(arg) && /tsx/.test(all[i + 1] ?? '')));
  return { filename: bootstrap, options: { eval: true, execArgv } };
}

