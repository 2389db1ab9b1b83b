/**
 * `inferra history NB [--cell ID] [--json]`: each cell's chain of provenance records (when, which
 * decision, the result digest, and whether the record's hash and link check out), as text or JSON.
 * Takes plain cells (`ProvenanceCell`), so it does not care how the notebook was loaded.
 */
import { hashRecord, InferraError, type ProvenanceRecord, suggestName } from '../kernel/api.js';
import { checkStoredCell, type ProvenanceCell } from './verify.js';

/** Options of `inferra history`. */
export interface HistoryOptions {
  cellId?: string;
  json?: boolean;
}

/** One record as history shows it. */
export interface HistoryEntry {
  index: number;
  run_id: string;
  started_at: string;
  duration_ms: number;
  status: ProvenanceRecord['status'];
  decision: string;
  analysis: string;
  result_digest: string | null;
  hash: string;
  /**
   * The record's hash matches its content, its link matches the record before it and (latest record)
   * the cell text and stored outputs still match it.
   */
  verified: boolean;
  /** Latest record only: the cell text or the stored outputs changed after this run (paths in `edits`). */
  edited?: boolean;
  /** What changed, as paths in the notebook (`cells[2].source`, `cells[2].outputs[0].items[0].data.result.summary`). */
  edits?: string[];
  /** Latest record only: false when the record (older Inferra) does not bind the cell text and outputs. */
  bound?: boolean;
}

/** One cell's history. */
export interface HistoryCell {
  cell_id: string;
  source: string;
  chain_ok: boolean;
  records: HistoryEntry[];
}

/** The history as a JSON document (`--json`) or as text; throws `cell-not-found` for an unknown `--cell`. */
export function formatHistory(cells: readonly ProvenanceCell[], options: HistoryOptions = {}): string | { cells: HistoryCell[] } {
  const selected = selectCells(cells, options.cellId);
  const history = selected.map(buildHistoryCell);
  return options.json ? { cells: history } : formatHistoryText(history);
}

/** A cell's records with their verification flags. */
export function buildHistoryCell(cell: ProvenanceCell): HistoryCell {
  let intact = true;
  const shown = cell.chain.length ? checkStoredCell(cell) : undefined;
  const prefix = cell.index === undefined ? '' : `cells[${cell.index}].`;
  const records = cell.chain.map((record, i): HistoryEntry => {
    const linked = record.previous_hash === (i === 0 ? null : cell.chain[i - 1].hash);
    const intactRecord = linked && record.hash === hashRecord(record);
    intact &&= intactRecord;
    const latest = i === cell.chain.length - 1 && shown ? shown : undefined;
    const edited = Boolean(latest && latest.edits.length > 0);
    const verified = intactRecord && !edited;
    return {
      index: i + 1,
      run_id: record.run_id,
      started_at: record.started_at,
      duration_ms: record.duration_ms,
      status: record.status,
      decision: describeDecision(record),
      analysis: record.plan.analysis,
      result_digest: record.result_digest,
      hash: record.hash,
      verified,
      ...(latest
        ? { edited, ...(edited ? { edits: latest.edits.map((e) => `${prefix}${e.path}`) } : {}), bound: latest.bound }
        : {}),
    };
  });
  return { cell_id: cell.cellId, source: cell.source, chain_ok: intact, records };
}

function selectCells(cells: readonly ProvenanceCell[], cellId: string | undefined): readonly ProvenanceCell[] {
  if (cellId === undefined) return cells;
  const found = cells.filter((c) => c.cellId === cellId);
  if (found.length === 0) {
    const suggestion = suggestName(cellId, cells.map((c) => c.cellId));
    throw new InferraError('cell-not-found', { cellId, suggestion });
  }
  return found;
}

function describeDecision(record: ProvenanceRecord): string {
  const plan = record.plan;
  switch (plan.source) {
    case 'rules':
      return `rule ${plan.rule_id ?? '?'}${plan.ruleset_version ? ` (rules ${plan.ruleset_version})` : ''}`;
    case 'llm':
      return `LLM ${plan.llm?.model ?? '?'}`;
    case 'pinned':
      return `pinned${plan.rule_id ? ` (rule ${plan.rule_id})` : ''}`;
    case 'user-choice':
      return 'chosen by the user';
    default:
      return String(plan.source);
  }
}

function formatHistoryText(cells: readonly HistoryCell[]): string {
  const lines: string[] = [];
  for (const cell of cells) {
    const source = cell.source.replace(/\s+/g, ' ').trim();
    lines.push(`cell ${cell.cell_id}  ${JSON.stringify(source.length > 60 ? `${source.slice(0, 59)}…` : source)}`);
    if (cell.records.length === 0) lines.push('  (never run)');
    for (const r of cell.records) {
      const digest = r.result_digest ? r.result_digest.slice(0, 12) : '-'.repeat(12);
      lines.push(
        `  #${r.index}  ${r.started_at}  ${r.status.padEnd(9)} ${r.analysis.padEnd(20)} ${r.decision.padEnd(28)} result ${digest}  ${r.edited ? 'edited' : r.verified ? 'verified' : 'NOT VERIFIED'}${r.bound === false ? ' (unbound)' : ''}`,
      );
      if (r.edited) {
        lines.push(`      the cell text or its outputs changed after this run: ${(r.edits ?? []).join(', ')}`);
      }
    }
    if (!cell.chain_ok) lines.push('  the chain is broken: a record was edited, removed or reordered');
  }
  return `${lines.join('\n')}\n`;
}
