/**
 * Comparing a fresh re-run of a cell with what its provenance recorded: the verdict `inferra
 * verify` prints, and which numbers differ (by JSON path) when a result diverged.
 */
import { stripResultForDigest } from './canonical.js';
import type { ProvenanceRecord } from './record.js';

/**
 * The verdict for one cell. `edited`: the cell text or what its outputs show no longer matches its
 * record (bind.ts); decided before, and instead of, a re-run.
 */
export type VerifyStatus = 'reproduced' | 'diverged' | 'not-run' | 'data-changed' | 'edited';

/** One value that differs between the stored and the fresh result. */
export interface ResultDifference {
  /** JSON path, e.g. `result.p_value` or `result.comparisons[1].diff`; `$` is the whole value. */
  path: string;
  stored: unknown;
  now: unknown;
}

/** The verdict and, when it is not `reproduced`, what differs. */
export interface RunComparison {
  status: VerifyStatus;
  differences: ResultDifference[];
}

/** What the notebook holds for a cell: its latest record and the result JSON in its outputs. */
export interface StoredRun {
  record?: ProvenanceRecord;
  resultJson?: unknown;
}

/** What a fresh run produced. */
export interface FreshRun {
  datasetSha256: string;
  resultJson: unknown;
  resultDigest: string;
}

/**
 * Compares a fresh run with the stored one. `not-run`: no record. `data-changed`: the dataset's
 * SHA-256 is not the recorded one (a different result proves nothing). `reproduced`: the result
 * digests agree. `diverged`: they do not; `differences` lists the values that changed.
 */
export function compareRun(stored: StoredRun, fresh: FreshRun): RunComparison {
  const record = stored.record;
  if (!record) return { status: 'not-run', differences: [] };
  const recorded = record.datasets.map((d) => d.sha256);
  if (recorded.length > 0 && !recorded.includes(fresh.datasetSha256)) {
    return { status: 'data-changed', differences: [{ path: 'datasets[0].sha256', stored: recorded[0], now: fresh.datasetSha256 }] };
  }
  if (record.result_digest === fresh.resultDigest) return { status: 'reproduced', differences: [] };
  const differences =
    stored.resultJson === undefined
      ? []
      : diffResults(stripResultForDigest(stored.resultJson), stripResultForDigest(fresh.resultJson));
  if (differences.length === 0) {
    // The stored output is missing or was edited to match: the digests are all that can be compared.
    differences.push({ path: 'result_digest', stored: record.result_digest, now: fresh.resultDigest });
  }
  return { status: 'diverged', differences };
}

/**
 * The leaf values that differ between two JSON values, by path. Numbers compare exactly (`-0`
 * equals `0`; NaN equals NaN, as both serialise to null); a key present on one side only is reported
 * with `undefined` on the other; arrays of different lengths report the extra items.
 */
export function diffResults(stored: unknown, now: unknown, path = '$'): ResultDifference[] {
  const out: ResultDifference[] = [];
  collectDifferences(stored, now, path, out);
  return out;
}

function collectDifferences(a: unknown, b: unknown, path: string, out: ResultDifference[]): void {
  if (isSameLeaf(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) collectDifferences(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) collectDifferences(a[key], b[key], joinPath(path, key), out);
    return;
  }
  out.push({ path: path === '$' ? '$' : path.replace(/^\$\.?/, ''), stored: a, now: b });
}

function isSameLeaf(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || (Number.isNaN(a) && Number.isNaN(b));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function joinPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
