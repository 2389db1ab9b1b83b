/**
 * The HTML report: one self-contained file that opens offline, with no scripts and no remote
 * resources. Pipeline: 1. render every figure to SVG (headless Vega); 2. render each cell
 * (markdown through the safe subset, ask cells as request, decision, outcome or error);
 * 3. the provenance appendix; 4. wrap it in a page with print-friendly CSS.
 */
import type { AnalysisOutcome, Figure, ResultTable } from '../types.js';
import { formatNumber, formatTableNumber } from '../contract/format.js';
import {
  figureCaption, formatAssumption, formatDecisionOptions, formatPinOrigin, formatRoles, formatSampleLine, formatTableRows, isNumericColumn,
} from './format.js';
import { hasMath, renderMarkdownHtml } from './cell-markdown.js';
import { escapeHtml } from './escape.js';
import { KATEX_CSS } from './katex-css.js';
import { renderSvg } from './render.js';
import { ExternalResourceError } from '../contract/figure-spec.js';
import { REPORT_CSS } from './style.js';
import type { ReportAskCell, ReportInput } from './types.js';

/**
 * The report's Content-Security-Policy: it loads nothing (no scripts, no remote images, fonts or
 * styles), so a figure that slipped through the renderer's checks still cannot reach the network.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Figures are drawn at this multiple of their natural size in the report (their text stays readable). */
const FIGURE_ZOOM = 1.35;

/**
 * An SVG from Vega made fit for inlining in HTML: no XML prolog, no namespace URLs, ids prefixed so
 * that several figures in one page cannot collide, and a width that scales down on narrow pages.
 */
export function inlineSvg(svg: string, idPrefix = 'f', label?: string): string {
  const width = Number(/^(?:<\?xml[^>]*>\s*)?<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const style = Number.isFinite(width) && width > 0 ? ` style="width: min(100%, ${Math.round(width * FIGURE_ZOOM)}px)"` : '';
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\s+xlink:href=/g, ' href=')
    .replace(/\sid="([^"]+)"/g, ` id="${idPrefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
    .replace(/\shref="#([^"]+)"/g, ` href="#${idPrefix}-$1"`)
    .replace(/^<svg /, `<svg role="img"${label ? ` aria-label="${escapeHtml(label)}"` : ''}${style} `);
}

/** A figure as inline SVG with its caption, or a clear note when it cannot be rendered. */
async function renderFigureHtml(figure: Figure, idPrefix: string): Promise<string> {
  let body: string;
  try {
    body = inlineSvg(await renderSvg(figure.vegaLite), idPrefix, figure.title);
  } catch (error) {
    body = error instanceof ExternalResourceError
      ? `<p class="note figure-refused">Figure not shown: it refers to an external resource (<code>${escapeHtml(error.where)}</code>), which a report never loads. Inferra's own figures carry their data inline; re-run the cell to draw it again.</p>`
      : `<p class="error-box">This figure could not be rendered: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
  }
  const text = figureCaption(figure);
  const caption = text ? ` ${escapeHtml(text)}` : '';
  return `<figure>${body}<figcaption><strong>${escapeHtml(figure.title)}.</strong>${caption}</figcaption></figure>`;
}

/** A result table as an HTML table (numbers right-aligned, rounded for reading). */
export function renderTableHtml(table: ResultTable): string {
  const numeric = table.columns.map((c) => isNumericColumn(table, c.key));
  const head = table.columns.map((c, j) => `<th${numeric[j] ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const rows = formatTableRows(table)
    .map((cells) => `<tr>${cells.map((cell, j) => `<td${numeric[j] ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  const note = table.note ? `<p class="note"><em>Note.</em> ${escapeHtml(table.note)}</p>` : '';
  return `<div class="table"><p class="table-title">${escapeHtml(table.title)}</p>${scrollable(`<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`)}${note}</div>`;
}

/** A table in a box that scrolls sideways when the table is wider than the page (never clipped). */
function scrollable(table: string): string {
  return `<div class="table-scroll">${table}</div>`;
}

/** A list under a small heading, or nothing when empty. */
function renderList(title: string, items: readonly string[], className: string): string {
  if (items.length === 0) return '';
  return `<div class="${className}"><p class="label">${escapeHtml(title)}</p><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></div>`;
}

/** The decision of an ask cell: analysis, variant, rule id or LLM mark, roles, confidence, rationale, alternatives. */
function renderDecisionHtml(cell: ReportAskCell): string {
  const d = cell.decision;
  if (!d) return '';
  const rows: [string, string][] = [];
  const analysis = d.analysis ?? cell.outcome?.analysis;
  if (analysis) rows.push(['Analysis', `<code>${escapeHtml(analysis)}</code>${cell.outcome ? ` (${escapeHtml(cell.outcome.variant)})` : ''}`]);
  if (d.source === 'llm') rows.push(['Decided by', '<span class="badge badge-llm">LLM decision</span> (no rule matched; check the choice)']);
  else if (d.ruleId) rows.push(['Decided by', `rule <code>${escapeHtml(d.ruleId)}</code>`]);
  if (cell.outcome) {
    const roles = formatRoles(cell.outcome.roles);
    if (roles) rows.push(['Roles', escapeHtml(roles)]);
    // What restricts the rows or changes the hypothesis, on the decision itself (review L8).
    const options = formatDecisionOptions(cell.outcome.options);
    if (options.length) rows.push(['Options', options.map((o) => `<strong>${escapeHtml(o)}</strong>`).join('; ')]);
  }
  const pin = formatPinOrigin(d.pinOrigin);
  if (pin) rows.push(['Pinned', `<span class="badge badge-llm">${escapeHtml(pin)}</span> (check its roles and options)`]);
  if (d.confidence !== undefined && d.confidence !== null) rows.push(['Confidence', escapeHtml(formatNumber(d.confidence, 2))]);
  if (d.rationale) rows.push(['Rationale', escapeHtml(d.rationale)]);
  const list = rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
  const alternatives =
    d.alternatives.length > 0 && cell.status !== 'ok'
      ? `<div class="alternatives"><p class="label">${cell.status === 'ambiguous' ? 'Possible analyses (choose one)' : 'Alternatives'}</p><ol>${d.alternatives
          .map((a) => `<li><code>${escapeHtml(a.analysis)}</code>${formatRoles(a.roles) ? ` (${escapeHtml(formatRoles(a.roles))})` : ''}: ${escapeHtml(a.why)}</li>`)
          .join('')}</ol></div>`
      : d.alternatives.length > 0
        ? `<details><summary>Alternatives considered</summary><ul>${d.alternatives
            .map((a) => `<li><code>${escapeHtml(a.analysis)}</code>: ${escapeHtml(a.why)}</li>`)
            .join('')}</ul></details>`
        : '';
  return `<dl class="decision">${list}</dl>${alternatives}`;
}

/** The outcome of an ask cell: APA sentence, tables, checks, warnings, recommendations, figures, sample line. */
async function renderOutcomeHtml(outcome: AnalysisOutcome, cellIndex: number): Promise<string> {
  const parts: string[] = [];
  if (outcome.summary) parts.push(`<p class="apa">${escapeHtml(outcome.summary)}</p>`);
  parts.push(...outcome.tables.map(renderTableHtml));
  if (outcome.assumptions.length > 0) {
    parts.push(
      `<div class="checks"><p class="label">Assumption checks</p><ul>${outcome.assumptions
        .map((a) => `<li class="${a.ok ? 'ok' : 'failed'}"><span class="mark">${a.ok ? '✓' : '✗'}</span> ${escapeHtml(formatAssumption(a))}</li>`)
        .join('')}</ul></div>`,
    );
  }
  parts.push(renderList('Warnings', outcome.warnings, 'warnings'));
  parts.push(renderList('Recommendations', outcome.recommendations, 'recommendations'));
  for (const [k, figure] of outcome.figures.entries()) parts.push(await renderFigureHtml(figure, `c${cellIndex}f${k + 1}`));
  // A stored n that could not be read is named among the cell's problems instead.
  if (Number.isFinite(outcome.n)) parts.push(`<p class="sample">${escapeHtml(formatSampleLine(outcome.n, outcome.dropped))}</p>`);
  return parts.filter((p) => p).join('\n');
}

/** Status words shown on a cell. */
const STATUS_LABELS: Record<ReportAskCell['status'], string> = {
  ok: 'ok',
  error: 'error',
  ambiguous: 'waiting for a choice',
  no_match: 'waiting: no analysis fits',
  'not-run': 'not run',
  unreadable: 'unreadable',
};

/** A cell's status from the allow-list (it becomes part of class names): anything else is 'unreadable'. */
function knownStatus(status: unknown): ReportAskCell['status'] {
  return typeof status === 'string' && Object.hasOwn(STATUS_LABELS, status) ? (status as ReportAskCell['status']) : 'unreadable';
}

/** The parts of a cell's stored outputs that could not be read, each with its JSON path in the file. */
function renderProblemsHtml(problems: readonly { path: string; message: string }[] | undefined): string {
  if (!problems?.length) return '';
  const items = problems.map((p) => `<li>Stored output could not be read: <code>${escapeHtml(p.path)}</code> (${escapeHtml(p.message)}). This part is not shown.</li>`);
  return `<div class="error-box unreadable"><ul>${items.join('')}</ul></div>`;
}

/** One ask cell. */
async function renderAskCellHtml(cell: ReportAskCell, index: number): Promise<string> {
  const status = knownStatus(cell.status);
  const parts = [
    `<div class="cell-head"><span class="cell-number">[${index}]</span> <span class="badge badge-${status}">${STATUS_LABELS[status]}</span></div>`,
    `<blockquote class="request">${escapeHtml(cell.source)}</blockquote>`,
    renderDecisionHtml(cell),
    renderProblemsHtml(cell.problems),
  ];
  if (cell.error) {
    parts.push(`<div class="error-box"><p class="label">Error <code>${escapeHtml(cell.error.code)}</code></p><p>${escapeHtml(cell.error.message)}</p></div>`);
  }
  // A question is not a failure (#16): the cell waits for the researcher, it has not failed.
  if (cell.status === 'no_match' && !cell.error) parts.push('<p class="question-box">No analysis fits this request as written. Rephrase it, name the analysis, or pick one of the choices.</p>');
  if (cell.status === 'not-run') parts.push('<p class="muted">This cell has not been run.</p>');
  if (cell.outcome) parts.push(await renderOutcomeHtml(cell.outcome, index));
  return `<section class="cell ask status-${status}" id="cell-${escapeHtml(cell.id)}">\n${parts.filter((p) => p).join('\n')}\n</section>`;
}

/** The provenance appendix: datasets with hashes, engine versions, each cell's decision and digest. */
function renderProvenanceHtml(input: ReportInput): string {
  const datasets = input.datasets
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.name)}</td><td class="path">${escapeHtml(d.path)}</td><td class="num">${d.rows !== undefined ? d.rows.toLocaleString('en-US') : '—'}</td><td class="hash">${escapeHtml(d.sha256 ?? '—')}</td></tr>`,
    )
    .join('\n');
  const environment = Object.entries(input.environment)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`)
    .join('\n');
  let index = 0;
  const cells = input.cells
    .filter((c): c is ReportAskCell => c.kind === 'ask')
    .map((c) => {
      index++;
      const decidedBy = c.decision?.source === 'llm' ? 'LLM decision' : (c.decision?.ruleId ?? '—');
      const analysis = c.outcome?.analysis ?? c.decision?.analysis ?? '—';
      const p = c.provenance ?? {};
      const duration = p.durationMs !== undefined ? `${formatTableNumber(Math.round(p.durationMs))} ms` : '—';
      return `<tr><td>[${index}] <code>${escapeHtml(c.id)}</code></td><td>${escapeHtml(STATUS_LABELS[knownStatus(c.status)])}</td><td>${escapeHtml(decidedBy)}</td><td>${analysis === '—' ? '—' : `<code>${escapeHtml(analysis)}</code>`}</td><td class="hash">${escapeHtml(p.resultDigest ?? '—')}</td><td>${escapeHtml(p.startedAt ?? '—')}</td><td class="num">${escapeHtml(duration)}</td></tr>`;
    })
    .join('\n');
  return `<section class="appendix">
<h2>Provenance</h2>
<h3>Datasets</h3>
<div class="table-scroll"><table><thead><tr><th>Name</th><th>Path</th><th class="num">Rows</th><th>SHA-256</th></tr></thead><tbody>
${datasets || '<tr><td colspan="4">No dataset recorded.</td></tr>'}
</tbody></table></div>
<h3>Environment</h3>
<div class="table-scroll"><table><thead><tr><th>Component</th><th>Version</th></tr></thead><tbody>
${environment || '<tr><td colspan="2">Not recorded.</td></tr>'}
</tbody></table></div>
<h3>Cells</h3>
<div class="table-scroll"><table><thead><tr><th>Cell</th><th>Status</th><th>Rule</th><th>Analysis</th><th>Result digest</th><th>Started</th><th class="num">Duration</th></tr></thead><tbody>
${cells || '<tr><td colspan="7">No ask cells.</td></tr>'}
</tbody></table></div>
</section>`;
}

/**
 * The notebook's file name for the header: a report is shared, and the absolute path would show the
 * author's folders and user name.
 */
function notebookFileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** The whole report as one self-contained HTML document (no scripts, no remote resources). */
export async function renderHtmlReport(input: ReportInput): Promise<string> {
  const body: string[] = [];
  let index = 0;
  let math = false;
  for (const cell of input.cells) {
    if (cell.kind === 'markdown') {
      const html = renderMarkdownHtml(cell.source);
      math ||= hasMath(html);
      body.push(`<section class="cell markdown">\n${html}\n</section>`);
    } else body.push(await renderAskCellHtml(cell, ++index));
  }
  const datasetLine = input.datasets.map((d) => escapeHtml(d.name)).join(', ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Inferra">
<title>${escapeHtml(input.title)}</title>
<style>
${REPORT_CSS}${math ? `\n${KATEX_CSS}` : ''}
</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(input.title)}</h1>
<p class="meta">Notebook <code>${escapeHtml(notebookFileName(input.notebookPath))}</code>${datasetLine ? ` · data: ${datasetLine}` : ''} · generated ${escapeHtml(input.generatedAt)}</p>
</header>
${body.join('\n')}
${renderProvenanceHtml(input)}
</main>
</body>
</html>
`;
}
