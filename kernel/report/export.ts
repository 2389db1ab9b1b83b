/**
 * From a notebook (as stored: outputs and provenance in the cells) to the HTML report. Works on a
 * notebook just run by `inferra run` and on one opened from disk (the VS Code Export command,
 * `inferra export`), because it reads only what the file holds: stored parts are validated
 * (kernel/report/stored.ts) and stored figures drawn without loading anything (kernel/report/render.ts).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Notebook } from '../notebook/format.js';
import { collectEnvironment } from '../provenance/environment.js';
import { renderDocxReport } from './docx.js';
import { renderHtmlReport } from './html.js';
// The extension loads this bundle (dist/report.mjs) for SVG too: figures uploaded with each run.
export { renderSvg } from './render.js';
export { outcomeFromStored } from './stored.js';
import { reportCellFromStored } from './stored.js';
import type { ReportInput } from './types.js';

/** The report's input for a notebook. */
export function reportInputFor(notebook: Notebook, notebookPath: string): ReportInput {
  return {
    title: notebook.metadata.title ?? basename(notebookPath).replace(/\.inferra$/, ''),
    notebookPath,
    generatedAt: new Date().toISOString(),
    datasets: notebook.datasets.map((d) => ({ name: d.name, path: d.path, sha256: d.sha256 })),
    environment: collectEnvironment(),
    cells: notebook.cells.map((cell, index) => (cell.kind === 'markdown' ? { kind: 'markdown', source: cell.source } : reportCellFromStored(cell, index))),
  };
}

/** Writes the self-contained HTML report of a notebook; returns its size in bytes. */
export async function exportHtmlReport(notebook: Notebook, notebookPath: string, outPath: string): Promise<number> {
  const html = await renderHtmlReport(reportInputFor(notebook, notebookPath));
  await writeFile(outPath, html, 'utf8');
  return Buffer.byteLength(html);
}

/** Writes the Word report (.docx) of a notebook; returns its size in bytes. */
export async function exportDocxReport(notebook: Notebook, notebookPath: string, outPath: string): Promise<number> {
  const bytes = await renderDocxReport(reportInputFor(notebook, notebookPath));
  await writeFile(outPath, bytes);
  return bytes.length;
}
