/**
 * Golden samples: what running `samples/*.inferra` shows, reduced to what a reader sees and relies on
 * (each cell's status, decision, APA sentence, result numbers and table cells, figure kinds). The
 * golden files are written by `npm run golden:update` from a run of the built CLI and reviewed in
 * the diff like any other change; the test compares a fresh run with them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');

/** Relative tolerance for numbers: the engine is deterministic, so only the last bits may move (platform libm). */
export const RELATIVE_TOLERANCE = 1e-9;

/** One cell as the golden file keeps it. */
export interface GoldenCell {
  id: string;
  status: string;
  analysis?: string;
  roles?: Record<string, unknown>;
  summary?: string;
  result?: unknown;
  tables?: unknown;
  figures: string[];
}

export interface Golden {
  notebook: string;
  cells: GoldenCell[];
}

const RESULT_MIME = 'application/vnd.inferra.result+json';
const VEGA_MIME = 'application/vnd.vegalite.v6+json';

/** Runs a sample notebook with the built CLI into a temporary copy and reduces its outputs. */
export function runSample(sample: string): Golden {
  const dir = mkdtempSync(join(tmpdir(), 'inferra-golden-'));
  try {
    const out = join(dir, basename(sample));
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'inferra.js'), 'run', sample, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, XAI_API_KEY: '', INFERRA_SUPABASE_URL: '', INFERRA_PROVENANCE_QUEUE_DIR: join(dir, 'queue') },
    });
    if (run.status !== 0) throw new Error(`inferra run ${sample} exited ${run.status}: ${run.stderr}`);
    return reduceNotebook(basename(sample), JSON.parse(readFileSync(out, 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The golden view of an executed notebook. */
export function reduceNotebook(name: string, notebook: { cells: any[] }): Golden {
  const cells: GoldenCell[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind !== 'ask') continue;
    const items = (cell.outputs ?? []).flatMap((o: any) => o.items);
    const payload = items.find((i: any) => i.mime === RESULT_MIME)?.data;
    const result = payload?.result;
    cells.push({
      id: cell.id,
      status: payload?.status ?? 'not-run',
      analysis: payload?.decision?.analysis,
      roles: payload?.decision?.roles,
      summary: result?.summary,
      result: result?.result,
      tables: result?.tables,
      figures: items.filter((i: any) => i.mime === VEGA_MIME).map((i: any) => String(i.data?.title?.text ?? i.data?.title ?? i.data?.mark ?? 'figure')),
    });
  }
  return { notebook: name, cells };
}

/** Every difference between a fresh value and the golden one, as `path: expected vs actual`. */
export function compareGolden(expected: unknown, actual: unknown, path = '', out: string[] = []): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    if (expected !== actual && Math.abs(expected - actual) > RELATIVE_TOLERANCE * scale) out.push(`${path}: ${expected} vs ${actual}`);
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${path}: ${expected.length} items vs ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) compareGolden(expected[i], actual[i], `${path}[${i}]`, out);
    return out;
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) compareGolden((expected as any)[k], (actual as any)[k], path ? `${path}.${k}` : k, out);
    return out;
  }
  if (expected !== actual) out.push(`${path}: ${JSON.stringify(expected)} vs ${JSON.stringify(actual)}`);
  return out;
}

/** The golden file of a sample notebook. */
export function goldenPath(sample: string): string {
  return join(GOLDEN_DIR, `${basename(sample, '.inferra')}.golden.json`);
}
