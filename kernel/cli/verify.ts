/**
 * `inferra verify NB.inferra`: the per-cell verdict and its printing. The CLI dispatcher loads the
 * notebook and re-executes each cell with its pinned decision; this module compares each fresh
 * result with the cell's provenance (`buildVerifyRow`), prints one line per cell
 * (`formatVerifyReport`) and picks the exit code (`verifyExitCode`).
 */
import { checkShown, hashCellSource, type ShownCheck, type ShownEdit } from '../provenance/bind.js';
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
  /** The cell's position in the notebook (0-based, markdown cells included): paths are `cells[index]....`. */
  index?: number;
  /** The outputs as stored, held against the record's bindings. */
  outputs?: readonly { items: readonly { mime: string; data?: unknown }[] }[];
  /** The pinned decision as stored (`inferra.decision`). */
  decision?: unknown;
}

/** One shown part of a cell that changed after its run, with its JSON path in the notebook. */
export interface VerifyEdit {
  /** e.g. `cells[2].source`, `cells[2].outputs[0].items[0].data.result.summary`. */
  path: string;
  /** e.g. "cell text", "result summary", "figure 1". */
  label: string;
  change: ShownEdit['change'];
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
  /**
   * Whether the latest record binds the cell text and the stored outputs (records of older versions
   * do not: their cell text and text outputs cannot be checked, printed as `unbound`).
   */
  bound: boolean;
  /** What a reader sees that no longer matches the record (status `edited`); checked before any re-run. */
  edits: VerifyEdit[];
}

/** Most differences listed under one cell. */
const MAX_DIFFERENCES_SHOWN = 10;

/**
 * Holds the cell as stored (text, outputs, pinned decision) against its latest record, without
 * running anything. Also catches a pinned decision made for another text than the cell's (the
 * only trace of an edited question in a record of an older version).
 */
export function checkStoredCell(cell: ProvenanceCell): ShownCheck {
  const record = cell.chain.at(-1);
  if (!record) return { bound: true, edits: [] };
  const check = checkShown(record, { source: cell.source, outputs: cell.outputs, decision: cell.decision });
  const pinnedHash = isObject(cell.decision) ? cell.decision.source_hash : undefined;
  if (typeof pinnedHash === 'string' && pinnedHash !== hashCellSource(cell.source) && !check.edits.some((e) => e.path === 'source')) {
    check.edits.unshift({ path: 'source', label: 'cell text (the pinned decision was made for another text)', change: 'changed' });
  }
  return check;
}

/** Compares one cell's fresh run (undefined when it was not re-run) with its latest record; an edited cell is `edited` whatever the run. */
export function buildVerifyRow(cell: ProvenanceCell, fresh: FreshRun | undefined, shown: ShownCheck = checkStoredCell(cell)): VerifyRow {
  const chain = verifyChain(cell.chain);
  const record = cell.chain.length ? cell.chain[cell.chain.length - 1] : undefined;
  const prefix = cell.index === undefined ? '' : `cells[${cell.index}].`;
  const edits = shown.edits.map((e): VerifyEdit => ({ path: `${prefix}${e.path}`, label: e.label, change: e.change }));
  const comparison =
    edits.length > 0
      ? {
          status: 'edited' as const,
          differences: shown.edits.map((e, k): ResultDifference => ({ path: edits[k].path, stored: e.recorded ?? null, now: e.now ?? null })),
        }
      : fresh && record
        ? compareRun({ record, resultJson: cell.resultJson }, fresh)
        : { status: 'not-run' as const, differences: [] };
  return {
    cellId: cell.cellId,
    source: cell.source,
    status: comparison.status,
    differences: comparison.differences,
    chainOk: chain.ok,
    ...(chain.ok ? {} : { chainBrokenAt: chain.brokenAt }),
    bound: record ? shown.bound : true,
    edits,
  };
}

/** 0 when nothing diverged (cells never run do not count), 1 when any cell diverged, was edited, used changed data or has a broken chain. */
export function verifyExitCode(rows: readonly VerifyRow[]): 0 | 1 {
  return rows.some((r) => r.status === 'diverged' || r.status === 'edited' || r.status === 'data-changed' || !r.chainOk) ? 1 : 0;
}

/** Words for an edit. */
const CHANGE_WORDS: Record<VerifyEdit['change'], string> = {
  changed: 'changed after the run',
  added: 'added after the run',
  removed: 'removed after the run',
};

/**
 * The report: one line per cell (`reproduced` / `diverged` / `edited` / `not-run` / `data-changed`),
 * the differences under it, a total. `edited`: what a reader sees (cell text, results, text,
 * figures, pinned decision) is not what the recorded run produced.
 */
export function formatVerifyReport(rows: readonly VerifyRow[]): string {
  const lines: string[] = [];
  const width = Math.max(0, ...rows.map((r) => r.cellId.length));
  for (const row of rows) {
    lines.push(`${row.status.padEnd(12)} ${row.cellId.padEnd(width)}  ${quoteSource(row.source)}${row.bound ? '' : '  (unbound)'}`);
    if (!row.chainOk) lines.push(`    provenance chain broken at record ${(row.chainBrokenAt ?? 0) + 1}: the stored history was edited`);
    if (row.status === 'edited') {
      lines.push('    what the notebook shows is not what the recorded run produced (not re-run):');
      for (const e of row.edits.slice(0, MAX_DIFFERENCES_SHOWN)) lines.push(`    ${e.path} (${e.label}): ${CHANGE_WORDS[e.change]}`);
      if (row.edits.length > MAX_DIFFERENCES_SHOWN) lines.push(`    ... and ${row.edits.length - MAX_DIFFERENCES_SHOWN} more`);
    } else {
      for (const d of row.differences.slice(0, MAX_DIFFERENCES_SHOWN)) {
        lines.push(`    ${d.path}: ${formatValue(d.stored)} -> ${formatValue(d.now)}`);
      }
      if (row.differences.length > MAX_DIFFERENCES_SHOWN) lines.push(`    ... and ${row.differences.length - MAX_DIFFERENCES_SHOWN} more`);
    }
  }
  const count = (s: VerifyStatus) => rows.filter((r) => r.status === s).length;
  const broken = rows.filter((r) => !r.chainOk).length;
  const unbound = rows.filter((r) => !r.bound).length;
  lines.push(
    `${rows.length} cell${rows.length === 1 ? '' : 's'}: ${count('reproduced')} reproduced, ${count('diverged')} diverged, ` +
      `${count('data-changed')} data changed, ${count('not-run')} not run${broken ? `, ${broken} with a broken chain` : ''}` +
      `${count('edited') ? `, ${count('edited')} edited` : ''}${unbound ? `, ${unbound} unbound` : ''}`,
  );
  if (unbound) {
    lines.push(
      'unbound: these records were written by an older Inferra and do not bind the cell text or the shown outputs ' +
        '(only the stored result and figures were checked); run the cells again to bind them.',
    );
  }
  return `${lines.join('\n')}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
