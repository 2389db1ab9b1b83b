import { readNotebookFile } from '../../notebook/file.js';
import { NotebookSession } from '../../session.js';
import { parseArgs, usageError } from '../args.js';
import { EXIT, printJson, printText } from '../output.js';
import { timeoutFromEnv } from '../settings.js';
import { formatVerifyReport, verifyExitCode } from '../verify.js';

/** `inferra verify NB [--json]`: re-run with pinned decisions and compare with the provenance. */
export async function runVerifyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean' }, 'verify');
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) throw usageError('Usage: inferra verify NB.inferra [--json]');
  const notebook = await readNotebookFile(path);
  const session = new NotebookSession({ notebookPath: path, timeoutMs: timeoutFromEnv() });
  try {
    const rows = await session.verify(notebook);
    if (args.booleans.has('json')) printJson({ notebook: path, cells: rows });
    else printText(formatVerifyReport(rows));
    return verifyExitCode(rows) === 0 ? EXIT.ok : EXIT.failed;
  } finally {
    await session.dispose();
  }
}
