import { NotebookSession, readNotebookFile } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { EXIT, logLine, printJson, printText } from '../output.js';
import { timeoutFromEnv } from '../settings.js';
import { formatVerifyReport, verifyExitCode } from '../verify.js';

/**
 * `inferra verify NB [--json] [--allow-outside-data]`: re-run with pinned decisions and compare with
 * the provenance; datasets outside the notebook's folder are read only with `--allow-outside-data`.
 */
export async function runVerifyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', 'allow-outside-data': 'boolean' }, 'verify');
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) throw usageError('Usage: inferra verify NB.inferra [--json] [--allow-outside-data]');
  const notebook = await readNotebookFile(path);
  const allowOutside = args.booleans.has('allow-outside-data');
  const session = new NotebookSession({ notebookPath: path, timeoutMs: timeoutFromEnv(), datasetConsent: async () => allowOutside });
  try {
    const rows = await session.verify(notebook);
    if (args.booleans.has('json')) printJson({ notebook: path, cells: rows });
    else printText(formatVerifyReport(rows));
    const outside = rows.filter((r) => r.differences.some((d) => String(d.now).startsWith('dataset-outside-folder:')));
    if (outside.length && !allowOutside) {
      logLine(`inferra verify: ${outside.length} cell(s) use a dataset outside the notebook's folder, which was not read. If you expected that, run again with --allow-outside-data.`);
    }
    return verifyExitCode(rows) === 0 ? EXIT.ok : EXIT.failed;
  } finally {
    await session.dispose();
  }
}
