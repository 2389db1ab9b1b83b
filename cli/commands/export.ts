import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readNotebookFile } from '../../kernel/api.js';
import { exportHtmlReport } from '../../kernel/report/export.js';
import { parseArgs, usageError } from '../args.js';
import { EXIT, logLine } from '../output.js';

const USAGE = 'Usage: inferra export NB.inferra --html OUT.html';

/** Whether two paths name the same existing file (also through links). */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return Boolean(sa && sb && sa.dev === sb.dev && sa.ino === sb.ino);
}

/**
 * `inferra export NB --html OUT.html`: the HTML report of the outputs stored in a notebook, without
 * running it. Nothing the notebook names is read or contacted (datasets, figure addresses): the
 * report shows what the file holds, and a stored figure that refers outside itself is not drawn.
 */
export async function runExportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { html: 'string' }, 'export');
  const [path, ...extra] = args.positionals;
  const out = args.strings.get('html');
  if (!path || extra.length || out === undefined) throw usageError(USAGE);
  if (!/\.html$/i.test(out)) throw usageError(`the report '${out}' must end in .html (it is written as an HTML file). ${USAGE}`);
  if (await sameFile(path, out)) throw usageError(`the report '${out}' would replace the notebook itself. Choose another file name.`);
  const notebook = await readNotebookFile(path);
  try {
    await mkdir(dirname(resolve(out)), { recursive: true });
    const bytes = await exportHtmlReport(notebook, resolve(path), out);
    logLine(`report: ${out} (${(bytes / 1024).toFixed(0)} KB)`);
  } catch (error) {
    // File-system errors (a folder in the way, no permission) are the researcher's to fix; others are bugs.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    const reason = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw usageError(`could not write the report to '${out}': ${reason}.`);
  }
  return EXIT.ok;
}
