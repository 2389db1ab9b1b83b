/** The provenance block of `analyze` / `ask` JSON (DESIGN.md, Provenance), for one-off CLI runs. */
import { resolve } from 'node:path';
import { type AnalysisOutcome, digestResult, isDatabaseLocator, type NotebookSession, sha256Hex } from '../kernel/api.js';

/** A compact provenance record for a one-off run: dataset, plan, engines, digests. */
export function provenanceForOutcome(
  session: NotebookSession,
  dataPath: string,
  outcome: AnalysisOutcome,
  resultJson: Record<string, unknown>,
  startedAt: Date,
  plan: { source: string; rule_id: string | null },
): Record<string, unknown> {
  const { figures: _figures, provenance: _provenance, decision: _decision, ...result } = resultJson;
  return {
    started_at: startedAt.toISOString(),
    duration_ms: Date.now() - startedAt.getTime(),
    dataset: {
      // A database table is named by its locator (never with a password); a file by its absolute path.
      path: isDatabaseLocator(dataPath) ? dataPath : resolve(dataPath),
      sha256: outcome.dataset.sha256,
      table_hash: outcome.dataset.tableHash,
      rows: outcome.dataset.rows,
      rows_used: outcome.dataset.rowsUsed,
      columns: outcome.dataset.columns,
      ...(outcome.dataset.query === undefined ? {} : { query: outcome.dataset.query }),
    },
    plan: { ...plan, analysis: outcome.analysis },
    environment: session.versions(),
    seed: outcome.options.seed,
    result_digest: digestResult(result),
    figure_digests: outcome.figures.map((f) => sha256Hex(JSON.stringify(f.vegaLite))),
  };
}
