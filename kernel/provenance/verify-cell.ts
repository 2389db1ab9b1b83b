/**
 * A cell's verification, without printing: holds what the cell shows against its latest record and
 * compares a fresh run with it (`buildVerifyRow`). The CLI prints the rows (cli/verify.ts), VS Code
 * summarises them; the session produces them.
 */
import { checkShown, hashCellSource, type ShownCheck, type ShownEdit } from './bind.js';
import { verifyChain } from './build.js';
import type { ProvenanceRecord } from './record.js';
import { compareRun, type FreshRun, type ResultDifference, type VerifyStatus } from './verify.js';

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
