import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readNotebookFile } from '../../kernel/api.js';
import { exportDocxReport, exportHtmlReport } from '../../kernel/report/export.js';
import { parseArgs, usageError } from '../args.js';
import { EXIT, logLine } from '../output.js';

const USAGE = 'Usage: inferra export NB.inferra --html OUT.html | --docx OUT.docx';

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
  const args = parseArgs(argv, { html: 'string', docx: 'string' }, 'export');
  const [path, ...extra] = args.positionals;
  const reports = [
    { out: args.strings.get('html'), extension: '.html', kind: 'an HTML file', write: exportHtmlReport, label: 'report' },
    { out: args.strings.get('docx'), extension: '.docx', kind: 'a Word document', write: exportDocxReport, label: 'Word report' },
  ].filter((r): r is typeof r & { out: string } => r.out !== undefined);
  if (!path || extra.length || reports.length === 0) throw usageError(USAGE);
  for (const { out, extension, kind } of reports) {
    if (!out.toLowerCase().endsWith(extension)) throw usageError(`the report '${out}' must end in ${extension} (it is written as ${kind}). ${USAGE}`);
    if (await sameFile(path, out)) throw usageError(`the report '${out}' would replace the notebook itself. Choose another file name.`);
  }
  const notebook = await readNotebookFile(path);
  for (const { out, write, label } of reports) {
    try {
      await mkdir(dirname(resolve(out)), { recursive: true });
      const bytes = await write(notebook, resolve(path), out);
      logLine(`${label}: ${out} (${(bytes / 1024).toFixed(0)} KB)`);
    } catch (error) {
      // File-system errors (a folder in the way, no permission) are the researcher's to fix; others are bugs.
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string' || !code.startsWith('E')) throw error;
      const reason = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      throw usageError(`could not write the report to '${out}': ${reason}.`);
    }
  }
  return EXIT.ok;
}
