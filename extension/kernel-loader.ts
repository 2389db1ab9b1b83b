/**
 * Loads the kernel lazily: activation only registers things; the kernel is compiled and evaluated
 * the first time a notebook is read or a cell runs. In the packaged extension it comes from its own
 * bundles beside `dist/extension.js` (`kernel-api.js`, and `report.mjs` for the HTML report, whose
 * vega needs ESM); unbundled (tests) from the sources.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The kernel modules the extension uses. */
export type KernelApi = typeof import('./kernel-api.js');
/** The HTML report exporter. */
export type ReportApi = typeof import('../kernel/report/export.js');

// Specifiers in variables: esbuild must not pull these modules into the extension bundle.
const KERNEL_SOURCE = './kernel-api.js';
const REPORT_SOURCE = '../kernel/report/export.js';

let kernel: Promise<KernelApi> | undefined;

/** The folder of this module (dist/ when bundled). */
function hereDir(): string {
  return typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/** The kernel, loaded on first use. */
export function loadKernel(): Promise<KernelApi> {
  kernel ??= (async () => {
    const bundled = join(hereDir(), 'kernel-api.js');
    if (typeof require === 'function' && existsSync(bundled) && bundled !== __filename) return require(bundled) as KernelApi;
    return (await import(KERNEL_SOURCE)) as KernelApi;
  })();
  kernel.catch(() => { kernel = undefined; });
  return kernel;
}

/** The notebook format module (parse, serialize, new), loaded on first use. */
export async function loadNotebookFormat(): Promise<KernelApi['notebook']> {
  return (await loadKernel()).notebook;
}

/** The HTML report exporter, from `dist/report.mjs` or the sources. */
export async function loadReport(): Promise<ReportApi> {
  const bundled = join(hereDir(), 'report.mjs');
  return (await import(existsSync(bundled) ? pathToFileURL(bundled).href : REPORT_SOURCE)) as ReportApi;
}

/** The Supabase client and sink, loaded on first use. */
export async function loadProvenance(): Promise<Pick<KernelApi, 'supabase' | 'sink' | 'teams'>> {
  return loadKernel();
}
