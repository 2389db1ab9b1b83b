/**
 * The kernel as its doors see it: the CLI (cli/) and the VS Code extension (extension/) import the
 * kernel only from here (scripts/lint-layers.mjs enforces it). Lazily loaded parts keep their own
 * entry points: kernel/api-supabase.ts (the Supabase client and queue, for the extension's provenance),
 * kernel/provenance/cli-sink.ts (the Supabase client, loaded when configured) and
 * kernel/report/export.ts (the report and SVG renderer: its own bundle for the extension, and vega's
 * Node build cannot be bundled into the extension's CommonJS).
 */
export { buildCompletionEntries, buildHoverMarkdown, buildProvenanceMarkdown, buildSchemaMarkdown, type CompletionEntry } from './assist/dataset-assist.js';
export { camelKey, snakeKeys, TASKS } from './contract/index.js';
export { datasetLocator } from './data/locator.js';
export { isDatabaseLocator, parsePostgresServer } from './data/postgres/locator.js';
export type { DatabaseTableEntry, DatabaseTableList } from './data/postgres/tables.js';

/** The tables a user can read on a PostgreSQL server (the database client loads on first use). */
export async function listDatabaseTables(address: string): Promise<import('./data/postgres/tables.js').DatabaseTableList> {
  return (await import('./data/postgres/tables.js')).listDatabaseTables(address);
}
export { DATASET_EXTENSIONS } from './data/format.js';
export { decisionToJson } from './decide/json.js';
export { type Choice, type DecisionOutcome } from './decide/types.js';
export { InferraError, toInferraError } from './errors.js';
export { adviceFor, messageWithAdvice, type AdviceTable } from './messages/advice.js';
export { ERROR_CODES, type ErrorCode, type ExactParamsOf } from './messages/index.js';
export { DEFAULT_DAILY_BUDGET_TOKENS, defaultUsageFile } from './llm/budget.js';
export { type LlmQuota, type LlmReservation, type LlmSettings } from './llm/types.js';
export { sameFile, storedDatasetPath, type DatasetConsent, type OutsideDataset } from './notebook/dataset-path.js';
export { chooseDataset } from './notebook/datasets.js';
export { readNotebookFile, writeNotebookFile } from './notebook/file.js';
export { newNotebook } from './notebook/new.js';
export { NOTEBOOK_PROJECT_KEY, projectForUrl, readNotebookProject, setNotebookProject, type NotebookProject } from './notebook/project.js';
export { parseNotebook } from './notebook/parse.js';
export { serializeNotebook } from './notebook/serialize.js';
export { type AskCell, type Cell, type CellOutput, type Notebook } from './notebook/format.js';
export { createCellId } from './notebook/ids.js';
export { outcomeToJson } from './notebook/outputs.js';
export { hashRecord } from './provenance/build.js';
export { digestResult, sha256Hex } from './provenance/canonical.js';
export { collectEnvironment } from './provenance/environment.js';
export { type ProvenanceRecord } from './provenance/record.js';
// The Supabase client and queue (supabase-js, undici) have their own facade, kernel/api-supabase.ts:
// re-exported here, every command of the CLI would evaluate them. Their types stay here.
export type { ProvenanceSink, SupabaseSink } from './provenance/sink.js';
export type { ProvenanceClient } from './provenance/supabase.js';
export type { Invitation, ProjectRole, ProjectRun, ProjectSummary, TeamsClient } from './provenance/teams.js';
export { buildVerifyRow, checkStoredCell, type ProvenanceCell, type VerifyEdit, type VerifyRow } from './provenance/verify-cell.js';
export { type VerifyStatus } from './provenance/verify.js';
export { formatOutcomePlain } from './report/cell-text.js';
// runWithoutData has its own entry (kernel/run-without-data.ts): re-exported here, every command would load the statistics.
export { isDataFree } from './analyses/data-free.js';
export { NotebookSession, parseDatasetDirective, requestFromDecision, type CellExecution, type SessionOptions } from './session/index.js';
export { ANALYSIS_IDS, DEFAULT_OPTIONS, FIGURE_IDS, isTaskId, ROLE_NAMES, type AnalysisOptions, type AnalysisOutcome, type AnalysisRequest, type ColumnSchema, type DatasetSchema, type ProgressEvent, type Roles, type RowFilter } from './types.js';
export { progressText } from './util/progress.js';
export { suggestName } from './util/suggest.js';
export { lazy } from './util/lazy.js';
