/**
 * `inferra verify` on a notebook: every ask cell with provenance is checked against its record
 * without running anything (an edited cell is never re-run), then re-run with its pinned decision
 * (never the LLM) and the result compared with what the notebook recorded.
 */
import { decisionFromJson } from '../decide/json.js';
import { toInferraError, type InferraError } from '../errors.js';
import type { DatasetRef, Notebook } from '../notebook/format.js';
import { outcomeToJson } from '../notebook/outputs.js';
import { digestResult } from '../provenance/canonical.js';
import type { ProvenanceRecord } from '../provenance/record.js';
import { buildVerifyRow, checkStoredCell, type ProvenanceCell, type VerifyRow } from '../provenance/verify-cell.js';
import type { AnalysisOutcome, AnalysisRequest } from '../types.js';
import { currentPin, decisionForDirective, requestFromDecision } from './decide-cell.js';
import { storedResultJson } from './record-run.js';
import { refLocator, type DatasetResolver } from './resolve-dataset.js';

/** What verifying needs from the session: its datasets and its worker. */
export interface VerifyContext {
  datasets: DatasetResolver;
  run: (datasetPath: string, request: AnalysisRequest) => Promise<AnalysisOutcome>;
}

/** One row per ask cell of the notebook. */
export async function verifyCells(notebook: Notebook, context: VerifyContext): Promise<VerifyRow[]> {
  const datasets = notebook.datasets.map((d) => ({ ...d }));
  // 1. Without running anything: does what each cell shows still match its record?
  const cells = notebook.cells.flatMap((cell, index) => {
    if (cell.kind !== 'ask') return [];
    const stored: ProvenanceCell = {
      cellId: cell.id,
      source: cell.source,
      chain: (cell.inferra?.provenance ?? []) as ProvenanceRecord[],
      resultJson: storedResultJson(cell),
      index,
      outputs: cell.outputs,
      decision: cell.inferra?.decision,
    };
    return [{ cell, index, stored, shown: checkStoredCell(stored) }];
  });
  // 2. Re-run the others with their pinned decision, when it was made for the cell's text.
  const rows: VerifyRow[] = [];
  for (const { cell, index, stored, shown } of cells) {
    const pinned = currentPin(cell);
    const record = stored.chain.at(-1);
    if (shown.edits.length > 0 || !record || !pinned || record.status !== 'ok') {
      rows.push(buildVerifyRow(stored, undefined, shown));
      continue;
    }
    let dataset: DatasetRef | undefined;
    try {
      const found = context.datasets.datasetOf(notebook, index, datasets);
      dataset = found.dataset;
      const decision = found.directive ? decisionForDirective(found.directive) : decisionFromJson(pinned);
      if (decision.status !== 'decided') {
        rows.push(buildVerifyRow(stored, undefined, shown));
        continue;
      }
      const outcome = await context.run(refLocator(dataset), requestFromDecision(decision));
      const resultJson = outcomeToJson(outcome, { withFigures: false });
      rows.push(buildVerifyRow(stored, { datasetSha256: outcome.dataset.sha256, resultJson, resultDigest: digestResult(resultJson) }, shown));
    } catch (thrown) {
      const error: InferraError = context.datasets.withShownPaths(toInferraError(thrown), dataset?.path);
      if (error.code === 'cancelled') throw error;
      const row = buildVerifyRow(stored, undefined, shown);
      rows.push({ ...row, status: 'diverged', differences: [{ path: 'error', stored: null, now: `${error.code}: ${error.message}` }] });
    }
  }
  return rows;
}
