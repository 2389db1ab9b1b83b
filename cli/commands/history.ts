import { type ProvenanceRecord, readNotebookFile } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { formatHistory } from '../history.js';
import { EXIT, logLine, printJson, printText } from '../output.js';
import { teamsFromEnv } from '../sinks.js';
import { formatProjectHistory } from '../team.js';
import type { ProvenanceCell } from '../verify.js';

const USAGE = 'Usage: inferra history NB.inferra [--cell ID] [--json]  or  inferra history --project NAME [--notebook ID] [--json]';

/**
 * `inferra history NB [--cell ID] [--json]`: each cell's chain of provenance records;
 * `inferra history --project NAME [--notebook ID] [--json]`: the runs the project's members recorded on Supabase.
 */
export async function runHistoryCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', cell: 'string', project: 'string', notebook: 'string' }, 'history');
  const json = args.booleans.has('json');
  const projectName = args.strings.get('project');
  if (projectName !== undefined) {
    if (args.positionals.length || args.strings.has('cell')) throw usageError(USAGE);
    return projectHistory(projectName, args.strings.get('notebook'), json);
  }
  if (args.strings.has('notebook')) throw usageError(`inferra history: --notebook goes with --project. ${USAGE}`);
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) throw usageError(USAGE);
  const notebook = await readNotebookFile(path);
  const cellId = args.strings.get('cell');
  const cells: ProvenanceCell[] = notebook.cells.flatMap((c, index) =>
    c.kind === 'ask'
      ? [{ cellId: c.id, source: c.source, chain: (c.inferra?.provenance ?? []) as ProvenanceRecord[], index, outputs: c.outputs, decision: c.inferra?.decision }]
      : [],
  );
  if (cellId && !cells.some((c) => c.cellId === cellId)) {
    throw usageError(`The notebook has no ask cell '${cellId}'. Cells: ${cells.map((c) => c.cellId).join(', ')}.`);
  }
  const formatted = formatHistory(cells, { cellId, json });
  if (json) printJson(formatted);
  else printText(String(formatted));
  return EXIT.ok;
}

/** The project's shared record: its runs by notebook and cell, who recorded each and when. */
async function projectHistory(name: string, notebookId: string | undefined, json: boolean): Promise<number> {
  if (!name.trim()) throw usageError(`inferra history: --project needs a project name. ${USAGE}`);
  const connection = await teamsFromEnv('inferra history --project', logLine);
  try {
    const project = await connection.teams.resolveProject(name);
    const runs = await connection.teams.listProjectRuns(project.id, { notebookId });
    const formatted = formatProjectHistory(project, runs, json);
    if (json) printJson(formatted);
    else printText(String(formatted));
    return EXIT.ok;
  } finally {
    await connection.close();
  }
}
