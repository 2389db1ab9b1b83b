/**
 * The team's record on Supabase as the CLI shows it: `inferra history --project NAME` (the project's
 * runs by notebook and cell: who, when, analysis, digest) and the `--against-supabase` column of
 * `inferra verify` (whether the project holds a run with the cell's latest record hash).
 */
import type { ProjectRun, ProjectSummary, ProvenanceRecord } from '../kernel/api.js';

/** One run as `history --project --json` prints it. */
export interface ProjectHistoryRun {
  notebook_id: string;
  cell_id: string;
  run_id: string;
  recorded_by: string;
  user_id: string;
  recorded_at: string;
  started_at: string;
  status: string;
  analysis: string;
  result_digest: string | null;
  record_hash: string;
}

/** `history --project` as a JSON document or text. */
export function formatProjectHistory(project: ProjectSummary, runs: readonly ProjectRun[], json: boolean): string | Record<string, unknown> {
  const rows: ProjectHistoryRun[] = [...runs]
    .sort((a, b) => a.notebookId.localeCompare(b.notebookId) || a.cellId.localeCompare(b.cellId) || b.createdAt.localeCompare(a.createdAt))
    .map((r) => ({
      notebook_id: r.notebookId,
      cell_id: r.cellId,
      run_id: r.runId,
      recorded_by: r.recordedBy,
      user_id: r.userId,
      recorded_at: r.createdAt,
      started_at: r.startedAt,
      status: r.status,
      analysis: r.analysis,
      result_digest: r.resultDigest,
      record_hash: r.recordHash,
    }));
  if (json) return { project: { id: project.id, name: project.name, role: project.role, archived: project.archived }, runs: rows };
  const lines = [`project ${project.name} (you are ${project.role === 'owner' ? 'its owner' : project.role === 'editor' ? 'an editor' : 'a viewer'}${project.archived ? '; archived' : ''}): ${rows.length} run${rows.length === 1 ? '' : 's'}`];
  let notebook = '';
  let cell = '';
  for (const r of rows) {
    if (r.notebook_id !== notebook) {
      notebook = r.notebook_id;
      cell = '';
      lines.push(`notebook ${notebook}`);
    }
    if (r.cell_id !== cell) {
      cell = r.cell_id;
      lines.push(`  cell ${cell}`);
    }
    const digest = r.result_digest ? r.result_digest.slice(0, 12) : '-'.repeat(12);
    lines.push(`    ${r.recorded_at}  ${r.status.padEnd(9)} ${r.analysis.padEnd(20)} result ${digest}  by ${r.recorded_by}`);
  }
  if (rows.length === 0) lines.push('  (no runs recorded yet)');
  return `${lines.join('\n')}\n`;
}

/** Whether the team's record holds a cell's latest record. */
export interface TeamRecordCheck {
  cell_id: string;
  /** The cell's latest record hash (null: never run). */
  record_hash: string | null;
  recorded: boolean;
  recorded_by?: string;
  recorded_at?: string;
}

/** For each cell, whether a project run carries its latest record's hash (the earliest such run is named). */
export function checkAgainstTeamRecord(cells: readonly { cellId: string; chain: readonly ProvenanceRecord[] }[], runs: readonly ProjectRun[]): TeamRecordCheck[] {
  return cells.map((cell) => {
    const latest = cell.chain[cell.chain.length - 1];
    if (!latest) return { cell_id: cell.cellId, record_hash: null, recorded: false };
    const found = runs.filter((r) => r.recordHash === latest.hash).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    return found
      ? { cell_id: cell.cellId, record_hash: latest.hash, recorded: true, recorded_by: found.recordedBy, recorded_at: found.createdAt }
      : { cell_id: cell.cellId, record_hash: latest.hash, recorded: false };
  });
}

/** The lines `verify --against-supabase` adds: one per cell, and a total. */
export function formatTeamRecord(project: ProjectSummary, checks: readonly TeamRecordCheck[]): string {
  const width = Math.max(0, ...checks.map((c) => c.cell_id.length));
  const lines = [`team record (project ${project.name}):`];
  for (const c of checks) {
    const verdict = c.record_hash === null
      ? 'never run'
      : c.recorded
        ? `recorded by ${c.recorded_by} at ${c.recorded_at}`
        : 'NOT in the team record (no project run has this record hash)';
    lines.push(`  ${c.cell_id.padEnd(width)}  ${verdict}`);
  }
  const run = checks.filter((c) => c.record_hash !== null);
  lines.push(`${run.filter((c) => c.recorded).length} of ${run.length} run cell${run.length === 1 ? '' : 's'} recorded in the project`);
  return `${lines.join('\n')}\n`;
}
