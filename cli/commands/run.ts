import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { isDatabaseLocator, NotebookSession, readNotebookFile, writeNotebookFile } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { cliMessage } from '../advice.js';
import { EXIT, logLine, printText } from '../output.js';
import { progressOnStderr } from '../progress.js';
import { llmSettingsFromEnv, timeoutFromEnv } from '../settings.js';
import { notebookSupabaseFromEnv } from '../sinks.js';
import { checkRunTargets, notebookDatasetFiles } from '../run-targets.js';

const MARK = { ok: 'ok', error: 'FAILED', ambiguous: 'AMBIGUOUS', no_match: 'NO MATCH' } as const;

/** The report exporter (kernel/report/export.ts: vega, resvg, docx), loaded when first needed. */
const loadReport = () => import('../../kernel/report/export.js');

/**
 * `inferra run NB [--out OUT] [--html REPORT] [--allow-llm] [--allow-outside-data]`: every ask cell
 * in order; a failed cell does not stop the others; the notebook is written once at the end
 * (atomically). `--out`/`--html` that would overwrite the notebook or its data are refused first;
 * datasets outside the notebook's folder are read only with `--allow-outside-data`.
 */
export async function runRunCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { out: 'string', html: 'string', docx: 'string', 'allow-llm': 'boolean', 'allow-outside-data': 'boolean', progress: 'boolean' }, 'run');
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) throw usageError('Usage: inferra run NB.inferra [--out OUT.inferra] [--html REPORT.html] [--docx REPORT.docx] [--allow-outside-data]');
  const notebook = await readNotebookFile(path);
  const out = args.strings.get('out') ?? path;
  const sourceDir = dirname(resolve(path));
  await checkRunTargets({ notebook: path, out: args.strings.get('out'), html: args.strings.get('html'), docx: args.strings.get('docx'), datasets: notebookDatasetFiles(notebook, sourceDir) });
  const allowOutside = args.booleans.has('allow-outside-data');
  if (resolve(out) !== resolve(path)) {
    // Dataset paths are relative to the notebook: keep them pointing at the same files from the new place.
    for (const dataset of notebook.datasets) {
      if (!isAbsolute(dataset.path) && !isDatabaseLocator(dataset.path)) dataset.path = relative(dirname(resolve(out)), resolve(sourceDir, dataset.path));
    }
  }
  // Supabase (when configured): the sink, the notebook's project, the LLM quota.
  const supabase = await notebookSupabaseFromEnv(notebook, llmSettingsFromEnv(), logLine);
  const sinks = supabase.sinks;
  const session = new NotebookSession({
    notebookPath: out,
    sourceDir,
    projectId: supabase.projectId,
    llm: supabase.llm,
    allowLlm: args.booleans.has('allow-llm'),
    sinks,
    // Each run's figures go to the Supabase bucket as SVG, beside its record.
    // The report exporter (vega, resvg, docx) loads only when a figure or a report is written.
    renderSvg: sinks.length ? async (spec) => (await loadReport()).renderSvg(spec) : undefined,
    timeoutMs: timeoutFromEnv(),
    log: (line) => logLine(`  ${line}`),
    datasetConsent: async (dataset) => {
      if (allowOutside) logLine(`  reading ${dataset.path} (outside the notebook's folder: --allow-outside-data)`);
      return allowOutside;
    },
  });
  const counts = { ok: 0, error: 0, ambiguous: 0, no_match: 0 };
  try {
    let order = 0;
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.kind !== 'ask') continue;
      const progress = progressOnStderr(args.booleans.has('progress'));
      let run;
      try {
        run = await session.executeCell(notebook, cell.id, {
          executionOrder: ++order,
          onProgress: progress ? (message, event) => progress.update(`  ${cell.id}: ${message}`, event) : undefined,
        });
      } finally {
        progress?.finish();
      }
      notebook.cells[index] = run.cell;
      notebook.datasets = run.datasets;
      counts[run.status]++;
      const detail = run.error ? cliMessage(run.error) : run.outcome ? run.outcome.summary : run.decision?.rationale ?? '';
      logLine(`[${MARK[run.status]}] ${cell.id}: ${detail}`);
    }
  } finally {
    await session.dispose();
    await supabase.close();
  }
  await writeNotebookFile(out, notebook);
  const html = args.strings.get('html');
  if (html) {
    const bytes = await (await loadReport()).exportHtmlReport(notebook, resolve(out), html);
    logLine(`report: ${html} (${(bytes / 1024).toFixed(0)} KB)`);
  }
  const docx = args.strings.get('docx');
  if (docx) {
    const bytes = await (await loadReport()).exportDocxReport(notebook, resolve(out), docx);
    logLine(`Word report: ${docx} (${(bytes / 1024).toFixed(0)} KB)`);
  }
  const total = counts.ok + counts.error + counts.ambiguous + counts.no_match;
  printText(
    `${total} cells ran: ${counts.ok} ok, ${counts.error} failed, ${counts.ambiguous + counts.no_match} waiting for a choice (${counts.ambiguous} ambiguous, ${counts.no_match} with no match). Wrote ${out}.`,
  );
  return counts.ok === total ? EXIT.ok : EXIT.failed;
}
