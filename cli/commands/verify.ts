import { NotebookSession, type ProvenanceRecord, readNotebookFile, readNotebookProject } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { EXIT, logLine, printJson, printText } from '../output.js';
import { timeoutFromEnv } from '../settings.js';
import { teamsFromEnv } from '../sinks.js';
import { checkAgainstTeamRecord, formatTeamRecord, type TeamRecordCheck } from '../team.js';
import { formatVerifyReport, verifyExitCode } from '../verify.js';
import type { Notebook, ProjectSummary } from '../../kernel/api.js';

/**
 * `inferra verify NB [--json] [--allow-outside-data] [--against-supabase [--project NAME]]`: re-run
 * with pinned decisions and compare with the provenance; datasets outside the notebook's folder are
 * read only with `--allow-outside-data`. With `--against-supabase`, also whether the team's record
 * (the notebook's Supabase project, or `--project`) holds each cell's latest record.
 */
export async function runVerifyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', 'allow-outside-data': 'boolean', 'against-supabase': 'boolean', project: 'string' }, 'verify');
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) throw usageError('Usage: inferra verify NB.inferra [--json] [--allow-outside-data] [--against-supabase [--project NAME]]');
  const against = args.booleans.has('against-supabase');
  if (args.strings.has('project') && !against) throw usageError('inferra verify: --project goes with --against-supabase.');
  const notebook = await readNotebookFile(path);
  // Asked first: a missing project or sign-in fails before any cell is re-run.
  const team = against ? await teamRecord(notebook, args.strings.get('project')) : undefined;
  const allowOutside = args.booleans.has('allow-outside-data');
  const session = new NotebookSession({ notebookPath: path, timeoutMs: timeoutFromEnv(), datasetConsent: async () => allowOutside });
  try {
    const rows = await session.verify(notebook);
    if (args.booleans.has('json')) {
      const byCell = new Map(team?.checks.map((c) => [c.cell_id, c]));
      printJson({
        notebook: path,
        cells: team ? rows.map((r) => ({ ...r, team_record: byCell.get(r.cellId) })) : rows,
        ...(team ? { project: { id: team.project.id, name: team.project.name } } : {}),
      });
    } else {
      printText(formatVerifyReport(rows));
      if (team) printText(formatTeamRecord(team.project, team.checks));
    }
    const outside = rows.filter((r) => r.differences.some((d) => String(d.now).startsWith('dataset-outside-folder:')));
    if (outside.length && !allowOutside) {
      logLine(`inferra verify: ${outside.length} cell(s) use a dataset outside the notebook's folder, which was not read. If you expected that, run again with --allow-outside-data.`);
    }
    const unrecorded = team?.checks.some((c) => c.record_hash !== null && !c.recorded) ?? false;
    return verifyExitCode(rows) === 0 && !unrecorded ? EXIT.ok : EXIT.failed;
  } finally {
    await session.dispose();
  }
}

/** The project (the notebook's, or `--project`) and, per ask cell, whether it holds the latest record. */
async function teamRecord(notebook: Notebook, projectName: string | undefined): Promise<{ project: ProjectSummary; checks: TeamRecordCheck[] }> {
  const connection = await teamsFromEnv('inferra verify --against-supabase', logLine);
  try {
    const named = projectName ?? readNotebookProject(notebook.metadata)?.id;
    if (!named) {
      throw usageError("inferra verify --against-supabase: the notebook names no Supabase project (metadata 'supabase_project'); name one with --project NAME.");
    }
    const project = await connection.teams.resolveProject(named);
    const cells = notebook.cells.flatMap((c) => (c.kind === 'ask' ? [{ cellId: c.id, chain: (c.inferra?.provenance ?? []) as ProvenanceRecord[] }] : []));
    const hashes = cells.flatMap((c) => (c.chain.length ? [c.chain[c.chain.length - 1].hash] : []));
    const runs = await connection.teams.findRunsByRecordHash(project.id, hashes);
    return { project, checks: checkAgainstTeamRecord(cells, runs) };
  } finally {
    await connection.close();
  }
}
