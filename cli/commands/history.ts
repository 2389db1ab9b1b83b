import { type ProvenanceRecord, readNotebookFile } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { formatHistory } from '../history.js';
import { EXIT, printJson, printText } from '../output.js';
import type { ProvenanceCell } from '../verify.js';

/** `inferra history NB [--cell ID] [--json]`: each cell's chain of provenance records. */
export async function runHistoryCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', cell: 'string' }, 'history');
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) throw usageError('Usage: inferra history NB.inferra [--cell ID] [--json]');
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
  const json = args.booleans.has('json');
  const formatted = formatHistory(cells, { cellId, json });
  if (json) printJson(formatted);
  else printText(String(formatted));
  return EXIT.ok;
}
