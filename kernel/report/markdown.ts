/**
 * The report as Markdown, for papers and issue trackers: each cell's request, decision, tables and
 * APA sentence; figures referenced as PNG files when a figure directory is given (written by
 * `exportMarkdownReport`), else listed by title.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { formatOutcomeMarkdown } from './cell-text.js';
import { figureCaption, formatPinOrigin, formatRoles } from './format.js';
import { figureFileName, writeFigurePng } from './png.js';
import type { ReportAskCell, ReportInput } from './types.js';

/** Options of the Markdown report. */
export interface MarkdownReportOptions {
  /** Where figure PNGs are (or will be) written; links in the Markdown point there. */
  figureDir?: string;
  /** How links to the figure directory are written (default: the directory as given). */
  figureLinkBase?: string;
}

/** Markdown's inline characters escaped in running text. */
function escapeText(text: string): string {
  return text.replace(/([\\*_`[\]<>])/g, '\\$1');
}

/** One ask cell as Markdown. */
function renderAskCell(cell: ReportAskCell, index: number, options: MarkdownReportOptions): string {
  const lines: string[] = [`### [${index}] ${escapeText(cell.source.split('\n')[0])}`, ''];
  if (cell.source.includes('\n')) lines.push(...cell.source.split('\n').map((l) => `> ${escapeText(l)}`), '');
  const d = cell.decision;
  const status = cell.status === 'ok' ? '' : ` · **${cell.status.replace('_', ' ')}**`;
  if (d) {
    const by = d.source === 'llm' ? '**LLM decision**' : d.ruleId ? `rule \`${d.ruleId}\`` : 'pinned decision';
    const analysis = d.analysis ?? cell.outcome?.analysis;
    const confidence = d.confidence !== undefined ? ` · confidence ${d.confidence.toFixed(2)}` : '';
    const pin = formatPinOrigin(d.pinOrigin);
    lines.push(`*Decision:* ${analysis ? `\`${analysis}\` ` : ''}by ${by}${confidence}${status}${pin ? ` · **${pin}**` : ''}`, '');
    if (d.rationale) lines.push(`*Why:* ${escapeText(d.rationale)}`, '');
    if (d.alternatives.length > 0 && cell.status !== 'ok') {
      lines.push(cell.status === 'ambiguous' ? '*Possible analyses:*' : '*Alternatives:*', '');
      d.alternatives.forEach((a, i) => {
        const roles = formatRoles(a.roles);
        lines.push(`${i + 1}. \`${a.analysis}\`${roles ? ` (${escapeText(roles)})` : ''}: ${escapeText(a.why)}`);
      });
      lines.push('');
    }
  } else if (status) {
    lines.push(`*Status:*${status}`, '');
  }
  if (cell.error) lines.push(`> **Error \`${cell.error.code}\`:** ${escapeText(cell.error.message)}`, '');
  if (cell.outcome) {
    lines.push(formatOutcomeMarkdown({ ...cell.outcome, figures: [] }), '');
    cell.outcome.figures.forEach((figure, k) => {
      const text = figureCaption(figure);
      const caption = text ? ` ${escapeText(text)}` : '';
      if (options.figureDir) {
        const base = options.figureLinkBase ?? options.figureDir;
        const file = figureFileName(index, cell.id, k + 1, figure.kind);
        lines.push(`![${escapeText(figure.title)}](${join(base, file).replace(/\\/g, '/')})`, '', `*Figure.* ${escapeText(figure.title)}.${caption}`, '');
      } else {
        lines.push(`*Figure (not embedded):* ${escapeText(figure.title)}.${caption}`, '');
      }
    });
  }
  return lines.join('\n').trimEnd();
}

/** The report as Markdown. */
export function renderMarkdownReport(input: ReportInput, options: MarkdownReportOptions = {}): string {
  const blocks: string[] = [`# ${escapeText(input.title)}`, `*Notebook \`${input.notebookPath}\` · generated ${input.generatedAt}*`];
  let index = 0;
  for (const cell of input.cells) {
    blocks.push(cell.kind === 'markdown' ? cell.source.trim() : renderAskCell(cell, ++index, options));
  }
  const provenance = ['## Provenance', '', '| Dataset | Rows | SHA-256 |', '| :--- | ---: | :--- |'];
  for (const d of input.datasets) provenance.push(`| ${d.name} | ${d.rows ?? '—'} | \`${d.sha256 ?? '—'}\` |`);
  provenance.push('', '| Component | Version |', '| :--- | :--- |');
  for (const [k, v] of Object.entries(input.environment)) {
    if (v !== undefined && v !== null) provenance.push(`| ${k} | ${typeof v === 'string' ? v : JSON.stringify(v)} |`);
  }
  provenance.push('', '| Cell | Status | Rule | Analysis | Result digest |', '| :--- | :--- | :--- | :--- | :--- |');
  index = 0;
  for (const cell of input.cells) {
    if (cell.kind !== 'ask') continue;
    index++;
    const rule = cell.decision?.source === 'llm' ? 'LLM decision' : (cell.decision?.ruleId ?? '—');
    const analysis = cell.outcome?.analysis ?? cell.decision?.analysis ?? '—';
    provenance.push(`| [${index}] \`${cell.id}\` | ${cell.status} | ${rule} | \`${analysis}\` | \`${cell.provenance?.resultDigest ?? '—'}\` |`);
  }
  blocks.push(provenance.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Writes the Markdown report to `outPath` and, when `figureDir` is given, every figure as a 2x PNG
 * there (linked relative to the report); returns the paths of the PNGs written.
 */
export async function exportMarkdownReport(input: ReportInput, outPath: string, options: { figureDir?: string } = {}): Promise<string[]> {
  const written: string[] = [];
  const figureDir = options.figureDir;
  if (figureDir) {
    let index = 0;
    for (const cell of input.cells) {
      if (cell.kind !== 'ask') continue;
      index++;
      const figures = cell.outcome?.figures ?? [];
      for (let k = 0; k < figures.length; k++) {
        const path = join(figureDir, figureFileName(index, cell.id, k + 1, figures[k].kind));
        await writeFigurePng(figures[k], path, 2);
        written.push(path);
      }
    }
  }
  const linkBase = figureDir ? relative(dirname(outPath), figureDir) || '.' : undefined;
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, renderMarkdownReport(input, { figureDir, figureLinkBase: linkBase }), 'utf8');
  return written;
}
