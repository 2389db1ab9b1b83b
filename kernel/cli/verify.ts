/**
 * `inferra verify NB.inferra`: the per-cell verdict and its printing. The CLI dispatcher loads the
 * notebook and re-executes each cell with its pinned decision; this module compares each fresh
 * result with the cell's provenance (`buildVerifyRow`), prints one line per cell
 * (`formatVerifyReport`) and picks the exit code (`verifyExitCode`).
 */
import { verifyChain } from '../provenance/build.js';
import type { ProvenanceRecord } from '../provenance/record.js';
import { compareRun, type FreshRun, type ResultDifference, type VerifyStatus } from '../provenance/verify.js';

/** A cell as verify and history see it, independent of how the notebook was loaded. */
export interface ProvenanceCell {
  cellId: string;
  source: string;
  /** The cell's records, oldest first. */
  chain: ProvenanceRecord[];
  /** The result JSON in the cell's outputs, when present (lets a divergence name the changed numbers). */
  resultJson?: unknown;
}

/** One cell's verification. */
export interface VerifyRow {
  cellId: string;
  source: string;
  status: VerifyStatus;
  differences: ResultDifference[];
  /** Whether the stored chain's hashes and links are intact. */
  chainOk: boolean;
  /** Index of the first bad record when the chain is broken. */
  chainBrokenAt?: number;
}

/** Most differences listed under one cell. */
const MAX_DIFFERENCES_SHOWN = 10;

/** Compares one cell's fresh run (undefined when it was not re-run) with its latest record. */
export function buildVerifyRow(cell: ProvenanceCell, fresh: FreshRun | undefined): VerifyRow {
  const chain = verifyChain(cell.chain);
  const record = cell.chain.length ? cell.chain[cell.chain.length - 1] : undefined;
  const comparison = fresh && record ? compareRun({ record, resultJson: cell.resultJson }, fresh) : { status: 'not-run' as const, differences: [] };
  return {
    cellId: cell.cellId,
    source: cell.source,
    status: comparison.status,
    differences: comparison.differences,
    chainOk: chain.ok,
    ...(chain.ok ? {} : { chainBrokenAt: chain.brokenAt }),
  };
}

/** 0 when nothing diverged (cells never run do not count), 1 when any cell diverged, used changed data or has a broken chain. */
export function verifyExitCode(rows: readonly VerifyRow[]): 0 | 1 {
  return rows.some((r) => r.status === 'diverged' || r.status === 'data-changed' || !r.chainOk) ? 1 : 0;
}

/** The report: one line per cell (`reproduced` / `diverged` / `not-run` / `data-changed`), the differences under it, a total. */
export function formatVerifyReport(rows: readonly VerifyRow[]): string {
  const lines: string[] = [];
  const width = Math.max(0, ...rows.map((r) => r.cellId.length));
  for (const row of rows) {
    lines.push(`${row.status.padEnd(12)} ${row.cellId.padEnd(width)}  ${quoteSource(row.source)}`);
    if (!row.chainOk) lines.push(`    provenance chain broken at record ${(row.chainBrokenAt ?? 0) + 1}: the stored history was edited`);
    for (const d of row.differences.slice(0, MAX_DIFFERENCES_SHOWN)) {
      lines.push(`    ${d.path}: ${formatValue(d.stored)} -> ${formatValue(d.now)}`);
    }
    if (row.differences.length > MAX_DIFFERENCES_SHOWN) lines.push(`    ... and ${row.differences.length - MAX_DIFFERENCES_SHOWN} more`);
  }
  const count = (s: VerifyStatus) => rows.filter((r) => r.status === s).length;
  const broken = rows.filter((r) => !r.chainOk).length;
  lines.push(
    `${rows.length} cell${rows.length === 1 ? '' : 's'}: ${count('reproduced')} reproduced, ${count('diverged')} diverged, ` +
      `${count('data-changed')} data changed, ${count('not-run')} not run${broken ? `, ${broken} with a broken chain` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function quoteSource(source: string): string {
  const oneLine = source.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine);
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
