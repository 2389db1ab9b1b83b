/**
 * The files `inferra run` writes must not be the files it reads (security review M6): the report
 * (`--html`) is never the notebook, the output notebook or one of the notebook's datasets, and the
 * output notebook (`--out`) ends in `.inferra` and is never a dataset. Files are compared as they
 * really are (symlinks, `./` and `..` variants, hard links), before anything runs or is written.
 */
import { basename, extname, resolve } from 'node:path';
import { isDatabaseLocator, type Notebook, parseDatasetDirective, sameFile } from '../kernel/api.js';
import { usageError } from './args.js';

/** The dataset files a notebook names (its list and its `use FILE` cells), absolute, relative to `folder`. */
export function notebookDatasetFiles(notebook: Notebook, folder: string): string[] {
  const written = [
    ...notebook.datasets.map((d) => d.path),
    ...notebook.cells.flatMap((c) => (c.kind === 'ask' ? [parseDatasetDirective(c.source)].filter((p): p is string => Boolean(p)) : [])),
  ];
  // A database table is not a file that --out could overwrite.
  return [...new Set(written.filter((p) => !isDatabaseLocator(p)).map((p) => resolve(folder, p)))];
}

/** Throws a usage error (exit 2) when `--out` or `--html` would overwrite the notebook or its data. */
export async function checkRunTargets(targets: { notebook: string; out?: string; html?: string; docx?: string; datasets: readonly string[] }): Promise<void> {
  const { notebook, html, datasets } = targets;
  if (targets.docx !== undefined) await checkReportTarget('--docx', '.docx', targets.docx, notebook, targets.out ?? notebook, datasets);
  const out = targets.out ?? notebook;
  if (targets.out !== undefined && extname(out).toLowerCase() !== '.inferra') {
    throw usageError(`inferra run: --out ${out} does not end in .inferra; the output is a notebook. Choose a name like ${suggestName(out, '.inferra')}.`);
  }
  for (const dataset of datasets) {
    if (await sameFile(out, dataset)) {
      throw usageError(`inferra run: --out ${out} is one of the notebook's datasets; writing the notebook there would replace the data. Choose another file.`);
    }
  }
  if (html === undefined) return;
  if (await sameFile(html, notebook)) {
    throw usageError(`inferra run: --html ${html} is the notebook itself; the report would replace it. Choose another file, like ${suggestName(notebook, '.html')}.`);
  }
  if (await sameFile(html, out)) {
    throw usageError(`inferra run: --html ${html} is the output notebook (--out); the report would replace it. Choose another file, like ${suggestName(out, '.html')}.`);
  }
  for (const dataset of datasets) {
    if (await sameFile(html, dataset)) {
      throw usageError(`inferra run: --html ${html} is one of the notebook's datasets; the report would replace the data. Choose another file.`);
    }
  }
}

/** The Word report (--docx) ends in .docx and is never the notebook, the output notebook or a dataset. */
async function checkReportTarget(flag: string, extension: string, report: string, notebook: string, out: string, datasets: readonly string[]): Promise<void> {
  if (extname(report).toLowerCase() !== extension) {
    throw usageError(`inferra run: ${flag} ${report} does not end in ${extension}. Choose a name like ${suggestName(notebook, extension)}.`);
  }
  for (const [target, what] of [[notebook, 'the notebook itself'], [out, 'the output notebook (--out)']] as const) {
    if (await sameFile(report, target)) throw usageError(`inferra run: ${flag} ${report} is ${what}; the report would replace it. Choose another file, like ${suggestName(notebook, extension)}.`);
  }
  for (const dataset of datasets) {
    if (await sameFile(report, dataset)) throw usageError(`inferra run: ${flag} ${report} is one of the notebook's datasets; the report would replace the data. Choose another file.`);
  }
}

/** "study.html" for "study.inferra". */
function suggestName(path: string, extension: string): string {
  const name = basename(path);
  const stem = name.slice(0, name.length - extname(name).length) || name;
  return `${stem}${extension}`;
}
