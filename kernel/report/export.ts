/**
 * From a notebook (as stored: outputs and provenance in the cells) to the HTML report. Works on a
 * notebook just run by `inferra run` and on one opened from disk (the VS Code Export command),
 * because it reads only what the file holds.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AskCell, Notebook } from '../notebook/format.js';
import { RESULT_MIME, VEGA_MIME, type ResultPayload } from '../notebook/outputs.js';
import { collectEnvironment } from '../provenance/environment.js';
import type { ProvenanceRecord } from '../provenance/record.js';
import type { AnalysisOutcome, AssumptionCheck, Figure, FigureId } from '../types.js';
import { renderHtmlReport } from './html.js';
// The extension loads this bundle (dist/report.mjs) for SVG too: figures uploaded with each run.
export { renderSvg } from './render.js';
import type { ReportCell, ReportInput } from './types.js';

/** snake_case keys back to camelCase (the inverse of kernel/contract.ts, for stored results). */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), camelKeys(v)]),
    );
  }
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return value;
}

/** The figures a cell's outputs carry, in order. */
function figuresOf(cell: AskCell, analysis: string): Figure[] {
  const figures: Figure[] = [];
  for (const output of cell.outputs ?? []) {
    const item = output.items.find((i) => i.mime === VEGA_MIME);
    if (!item) continue;
    const spec = item.data as Record<string, unknown>;
    const title = typeof spec.title === 'string' ? spec.title : ((spec.title as { text?: string })?.text ?? analysis);
    const meta = (spec.usermeta ?? {}) as { kind?: FigureId; caption?: string };
    figures.push({ kind: meta.kind ?? 'boxplot', title: String(title), vegaLite: spec, caption: meta.caption });
  }
  return figures;
}

/** An AnalysisOutcome rebuilt from a stored result JSON (CONTRACT.md shape) and the cell's figures. */
export function outcomeFromStored(result: Record<string, unknown>, figures: Figure[]): AnalysisOutcome {
  const r = result as Record<string, any>;
  return {
    analysis: r.analysis,
    variant: r.variant ?? r.analysis,
    roles: camelKeys(r.roles ?? {}) as AnalysisOutcome['roles'],
    options: camelKeys(r.options ?? {}) as AnalysisOutcome['options'],
    n: r.n,
    nMissing: r.n_missing ?? 0,
    dropped: r.dropped ?? [],
    result: camelKeys(r.result ?? {}) as Record<string, unknown>,
    assumptions: camelKeys(r.assumptions ?? []) as AssumptionCheck[],
    summary: r.summary ?? '',
    warnings: r.warnings ?? [],
    recommendations: r.recommendations ?? [],
    tables: r.tables ?? [],
    figures,
    dataset: camelKeys(r.dataset ?? {}) as AnalysisOutcome['dataset'],
  };
}

/** One report cell from a stored ask cell. */
function reportCellFrom(cell: AskCell): ReportCell {
  const payload = cell.outputs?.[0]?.items.find((i) => i.mime === RESULT_MIME)?.data as ResultPayload | undefined;
  const record = (cell.inferra?.provenance as ProvenanceRecord[] | undefined)?.at(-1);
  if (!payload) return { kind: 'ask', id: cell.id, source: cell.source, status: 'not-run' };
  const d = payload.decision as Record<string, any> | undefined;
  return {
    kind: 'ask',
    id: cell.id,
    source: cell.source,
    status: payload.status,
    decision: d
      ? {
          analysis: d.analysis,
          source: d.source,
          ruleId: d.rule_id ?? undefined,
          confidence: d.confidence,
          rationale: d.rationale ?? '',
          pinOrigin: typeof d.pin_origin === 'string' ? d.pin_origin : undefined,
          alternatives: (d.alternatives ?? []).map((a: Record<string, any>) => ({ analysis: a.analysis, roles: a.roles ?? {}, why: a.why ?? '' })),
        }
      : undefined,
    outcome: payload.result ? outcomeFromStored(payload.result, figuresOf(cell, payload.result.analysis)) : undefined,
    error: payload.error,
    provenance: record
      ? {
          resultDigest: record.result_digest ?? undefined,
          datasetSha256: record.datasets[0]?.sha256 ?? undefined,
          startedAt: record.started_at,
          durationMs: record.duration_ms,
        }
      : undefined,
  };
}

/** The report's input for a notebook. */
export function reportInputFor(notebook: Notebook, notebookPath: string): ReportInput {
  return {
    title: notebook.metadata.title ?? basename(notebookPath).replace(/\.inferra$/, ''),
    notebookPath,
    generatedAt: new Date().toISOString(),
    datasets: notebook.datasets.map((d) => ({ name: d.name, path: d.path, sha256: d.sha256 })),
    environment: collectEnvironment(),
    cells: notebook.cells.map((cell) => (cell.kind === 'markdown' ? { kind: 'markdown', source: cell.source } : reportCellFrom(cell))),
  };
}

/** Writes the self-contained HTML report of a notebook; returns its size in bytes. */
export async function exportHtmlReport(notebook: Notebook, notebookPath: string, outPath: string): Promise<number> {
  const html = await renderHtmlReport(reportInputFor(notebook, notebookPath));
  await writeFile(outPath, html, 'utf8');
  return Buffer.byteLength(html);
}
